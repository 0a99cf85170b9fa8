/**
 * One list purged on several distributions. The list is checked per distribution (its hosts, its
 * cache tags), and each distribution gets its own queue, so a refusal on one (AccessDenied, a
 * full distribution) never stops the others. The typed list is kept as a draft of this user for
 * this set of distributions, like a single distribution's draft.
 *
 * Checking and saving run on the single-distribution form's schedule (CheckSchedule, as PurgeForm),
 * with the same PathChecker: the rules run once per text change for each group of distributions
 * whose verdicts can differ (`verdictGroups`: once for plain paths, whatever the number of
 * distributions), and a purge is only ever sent from the verdicts of the exact text it sends.
 */
import { distributionHosts } from '$lib/distributions/names';
import type { Distribution } from '$lib/distributions/types';
import type { AppError } from '$lib/errors';
import type { PathBatch } from '$lib/paths/parse-paste';
import type { KeyValueStore } from '$lib/storage';
import { loadDraft, saveDraft, type DraftScope } from './draft';
import type { LiveQueue } from './live-queue.svelte';
import { mainThreadChecker, type PathChecker } from './path-checker';
import { CheckSchedule, type CheckKey, type Stamped } from './check-schedule.svelte';
import { EMPTY } from './purge-form.svelte';
import { queueStartMessage } from './queue-start';
import { verdictGroups } from './verdict-groups';

export interface Target {
	id: string;
	label: string;
	/** Null when it could not be read: then it is left out, with `error` saying why. */
	distribution: Distribution | null;
	error: AppError | null;
	live: LiveQueue | null;
}

/** The verdicts on one text, per target (null for a target left out). */
export type MultiChecked = Stamped<{ batches: (PathBatch | null)[] }>;

export class MultiPurge {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#text = $state('');
	#keepQueryStrings = $state(false);
	#draftKept = $state(true);
	#sending = $state(false);
	#messages = $state.raw<Record<string, string>>({});
	readonly targets: Target[];
	#checks: CheckSchedule<{ batches: (PathBatch | null)[] }>;

	constructor(
		store: KeyValueStore | null,
		owner: { subject: string; email: string },
		targets: Target[],
		checker: Promise<PathChecker> = mainThreadChecker()
	) {
		this.#store = store;
		this.targets = targets;
		// Keyed by the set of distributions, not the order the link names them in: `?d=A&d=B` and
		// `?d=B&d=A` are one purge, so they share one draft.
		const ids = targets.map((t) => t.id).sort();
		this.#scope = { ...owner, distributionId: `multi:${ids.join('+')}` };
		this.#text = store ? loadDraft(store, this.#scope).text : '';
		this.#draftKept = store !== null;
		this.#checks = new CheckSchedule(
			{
				key: () => ({ text: this.#text, keepQueryStrings: this.#keepQueryStrings }),
				empty: () => ({ batches: targets.map((t) => (t.distribution ? EMPTY : null)) }),
				parse: (c, key) => {
					const { groups, spread } = this.#groups(key);
					return { batches: spread(groups.map((g) => c.parse(key.text, g.options))) };
				},
				check: async (c, key) => {
					const { groups, spread } = this.#groups(key);
					const verdicts = await Promise.all(groups.map((g) => c.check(key.text, g.options)));
					return { batches: spread(verdicts) };
				},
				save: () => {
					this.#draftKept =
						this.#store !== null && saveDraft(this.#store, this.#scope, { text: this.#text });
				}
			},
			checker
		);
	}

	get text() {
		return this.#text;
	}
	set text(value: string) {
		this.#text = value;
		this.#checks.textChanged();
	}
	/** The user says the cache keys include query strings, so they are kept without a warning. */
	get keepQueryStrings() {
		return this.#keepQueryStrings;
	}
	set keepQueryStrings(value: boolean) {
		this.#keepQueryStrings = value;
		this.#checks.schedule();
	}
	/** The newest verdicts per target: those of an earlier text while `isSettling`. */
	get batches(): (PathBatch | null)[] {
		return this.#checks.latest?.batches ?? this.targets.map(() => null);
	}
	/** Whether the verdicts shown are not yet those of the text in the field. */
	get isSettling() {
		return this.#checks.isSettling;
	}
	/** The rules' code would not load (the network may be down): nothing can be checked. */
	get rulesFailed() {
		return this.#checks.rulesFailed;
	}
	/** False once the browser refused to store the draft: it is then kept in this tab only. */
	get draftKept() {
		return this.#draftKept;
	}
	get sending() {
		return this.#sending;
	}
	/** Why a distribution's queue did not start, by distribution ID. */
	get messages() {
		return this.#messages;
	}
	/** Readable distributions with something to send, by the newest verdicts. */
	get ready(): number[] {
		return readyIn(this.targets, this.batches);
	}
	get errorCount(): number {
		return errorsIn(this.batches);
	}

	/** Save now (the page is being hidden, or a purge is about to be sent). */
	flush = () => this.#checks.flush();

	/** The verdicts on the text in the field now: at once when known, else once checked. */
	checked = (): Promise<MultiChecked> => this.#checks.checked();

	/**
	 * One queue per distribution, made at once; each runs on its own. Sends the verdicts of
	 * `checked` (by default those on the field's text now, waiting for them); `confirm` may still
	 * decline (the cost). Once every queue holds the list, the field is cleared if it still holds
	 * that text. True when at least one queue started.
	 */
	send = async (
		checked?: MultiChecked,
		confirm: (
			purges: { distributionId: string; items: readonly string[] }[]
		) => Promise<boolean> = async () => true
	) => {
		if (this.#sending) return false;
		this.#sending = true;
		try {
			this.flush();
			const verdicts = checked ?? (await this.checked());
			const ready = readyIn(this.targets, verdicts.batches);
			if (ready.length === 0 || errorsIn(verdicts.batches) > 0) return false;
			const purges = ready.map((i) => ({
				distributionId: this.targets[i].id,
				items: verdicts.batches[i]!.items
			}));
			if (!(await confirm(purges))) return false;
			const results = await Promise.all(
				ready.map(async (i) => {
					const result = await this.targets[i].live!.create(verdicts.batches[i]!.items);
					return [this.targets[i].id, queueStartMessage(result)] as const;
				})
			);
			const messages: Record<string, string> = {};
			for (const [id, message] of results) if (message) messages[id] = message;
			this.#messages = messages;
			// Every queue holds the list now: the draft is done, unless typed on meanwhile.
			if (Object.keys(messages).length === 0 && this.text === verdicts.text) this.text = '';
			return Object.keys(messages).length < ready.length;
		} finally {
			this.#sending = false;
		}
	};

	/**
	 * The rules run once per group of distributions whose verdicts can differ (`verdictGroups`),
	 * then each distribution gets its group's verdicts.
	 */
	#groups(key: CheckKey) {
		const groups = verdictGroups(
			key.text,
			this.targets.map((t) =>
				t.distribution
					? { hosts: distributionHosts(t.distribution), tagsEnabled: t.distribution.tagsEnabled }
					: null
			),
			key.keepQueryStrings
		);
		const spread = (verdicts: PathBatch[]) => {
			const batches: (PathBatch | null)[] = this.targets.map(() => null);
			groups.forEach((g, n) => g.targets.forEach((i) => (batches[i] = verdicts[n])));
			return batches;
		};
		return { groups, spread };
	}
}

function readyIn(targets: readonly Target[], batches: readonly (PathBatch | null)[]): number[] {
	return targets.flatMap((t, i) => (t.live && (batches[i]?.items.length ?? 0) > 0 ? [i] : []));
}

function errorsIn(batches: readonly (PathBatch | null)[]): number {
	return batches.reduce((n, b) => n + (b?.errorCount ?? 0), 0);
}
