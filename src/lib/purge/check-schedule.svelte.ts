/**
 * When the path rules check a purge form's text, and when its draft is saved: shared by the
 * single-distribution form (PurgeForm) and the multi-distribution one (MultiPurge), which differ
 * only in what one check yields (`V`: one batch, or one per distribution).
 *
 * The verdicts come from a PathChecker (the rules' code loads after the form is shown; large texts
 * are checked in a worker), so they can lag the text: `isSettling` says so, a reply for an older
 * text never replaces one for a newer text (sequence numbers), and `checked()` gives the verdicts
 * of the exact text in the field, waiting for them if need be.
 */
import type { PathChecker } from './path-checker';

/**
 * From this many characters (about 3,000 lines), the text is saved once typing pauses for SETTLE_MS
 * rather than on every keystroke, and checked in the worker (or, without one, after the pause too),
 * so a 100,000-line paste keeps typing instant.
 */
export const LARGE_TEXT = 100_000;
export const SETTLE_MS = 300;
/** A change of at least this many characters (a paste, not typing) is checked without a pause. */
export const PASTE_CHARS = 1000;

/** What the verdicts depend on: the text and whether query strings are kept. */
export interface CheckKey {
	text: string;
	keepQueryStrings: boolean;
}

/** The verdicts `V` on one text, with the options they were checked with. */
export type Stamped<V> = CheckKey &
	V & {
		/** Order of the request: a reply never replaces the verdicts of a later request. */
		seq: number;
	};

export interface CheckRules<V> {
	/** The form's text and options now. */
	key(): CheckKey;
	/** The verdicts on an empty field: nothing to send, nothing to say. No rules needed. */
	empty(): V;
	/** The verdicts, worked out on this thread. */
	parse(checker: PathChecker, key: CheckKey): V;
	/** The verdicts, worked out in the worker. */
	check(checker: PathChecker, key: CheckKey): Promise<V>;
	/** Writes the draft to storage now. */
	save(): void;
}

const same = (a: CheckKey | null, b: CheckKey) =>
	a !== null && a.text === b.text && a.keepQueryStrings === b.keepQueryStrings;

export class CheckSchedule<V extends object> {
	#rules: CheckRules<V>;
	#checker: PathChecker | null = null;
	#ready: Promise<PathChecker>;
	#rulesFailed = $state(false);
	/** The newest verdicts received: behind the text while the rules load or a large text is checked. */
	#checked = $state.raw<Stamped<V> | null>(null);
	#seq = 0;
	/** The request in flight, if any; further changes wait for it (the newest text goes next). */
	#pending: (CheckKey & { promise: Promise<Stamped<V>> }) | null = null;
	#checkLater: ReturnType<typeof setTimeout> | undefined;
	#saveLater: ReturnType<typeof setTimeout> | undefined;

	/** `checker`: where the rules run; the form takes text before it resolves. */
	constructor(rules: CheckRules<V>, checker: Promise<PathChecker>) {
		this.#rules = rules;
		this.#ready = checker.then((c) => {
			this.#checker = c;
			this.schedule();
			return c;
		});
		// `checked()` rejects too; the form says so once (`rulesFailed`).
		this.#ready.catch(() => (this.#rulesFailed = true));
		this.schedule();
	}

	/** The newest verdicts: those of an earlier text while `isSettling`; null before any. */
	get latest() {
		return this.#checked;
	}
	/** Whether the verdicts shown are not yet those of the text in the field. */
	get isSettling() {
		return !same(this.#checked, this.#rules.key());
	}
	/** The rules' code would not load (the network may be down): nothing can be checked. */
	get rulesFailed() {
		return this.#rulesFailed;
	}

	/** The text changed: saved now, or for a large text once typing pauses; checked as it goes. */
	textChanged() {
		clearTimeout(this.#saveLater);
		if (this.#rules.key().text.length < LARGE_TEXT) this.#rules.save();
		else this.#saveLater = setTimeout(this.#saveWhenChecked, SETTLE_MS);
		this.schedule();
	}

	/** Save now (the page is being hidden, or a purge is about to be sent). */
	flush() {
		clearTimeout(this.#saveLater);
		this.#rules.save();
	}

	/** The verdicts on the text in the field now: at once when known, else once checked. */
	async checked(): Promise<Stamped<V>> {
		const key = this.#rules.key();
		if (this.#checked && same(this.#checked, key)) return this.#checked;
		return this.#check(await this.#ready, key);
	}

	/** Checks the text in the field when it changed: now, after the request in flight, or later. */
	schedule() {
		clearTimeout(this.#checkLater);
		const key = this.#rules.key();
		if (same(this.#checked, key)) return;
		if (key.text === '') return this.#apply({ seq: ++this.#seq, ...key, ...this.#rules.empty() });
		const checker = this.#checker;
		if (!checker) return; // checked once the rules arrive
		if (key.text.length >= LARGE_TEXT) {
			if (this.#pending) return; // the newest text is checked once the worker answers
			// A paste is checked at once (in the worker). Typing in a large text is checked once it
			// pauses: applying the verdicts on 100,000 lines costs the main thread too much to do
			// between keystrokes. On the main thread, a large text always waits for the pause.
			const change = Math.abs(key.text.length - (this.#checked?.text.length ?? 0));
			if (!checker.offThread || change < PASTE_CHARS) {
				this.#checkLater = setTimeout(
					() => void this.#check(checker, this.#rules.key()),
					SETTLE_MS
				);
				return;
			}
		}
		void this.#check(checker, key);
	}

	/**
	 * A large text, once typing paused: saved, unless its verdicts are still being worked out in
	 * the worker. Writing megabytes to storage holds the main thread for tens of milliseconds, which
	 * would hold up the verdicts' arrival; so it waits for them, then for another pause. Leaving the
	 * page or sending saves at once (`flush`).
	 */
	#saveWhenChecked = () => {
		const pending = this.#pending;
		if (!pending) return this.#rules.save();
		const later = () => {
			clearTimeout(this.#saveLater);
			this.#saveLater = setTimeout(this.#saveWhenChecked, SETTLE_MS);
		};
		void pending.promise.then(later, later);
	};

	#apply(checked: Stamped<V>) {
		if (!this.#checked || checked.seq > this.#checked.seq) this.#checked = checked;
	}

	#check(checker: PathChecker, key: CheckKey): Promise<Stamped<V>> {
		if (key.text.length < LARGE_TEXT || !checker.offThread) {
			const checked = { seq: ++this.#seq, ...key, ...this.#rules.parse(checker, key) };
			this.#apply(checked);
			return Promise.resolve(checked);
		}
		const p = this.#pending;
		if (p && same(p, key)) return p.promise;
		const seq = ++this.#seq;
		const promise = this.#rules.check(checker, key).then((verdicts) => {
			const checked = { seq, ...key, ...verdicts };
			this.#apply(checked);
			if (this.#pending?.promise === promise) {
				this.#pending = null;
				this.schedule(); // typed meanwhile: check the newest text
			}
			return checked;
		});
		this.#pending = { ...key, promise };
		return promise;
	}
}
