/**
 * State of the purge form for one distribution: the draft text (persisted as typed), its parsed
 * batch, and sending with a CallerReference that every retry reuses.
 */
import { toAppError, type AppError } from '$lib/errors';
import { parsePaste, type PathBatch } from '$lib/paths/parse-paste';
import type { Invalidation } from '$lib/history/invalidation';
import { callerReference, loadDraft, saveDraft, submissionFor, type Draft } from './draft';
import type { KeyValueStore } from '$lib/storage';

export interface PurgeTarget {
	distributionId: string;
	hosts: string[];
	tagsEnabled: boolean;
}

type Send = (ref: string, items: string[]) => Promise<Invalidation>;

export class PurgeForm {
	#store: KeyValueStore;
	#target: PurgeTarget;
	#draft = $state.raw<Draft>({ text: '' });
	#sending = $state(false);
	#error = $state.raw<AppError | null>(null);
	#sent = $state.raw<Invalidation | null>(null);

	readonly batch: PathBatch;

	constructor(store: KeyValueStore, target: PurgeTarget) {
		this.#store = store;
		this.#target = target;
		this.#draft = loadDraft(store, target.distributionId);
		const options = { hosts: target.hosts, tagsEnabled: target.tagsEnabled };
		this.batch = $derived(parsePaste(this.#draft.text, options));
	}

	get text() {
		return this.#draft.text;
	}
	set text(value: string) {
		this.#update({ ...this.#draft, text: value });
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
		saveDraft(this.#store, this.#target.distributionId, draft);
	}

	submit = async (email: string, send: Send) => {
		const { items, errorCount } = this.batch;
		if (this.#sending || errorCount > 0 || items.length === 0) return;
		const submission = submissionFor(
			this.#draft,
			items,
			() => callerReference(email, crypto.randomUUID()),
			new Date() // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
		);
		// Persist the reference before sending: a reload mid-request retries with the same one.
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
