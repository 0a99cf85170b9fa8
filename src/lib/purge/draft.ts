/**
 * The purge draft: what the user typed, and the submission in flight. Persisted on every keystroke
 * and before any request, so nothing typed is lost to a reload, an expired sign-in or a failed
 * submit, and a retry reuses the same CallerReference instead of purging twice
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_InvalidationBatch.html).
 *
 * A draft belongs to one user and one distribution: the console shares a browser (and an origin)
 * with whoever signs in next, who must never see it nor resend its purge under their own name.
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

/** Whose draft, for which distribution. `subject` is the ID token's stable `sub`. */
export interface DraftScope {
	subject: string;
	email: string;
	distributionId: string;
}

/** The stored format. Bump it, and add a migration below, whenever the stored shape changes. */
export const DRAFT_FORMAT = 2;

const PREFIX = 'purge-console:draft:';
const keyOf = (s: DraftScope) => `${PREFIX}v${DRAFT_FORMAT}:${s.subject}:${s.distributionId}`;
/** Format 1 (before drafts had owners): one entry per distribution, no version field. */
const formatOneKey = (distributionId: string) => `${PREFIX}${distributionId}`;

/**
 * The draft of this user for this distribution. A format-1 draft is taken over once: by the user
 * named in its unconfirmed submission's CallerReference, or, with no submission, by the first user
 * who opens that distribution (it was visible to everyone before; nothing better can be known).
 */
export function loadDraft(store: KeyValueStore, scope: DraftScope): Draft {
	try {
		const raw = store.getItem(keyOf(scope));
		if (raw !== null) return readDraft(raw);
		return migrateFormatOne(store, scope);
	} catch {
		return { text: '' }; // blocked or corrupt storage must not break the page
	}
}

function migrateFormatOne(store: KeyValueStore, scope: DraftScope): Draft {
	const raw = store.getItem(formatOneKey(scope.distributionId));
	if (raw === null) return { text: '' };
	const draft = readDraft(raw);
	const reference = draft.submission?.callerReference;
	if (reference && senderOf(reference) !== null && !sentBy(reference, scope.email))
		return { text: '' }; // another user's unconfirmed purge: left for them

	saveDraft(store, scope, draft);
	store.removeItem(formatOneKey(scope.distributionId));
	return draft;
}

function readDraft(raw: string): Draft {
	const parsed: unknown = raw ? JSON.parse(raw) : null;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { text: '' };
	const { text, submission } = parsed as Record<string, unknown>;
	return { text: typeof text === 'string' ? text : '', submission: readSubmission(submission) };
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

/**
 * Stores the draft; false when the browser refused (storage full or blocked). The console shares
 * its origin with the site it purges, which may fill localStorage: the caller says the draft is not
 * kept, and carries on.
 */
export function saveDraft(store: KeyValueStore, scope: DraftScope, draft: Draft): boolean {
	try {
		if (draft.text === '' && !draft.submission) store.removeItem(keyOf(scope));
		else store.setItem(keyOf(scope), JSON.stringify({ v: DRAFT_FORMAT, ...draft }));
		return true;
	} catch {
		return false;
	}
}

const sameItems = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The submission to send for `items`: the unconfirmed one in the draft when it is the same batch
 * (same items, same order) sent by the same user, so a retry is idempotent; otherwise a new one.
 */
export function submissionFor(
	draft: Draft,
	items: string[],
	email: string,
	newReference: () => string,
	now: Date
): Submission {
	const pending = draft.submission;
	if (
		pending &&
		!pending.invalidationId &&
		sameItems(pending.items, items) &&
		sentBy(pending.callerReference, email)
	)
		return pending;
	return { callerReference: newReference(), items: [...items], startedAt: now.toISOString() };
}

const EMAIL_LENGTH = 64;

/**
 * A CallerReference that also tells who sent it. It is an annotation anyone with
 * CreateInvalidation could forge; CloudTrail is the authoritative record.
 */
export function callerReference(email: string, uuid: string): string {
	return `console:${email.slice(0, EMAIL_LENGTH)}:${uuid}`;
}

/** Whether `reference` is a console reference made for `email`. */
export const sentBy = (reference: string, email: string) =>
	senderOf(reference) === email.slice(0, EMAIL_LENGTH);

/** The email a console CallerReference names (as cut to fit), or null for any other reference. */
export function senderOf(reference: string): string | null {
	const match = /^console:(.*):[^:]*$/.exec(reference);
	return match ? match[1] : null;
}
