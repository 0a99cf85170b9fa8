/**
 * Which distributions of a multi-distribution purge get the same verdicts on one text, so the
 * rules run once per group rather than once per distribution. The rules read a distribution's
 * settings in two places only: its hosts, for an item that is a full URL ("http://" or
 * "https://"), and whether cache tags are on, for an item that starts with "#". A text with no
 * "://" has no URL and a text with no "#" has no tag, so then those settings change nothing: a
 * paste of plain paths is checked once however many distributions it goes to.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import type { ParseOptions } from '$lib/paths/parse-paste';

export interface TargetRules {
	hosts: readonly string[];
	tagsEnabled: boolean;
}

export interface VerdictGroup {
	/** The options to check the text with once for the whole group. */
	options: ParseOptions;
	/** Indexes (into the targets given) that share these verdicts. */
	targets: number[];
}

/**
 * Groups the targets (null: left out, in no group) by the settings that matter for `text`.
 * @example
 * verdictGroups('/a\n/b', [{ hosts: ['a.test'], tagsEnabled: false },
 *   { hosts: ['b.test'], tagsEnabled: true }], false) // one group: targets [0, 1]
 */
export function verdictGroups(
	text: string,
	targets: readonly (TargetRules | null)[],
	keepQueryStrings: boolean
): VerdictGroup[] {
	const hostsMatter = text.includes('://');
	const tagsMatter = text.includes('#');
	const groups = new Map<string, VerdictGroup>();
	targets.forEach((t, i) => {
		if (!t) return;
		const hosts = hostsMatter ? t.hosts.map((h) => h.toLowerCase()) : [];
		const key = `${hosts.join(' ')}|${tagsMatter && t.tagsEnabled}`;
		const group = groups.get(key);
		if (group) group.targets.push(i);
		else
			groups.set(key, {
				options: { hosts: [...t.hosts], tagsEnabled: t.tagsEnabled, keepQueryStrings },
				targets: [i]
			});
	});
	return [...groups.values()];
}
