/**
 * State of the purge form for one user and one distribution: the draft text (persisted as typed),
 * its parsed batch, and sending with a CallerReference that every retry reuses. Sending never
 * depends on storage: where the browser refuses to keep the draft, it lives in memory and the form
 * says so.
 */
import { toAppError, type AppError } from '$lib/errors';
import type { Invalidation } from '$lib/history/invalidation';
import { parsePaste, type PathBatch } from '$lib/paths/parse-paste';
import type { KeyValueStore } from '$lib/storage';
import {
	callerReference,
	loadDraft,
	saveDraft,
	submissionFor,
	type Draft,
	type DraftScope
} from './draft';

export interface PurgeTarget {
	owner: { subject: string; email: string };
	distributionId: string;
	hosts: string[];
	tagsEnabled: boolean;
}

type Send = (ref: string, items: string[]) => Promise<Invalidation>;

/**
 * From this many characters (about 3,000 lines), the text is parsed and saved once typing pauses
 * for SETTLE_MS rather than on every keystroke, so a 100,000-line paste keeps typing instant.
 */
export const LARGE_TEXT = 100_000;
export const SETTLE_MS = 300;

export class PurgeForm {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#draft = $state.raw<Draft>({ text: '' });
	#draftKept = $state(true);
	#sending = $state(false);
	#error = $state.raw<AppError | null>(null);
	#sent = $state.raw<Invalidation | null>(null);

	/** The text the batch was parsed from: behind `text` while a large paste settles. */
	#parsed = $state('');
	#settle: ReturnType<typeof setTimeout> | undefined;
	/** The user says the cache key includes query strings, so they are kept without a warning. */
	keepQueryStrings = $state(false);

	readonly batch: PathBatch;

	/** `store`: null where the browser gives no storage at all. */
	constructor(store: KeyValueStore | null, target: PurgeTarget) {
		this.#store = store;
		this.#scope = { ...target.owner, distributionId: target.distributionId };
		this.#draft = store ? loadDraft(store, this.#scope) : { text: '' };
		this.#draftKept = store !== null;
		this.#parsed = this.#draft.text;
		this.batch = $derived(
			parsePaste(this.#parsed, {
				hosts: target.hosts,
				tagsEnabled: target.tagsEnabled,
				keepQueryStrings: this.keepQueryStrings
			})
		);
	}

	get text() {
		return this.#draft.text;
	}
	set text(value: string) {
		this.#draft = { ...this.#draft, text: value };
		clearTimeout(this.#settle);
		if (value.length < LARGE_TEXT) this.flush();
		else this.#settle = setTimeout(this.flush, SETTLE_MS);
	}
	/** False once the browser refused to store the draft: it is then kept in this tab only. */
	get draftKept() {
		return this.#draftKept;
	}
	/** Whether the messages are still those of an earlier text (a large paste settling). */
	get isSettling() {
		return this.#parsed !== this.#draft.text;
	}
	/** Parse and save now (typing paused, the page is hidden, or a purge is about to be sent). */
	flush = () => {
		clearTimeout(this.#settle);
		this.#parsed = this.#draft.text;
		this.#update(this.#draft);
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

	#update(draft: Draft) {
		this.#draft = draft;
		this.#draftKept = this.#store !== null && saveDraft(this.#store, this.#scope, draft);
	}

	submit = async (send: Send) => {
		this.flush();
		const { items, errorCount } = this.batch;
		if (this.#sending || errorCount > 0 || items.length === 0) return;
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
		this.#sending = true;
		this.#error = null;
		try {
			const invalidation = await send(submission.callerReference, submission.items);
			this.#sent = invalidation;
			// Confirmed: the paths are purged, so the draft is done.
			this.#update({ text: '' });
			this.#parsed = '';
		} catch (e) {
			this.#error = toAppError(e);
		} finally {
			this.#sending = false;
		}
	};
}
