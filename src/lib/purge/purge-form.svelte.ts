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

export class PurgeForm {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#draft = $state.raw<Draft>({ text: '' });
	#draftKept = $state(true);
	#sending = $state(false);
	#error = $state.raw<AppError | null>(null);
	#sent = $state.raw<Invalidation | null>(null);

	readonly batch: PathBatch;

	/** `store`: null where the browser gives no storage at all. */
	constructor(store: KeyValueStore | null, target: PurgeTarget) {
		this.#store = store;
		this.#scope = { ...target.owner, distributionId: target.distributionId };
		this.#draft = store ? loadDraft(store, this.#scope) : { text: '' };
		this.#draftKept = store !== null;
		const options = { hosts: target.hosts, tagsEnabled: target.tagsEnabled };
		this.batch = $derived(parsePaste(this.#draft.text, options));
	}

	get text() {
		return this.#draft.text;
	}
	set text(value: string) {
		this.#update({ ...this.#draft, text: value });
	}
	/** False once the browser refused to store the draft: it is then kept in this tab only. */
	get draftKept() {
		return this.#draftKept;
	}
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
		} catch (e) {
			this.#error = toAppError(e);
		} finally {
			this.#sending = false;
		}
	};
}
