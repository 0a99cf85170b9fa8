/**
 * Sending one "run again": the original's items exactly, under a CallerReference made once and
 * kept (per user, distribution and original invalidation) before the request leaves, so a retry
 * after a lost answer, or after a reload, sends the same batch with the same reference and
 * CloudFront returns the invalidation it already made instead of a second one.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html
 */
import { toAppError, type AppError } from '$lib/errors';
import {
	callerReference,
	loadDraft,
	saveDraft,
	submissionFor,
	type DraftScope,
	type Submission
} from '$lib/purge/draft';
import type { KeyValueStore } from '$lib/storage';
import type { Invalidation } from './invalidation';
import { runAgainStore } from './run-again';

type Create = (callerReference: string, items: string[]) => Promise<Invalidation>;

export class RunAgainSubmission {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#items: readonly string[];
	#pending = $state.raw<Submission | null>(null);
	#sending = $state(false);
	#error = $state.raw<AppError | null>(null);
	#sent = $state.raw<Invalidation | null>(null);
	#draftKept = $state(true);

	/** `store`: null where the browser gives none (the submission then lives in this tab). */
	constructor(
		store: KeyValueStore | null,
		scope: DraftScope & { originalId: string },
		items: readonly string[]
	) {
		this.#store = store && runAgainStore(store, scope.originalId);
		this.#scope = {
			subject: scope.subject,
			email: scope.email,
			distributionId: scope.distributionId
		};
		this.#items = items;
		this.#draftKept = store !== null;
		const kept = this.#store ? loadDraft(this.#store, this.#scope).submission : undefined;
		this.#pending = kept && !kept.invalidationId ? kept : null;
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
	/**
	 * False once the browser refused to keep the pending run (storage full or turned off): a retry
	 * in this tab still reuses its reference, but after a reload it could not.
	 */
	get draftKept() {
		return this.#draftKept;
	}
	/** A run sent earlier whose answer never came back: sending again is safe. */
	get unconfirmed() {
		return this.#pending;
	}

	send = async (create: Create) => {
		if (this.#sending) return;
		const { email } = this.#scope;
		const submission = submissionFor(
			{ text: '', submission: this.#pending ?? undefined },
			[...this.#items],
			email,
			() => callerReference(email, crypto.randomUUID()),
			new Date() // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
		);
		// Kept before sending: a reload mid-request retries with the same reference.
		this.#keep(submission);
		this.#sending = true;
		this.#error = null;
		try {
			this.#sent = await create(submission.callerReference, submission.items);
			// Confirmed: another "run again" later is a new purge the user asks for.
			this.#keep(null);
		} catch (e) {
			this.#error = toAppError(e);
		} finally {
			this.#sending = false;
		}
	};

	#keep(submission: Submission | null) {
		this.#pending = submission;
		this.#draftKept =
			this.#store !== null &&
			saveDraft(this.#store, this.#scope, { text: '', submission: submission ?? undefined });
	}
}
