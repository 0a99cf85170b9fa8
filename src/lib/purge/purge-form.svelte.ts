/**
 * State of the purge form for one user and one distribution: the draft text (persisted as typed),
 * the verdicts of the path rules on it, and sending with a CallerReference that every retry
 * reuses. Sending never depends on storage: where the browser refuses to keep the draft, it lives
 * in memory and the form says so.
 *
 * The verdicts come from a PathChecker (the rules' code loads after the form is shown; large texts
 * are checked in a worker), so they can lag the text: `isSettling` says so, a reply for an older
 * text never replaces one for a newer text (sequence numbers), and a purge is only ever sent from
 * the verdicts of the exact text it sends (`checked()`).
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
import { mainThreadChecker, type PathChecker } from './path-checker';

export interface PurgeTarget {
	owner: { subject: string; email: string };
	distributionId: string;
	hosts: string[];
	tagsEnabled: boolean;
}

type Send = (ref: string, items: string[]) => Promise<Invalidation>;

/** The verdicts of the rules on one text, with the options they were checked with. */
export interface Checked {
	/** Order of the request: a reply never replaces the verdicts of a later request. */
	seq: number;
	text: string;
	keepQueryStrings: boolean;
	batch: PathBatch;
}

/**
 * From this many characters (about 3,000 lines), the text is saved once typing pauses for SETTLE_MS
 * rather than on every keystroke, and checked in the worker (or, without one, after the pause too),
 * so a 100,000-line paste keeps typing instant.
 */
export const LARGE_TEXT = 100_000;
export const SETTLE_MS = 300;
/** A change of at least this many characters (a paste, not typing) is checked without a pause. */
export const PASTE_CHARS = 1000;

/** The verdicts on an empty field: nothing to send, nothing to say. No rules needed. */
const EMPTY: PathBatch = {
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

	#checker: PathChecker | null = null;
	#ready: Promise<PathChecker>;
	#rulesFailed = $state(false);
	/** The newest verdicts received: behind `text` while the rules load or a large text is checked. */
	#checked = $state.raw<Checked | null>(null);
	#seq = 0;
	/** The request in flight, if any; further changes wait for it (the newest text goes next). */
	#pending: { text: string; keepQueryStrings: boolean; promise: Promise<Checked> } | null = null;
	#checkLater: ReturnType<typeof setTimeout> | undefined;
	#saveLater: ReturnType<typeof setTimeout> | undefined;

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
		this.#ready = checker.then((c) => {
			this.#checker = c;
			this.#schedule();
			return c;
		});
		// `checked()` rejects too; the form says so once (`rulesFailed`).
		this.#ready.catch(() => (this.#rulesFailed = true));
		this.#schedule();
	}

	get text() {
		return this.#draft.text;
	}
	set text(value: string) {
		this.#draft = { ...this.#draft, text: value };
		clearTimeout(this.#saveLater);
		if (value.length < LARGE_TEXT) this.#save();
		else this.#saveLater = setTimeout(this.#saveWhenChecked, SETTLE_MS);
		this.#schedule();
	}
	/** The user says the cache key includes query strings, so they are kept without a warning. */
	get keepQueryStrings() {
		return this.#keepQueryStrings;
	}
	set keepQueryStrings(value: boolean) {
		this.#keepQueryStrings = value;
		this.#schedule();
	}
	/** The newest verdicts: those of an earlier text while `isSettling`. */
	get batch(): PathBatch {
		return this.#checked?.batch ?? EMPTY;
	}
	/** Whether the verdicts shown are not yet those of the text in the field. */
	get isSettling() {
		return !this.#matches(this.#checked);
	}
	/** The rules' code would not load (the network may be down): nothing can be checked. */
	get rulesFailed() {
		return this.#rulesFailed;
	}
	/** False once the browser refused to store the draft: it is then kept in this tab only. */
	get draftKept() {
		return this.#draftKept;
	}
	/** Save now (the page is being hidden, or a purge is about to be sent). */
	flush = () => {
		clearTimeout(this.#saveLater);
		this.#save();
	};
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
	checked = async (): Promise<Checked> => {
		const key = { text: this.text, keepQueryStrings: this.#keepQueryStrings };
		if (this.#checked && this.#matches(this.#checked, key)) return this.#checked;
		const checker = await this.#ready;
		return this.#check(checker, key);
	};

	#save = () => {
		this.#update(this.#draft);
	};

	/**
	 * A large text, once typing paused: saved, unless its verdicts are still being worked out in
	 * the worker. Writing megabytes to storage holds the main thread for tens of milliseconds, which
	 * would hold up the verdicts' arrival; so it waits for them, then for another pause. Leaving the
	 * page or sending saves at once (`flush`).
	 */
	#saveWhenChecked = () => {
		const pending = this.#pending;
		if (!pending) return this.#save();
		const later = () => {
			clearTimeout(this.#saveLater);
			this.#saveLater = setTimeout(this.#saveWhenChecked, SETTLE_MS);
		};
		void pending.promise.then(later, later);
	};

	#update(draft: Draft) {
		this.#draft = draft;
		this.#draftKept = this.#store !== null && saveDraft(this.#store, this.#scope, draft);
	}

	#matches(c: Checked | null, key = { text: this.text, keepQueryStrings: this.#keepQueryStrings }) {
		return c !== null && c.text === key.text && c.keepQueryStrings === key.keepQueryStrings;
	}

	#options(keepQueryStrings: boolean): ParseOptions {
		return { hosts: this.#target.hosts, tagsEnabled: this.#target.tagsEnabled, keepQueryStrings };
	}

	#apply(checked: Checked) {
		if (!this.#checked || checked.seq > this.#checked.seq) this.#checked = checked;
	}

	/** Checks the text in the field when it changed: now, after the request in flight, or later. */
	#schedule() {
		clearTimeout(this.#checkLater);
		const key = { text: this.text, keepQueryStrings: this.#keepQueryStrings };
		if (this.#matches(this.#checked, key)) return;
		if (key.text === '') return this.#apply({ seq: ++this.#seq, ...key, batch: EMPTY });
		const checker = this.#checker;
		if (!checker) return; // checked once the rules arrive
		if (key.text.length >= LARGE_TEXT) {
			if (this.#pending) return; // the newest text is checked once the worker answers
			// A paste is checked at once (in the worker). Typing in a large text is checked once it
			// pauses: applying the verdicts on 100,000 lines costs the main thread too much to do
			// between keystrokes. On the main thread, a large text always waits for the pause.
			const change = Math.abs(key.text.length - (this.#checked?.text.length ?? 0));
			if (!checker.offThread || change < PASTE_CHARS) {
				this.#checkLater = setTimeout(() => void this.#check(checker, this.#key()), SETTLE_MS);
				return;
			}
		}
		void this.#check(checker, key);
	}

	#key() {
		return { text: this.text, keepQueryStrings: this.#keepQueryStrings };
	}

	#check(checker: PathChecker, key: { text: string; keepQueryStrings: boolean }) {
		const options = this.#options(key.keepQueryStrings);
		if (key.text.length < LARGE_TEXT || !checker.offThread) {
			const checked = { seq: ++this.#seq, ...key, batch: checker.parse(key.text, options) };
			this.#apply(checked);
			return Promise.resolve(checked);
		}
		const p = this.#pending;
		if (p && p.text === key.text && p.keepQueryStrings === key.keepQueryStrings) return p.promise;
		const seq = ++this.#seq;
		const promise = checker.check(key.text, options).then((batch) => {
			const checked = { seq, ...key, batch };
			this.#apply(checked);
			if (this.#pending?.promise === promise) {
				this.#pending = null;
				this.#schedule(); // typed meanwhile: check the newest text
			}
			return checked;
		});
		this.#pending = { ...key, promise };
		return promise;
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
			this.#schedule();
		} catch (e) {
			this.#error = toAppError(e);
		} finally {
			this.#sending = false;
		}
	};
}
