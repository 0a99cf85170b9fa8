/**
 * The purge draft: what the user typed, and the submission in flight. Persisted on every keystroke
 * and before any request, so nothing typed is lost to a reload, an expired sign-in or a failed
 * submit, and a retry reuses the same CallerReference instead of purging twice (cloudfront.md §6).
 */
import type { KeyValueStore } from '$lib/storage';

export interface Submission {
	/** Made once per submission; every retry of the same batch reuses it. */
	callerReference: string;
	items: string[];
	startedAt: string;
	/** Set once CloudFront confirmed the invalidation. */
	invalidationId?: string;
}

export interface Draft {
	text: string;
	submission?: Submission;
}

const key = (distributionId: string) => `purge-console:draft:${distributionId}`;

export function loadDraft(store: KeyValueStore, distributionId: string): Draft {
	try {
		const raw = store.getItem(key(distributionId));
		const parsed: unknown = raw ? JSON.parse(raw) : null;
		if (typeof parsed !== 'object' || parsed === null) return { text: '' };
		const { text, submission } = parsed as Record<string, unknown>;
		return { text: typeof text === 'string' ? text : '', submission: readSubmission(submission) };
	} catch {
		return { text: '' }; // a corrupt entry must not break the page
	}
}

function readSubmission(v: unknown): Submission | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const s = v as Record<string, unknown>;
	if (typeof s.callerReference !== 'string' || !Array.isArray(s.items)) return undefined;
	if (!s.items.every((i) => typeof i === 'string')) return undefined;
	return {
		callerReference: s.callerReference,
		items: s.items as string[],
		startedAt: typeof s.startedAt === 'string' ? s.startedAt : '',
		invalidationId: typeof s.invalidationId === 'string' ? s.invalidationId : undefined
	};
}

export function saveDraft(store: KeyValueStore, distributionId: string, draft: Draft): void {
	if (draft.text === '' && !draft.submission) store.removeItem(key(distributionId));
	else store.setItem(key(distributionId), JSON.stringify(draft));
}

const sameItems = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The submission to send for `items`: the unconfirmed one in the draft when it is the same batch
 * (same items, same order), so a retry is idempotent; otherwise a new one.
 */
export function submissionFor(
	draft: Draft,
	items: string[],
	newReference: () => string,
	now: Date
): Submission {
	const pending = draft.submission;
	if (pending && !pending.invalidationId && sameItems(pending.items, items)) return pending;
	return { callerReference: newReference(), items: [...items], startedAt: now.toISOString() };
}

/**
 * A CallerReference that also tells who sent it. It is an annotation anyone with
 * CreateInvalidation could forge; CloudTrail is the authoritative record (cloudfront.md §6).
 */
export function callerReference(email: string, uuid: string): string {
	return `console:${email.slice(0, 64)}:${uuid}`;
}
