/**
 * State of the purge form for one user and one distribution: the draft text (persisted as typed),
 * the verdicts of the path rules on it, and sending with a CallerReference that every retry
 * reuses. Sending never depends on storage: where the browser refuses to keep the draft, it lives
 * in memory and the form says so.
 *
 * The verdicts come from a PathChecker through a CheckSchedule (shared with MultiPurge), so they
 * can lag the text (`isSettling`), and a purge is only ever sent from the verdicts of the exact
 * text it sends (`checked()`).
 */
import { toAppError, type AppError } from '$lib/errors';
import type { Invalidation } from '$lib/history/invalidation';
import type { ParseOptions, PathBatch } from '$lib/paths/parse-paste';
import type { KeyValueStore } from '$lib/storage';
import {
	callerReference,
	loadDraft,
	saveDraft,
	submissionFor,
	type Draft,
	type DraftScope
} from './draft';
import { CheckSchedule, type Stamped } from './check-schedule.svelte';
import { mainThreadChecker, type PathChecker } from './path-checker';

export interface PurgeTarget {
	owner: { subject: string; email: string };
	distributionId: string;
	hosts: string[];
	tagsEnabled: boolean;
}

type Send = (ref: string, items: string[]) => Promise<Invalidation>;

/** The verdicts of the rules on one text, with the options they were checked with. */
export type Checked = Stamped<{ batch: PathBatch }>;

/** The verdicts on an empty field: nothing to send, nothing to say. No rules needed. */
export const EMPTY: PathBatch = {
	items: [],
	itemLines: new Int32Array(0),
	diagnostics: [],
	summary: {
		items: 0,
		files: 0,
		wildcards: 0,
		tags: 0,
		folded: 0,
		duplicates: 0,
		errorLines: 0,
		errors: 0,
		warnings: 0,
		infos: 0
	},
	errorCount: 0
};

export class PurgeForm {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#target: PurgeTarget;
	#draft = $state.raw<Draft>({ text: '' });
	#draftKept = $state(true);
	#sending = $state(false);
	#error = $state.raw<AppError | null>(null);
	#sent = $state.raw<Invalidation | null>(null);
	#keepQueryStrings = $state(false);
	#checks: CheckSchedule<{ batch: PathBatch }>;

	/**
	 * `store`: null where the browser gives no storage at all. `checker`: where the rules run (by
	 * default on this thread, loaded on demand); the form takes text before it resolves.
	 */
	constructor(
		store: KeyValueStore | null,
		target: PurgeTarget,
		checker: Promise<PathChecker> = mainThreadChecker()
	) {
		this.#store = store;
		this.#target = target;
		this.#scope = { ...target.owner, distributionId: target.distributionId };
		this.#draft = store ? loadDraft(store, this.#scope) : { text: '' };
		this.#draftKept = store !== null;
		this.#checks = new CheckSchedule(
			{
				key: () => ({ text: this.text, keepQueryStrings: this.#keepQueryStrings }),
				empty: () => ({ batch: EMPTY }),
				parse: (c, key) => ({ batch: c.parse(key.text, this.#options(key.keepQueryStrings)) }),
				check: async (c, key) => ({
					batch: await c.check(key.text, this.#options(key.keepQueryStrings))
				}),
				save: () => this.#update(this.#draft)
			},
			checker
		);
	}

	get text() {
		return this.#draft.text;
	}
	set text(value: string) {
		this.#draft = { ...this.#draft, text: value };
		this.#checks.textChanged();
	}
	/** The user says the cache key includes query strings, so they are kept without a warning. */
	get keepQueryStrings() {
		return this.#keepQueryStrings;
	}
	set keepQueryStrings(value: boolean) {
		this.#keepQueryStrings = value;
		this.#checks.schedule();
	}
	/** The newest verdicts: those of an earlier text while `isSettling`. */
	get batch(): PathBatch {
		return this.#checks.latest?.batch ?? EMPTY;
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
	/** Save now (the page is being hidden, or a purge is about to be sent). */
	flush = () => this.#checks.flush();
	get sending() {
		return this.#sending;
	}
	get error() {
		return this.#error;
	}
	get sent() {
		return this.#sent;
	}
	/** A submission sent earlier whose outcome never came back (tab closed, network lost). */
	get unconfirmed() {
		const s = this.#draft.submission;
		return s && !s.invalidationId ? s : null;
	}

	/** The verdicts on the text in the field now: at once when known, else once checked. */
	checked = (): Promise<Checked> => this.#checks.checked();

	#update(draft: Draft) {
		this.#draft = draft;
		this.#draftKept = this.#store !== null && saveDraft(this.#store, this.#scope, draft);
	}

	#options(keepQueryStrings: boolean): ParseOptions {
		return { hosts: this.#target.hosts, tagsEnabled: this.#target.tagsEnabled, keepQueryStrings };
	}

	/**
	 * Sends the items of `checked` (by default the verdicts on the field's text now, waiting for
	 * them), unless they have errors or none. Once CloudFront confirmed, the draft is cleared if it
	 * still holds that text; whatever was typed since is kept.
	 */
	submit = async (send: Send, checked?: Checked) => {
		if (this.#sending) return;
		this.#sending = true;
		this.#error = null;
		try {
			this.flush();
			const verdicts = checked ?? (await this.checked());
			const { items, errorCount } = verdicts.batch;
			if (errorCount > 0 || items.length === 0) return;
			const { email } = this.#scope;
			const submission = submissionFor(
				this.#draft,
				items,
				email,
				() => callerReference(email, crypto.randomUUID()),
				new Date() // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			);
			// Persist the reference before sending: a reload mid-request retries with the same one. If
			// storage refuses, the reference still lives in memory, so retries in this tab reuse it.
			this.#update({ ...this.#draft, submission });
			const invalidation = await send(submission.callerReference, submission.items);
			this.#sent = invalidation;
			// Confirmed: the paths are purged, so the draft is done (unless typed on meanwhile).
			this.#update({ text: this.text === verdicts.text ? '' : this.text });
			this.#checks.schedule();
		} catch (e) {
			this.#error = toAppError(e);
		} finally {
			this.#sending = false;
		}
	};
}
