/**
 * "These 240 paths under /img/ cost $1.20; /img/* costs $0.005 or nothing": one wildcard is billed
 * as one path however many files it covers, so files sharing a directory may be cheaper as `dir/*`.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * A wildcard also purges files not listed and takes one of the 15 in-progress wildcard slots
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html),
 * so this is a suggestion for the user, never applied silently.
 */
import { classify } from '$lib/paths/parse-paste';
import { formatUsd, type Micros } from './money';
import type { PathPricing } from './pricing';
import { formatCount } from '$lib/paths/format-count';
import { directoryLength, parentDirectory } from '$lib/paths/directory';

export interface WildcardSuggestion {
	/** The directory the files share, e.g. `/img/`. */
	directory: string;
	/** What to send instead, e.g. `/img/*`. */
	wildcard: string;
	/** The listed file paths it replaces, in the order given. */
	files: string[];
	/** What those files add to this purge's cost. */
	filesCostMicros: Micros;
	/** What the wildcard would add instead (zero while free paths last). */
	wildcardCostMicros: Micros;
}

/**
 * The marginal cost of a purge of `n` paths on one distribution with `freeLeft` free paths.
 * @example costOfPaths(10, perPath5000)(12) // 10_000
 */
export const costOfPaths =
	(freeLeft: number, pricing: PathPricing) =>
	(n: number): Micros =>
		pricing.plan === 'flat-rate'
			? 0
			: Math.max(0, n - Math.max(0, freeLeft)) * pricing.pricePerPathMicros;

/** `/img/a.jpg?v=2` → `/img/`; null for a file at the root (the wildcard would be `/*`). The
 * same grouping as the path rules' sibling suggestion. */
export const directoryOf = parentDirectory;

/**
 * Directories whose listed files cost more than one wildcard would, biggest saving first.
 * The root is never suggested (`/*` purges the whole site), nor a directory whose wildcard is
 * already in the list (folding removes those files instead).
 * @example suggestWildcards(['/img/1.jpg', …240 files], costOfPaths(0, perPath5000))
 * // → [{ directory: '/img/', wildcard: '/img/*', files: [...240], filesCostMicros: 1_200_000,
 * //      wildcardCostMicros: 5000 }]
 */
export function suggestWildcards(
	items: readonly string[],
	costOf: (paths: number) => Micros
): WildcardSuggestion[] {
	// The wildcards listed: a few, where a Set of every item would cost more than the rest.
	const wildcards = new Set(items.filter((item) => classify(item) === 'wildcard'));
	// null: the directory's wildcard is listed already (looked up once per directory, not per item).
	const groups = new Map<string, string[] | null>();
	// Pastes come in runs of one directory: a file in the previous file's directory joins its
	// group without a new directory string or a lookup.
	let last: { directory: string; group: string[] | null } | null = null;
	for (const item of items) {
		if (classify(item) !== 'file') continue;
		if (
			last &&
			item.startsWith(last.directory) &&
			directoryLength(item) === last.directory.length
		) {
			last.group?.push(item);
			continue;
		}
		const directory = directoryOf(item);
		if (directory === null) continue;
		let group = groups.get(directory);
		if (group) group.push(item);
		else if (group === undefined) {
			group = wildcards.has(`${directory}*`) ? null : [item];
			groups.set(directory, group);
		}
		last = { directory, group };
	}
	const total = items.length;
	const suggestions: WildcardSuggestion[] = [];
	for (const [directory, files] of groups) {
		if (files === null) continue;
		const rest = total - files.length;
		const filesCostMicros = costOf(total) - costOf(rest);
		const wildcardCostMicros = costOf(rest + 1) - costOf(rest);
		if (files.length > 1 && wildcardCostMicros < filesCostMicros)
			suggestions.push({
				directory,
				wildcard: `${directory}*`,
				files,
				filesCostMicros,
				wildcardCostMicros
			});
	}
	const saving = (s: WildcardSuggestion) => s.filesCostMicros - s.wildcardCostMicros;
	return suggestions.sort((a, b) => saving(b) - saving(a) || (a.directory < b.directory ? -1 : 1));
}

/**
 * The suggestion in words, for the estimate panel.
 * @example describeSuggestion(s)
 * // 'These 240 paths under /img/ cost $1.20; /img/* costs $0.005.'
 * // 'These 240 paths under /img/ cost $0.70; /img/* costs nothing (free paths left).'
 */
export function describeSuggestion(s: WildcardSuggestion): string {
	const wildcardCost =
		s.wildcardCostMicros === 0 ? 'nothing (free paths left)' : formatUsd(s.wildcardCostMicros);
	return `These ${formatCount(s.files.length)} paths under ${s.directory} cost ${formatUsd(s.filesCostMicros)}; ${s.wildcard} costs ${wildcardCost}.`;
}
