import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	callerReference,
	DRAFT_FORMAT,
	loadDraft,
	saveDraft,
	submissionFor,
	type Draft,
	type DraftScope,
	type Submission
} from './draft';
import type { KeyValueStore } from '$lib/storage';

// CallerReference: the same reference with the same batch returns the earlier invalidation, so one
// per submission, reused by every retry of the same batch (same items; same order, as whether order
// matters is UNCONFIRMED): https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html

/** Web Storage over a Map, as the browser's localStorage behaves for these three calls. */
class MapStore implements KeyValueStore {
	readonly map = new Map<string, string>();
	getItem(key: string) {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.map.set(key, String(value));
	}
	removeItem(key: string) {
		this.map.delete(key);
	}
}

/** A store holding exactly `raw` for the one key draft.ts writes, whatever that key is. */
function storeWith(raw: string, distributionId = 'E1ABCDEF'): MapStore {
	const store = new MapStore();
	saveDraft(store, scope(distributionId), { text: 'placeholder' });
	const [key] = store.map.keys();
	store.map.set(key, raw);
	return store;
}

const EMAIL = 'ops@example.com';
const scope = (distributionId: string, subject = 'sub-ops', email = EMAIL): DraftScope => ({
	subject,
	email,
	distributionId
});

const pending: Submission = {
	callerReference: 'console:ops@example.com:11111111-1111-4111-8111-111111111111',
	items: ['/a.jpg', '/images/*'],
	startedAt: '2026-05-01T10:00:00.000Z'
};

describe('saveDraft / loadDraft', () => {
	it('loads an empty draft when nothing was saved', () => {
		expect(loadDraft(new MapStore(), scope('E1ABCDEF'))).toEqual({ text: '' });
	});

	it.each<{ draft: Draft; why: string }>([
		{ draft: { text: '/a.jpg\n/b.jpg' }, why: 'what was typed' },
		{ draft: { text: '/a.jpg', submission: pending }, why: 'a submission in flight' },
		{
			draft: { text: '', submission: { ...pending, invalidationId: 'I2J3K4L5M6' } },
			why: 'a confirmed submission, even with the field cleared'
		},
		{ draft: { text: '  /ü ~\t#tag\r\n' }, why: 'text exactly as typed, blanks included' }
	])('keeps $why across a reload', ({ draft }) => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), draft);
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual(draft);
	});

	it('keeps one draft per distribution', () => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), { text: '/one' });
		saveDraft(store, scope('E2GHIJKL'), { text: '/two', submission: pending });
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual({ text: '/one' });
		expect(loadDraft(store, scope('E2GHIJKL'))).toEqual({ text: '/two', submission: pending });
		expect(loadDraft(store, scope('E3MNOPQR'))).toEqual({ text: '' });
	});

	it('removes the entry once the draft is empty, rather than storing an empty one', () => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), { text: '/a', submission: pending });
		saveDraft(store, scope('E1ABCDEF'), { text: '' });
		expect(store.map.size).toBe(0);
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual({ text: '' });
	});

	it('writes under a key that names the console and the distribution', () => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), { text: '/a' });
		expect([...store.map.keys()]).toEqual([expect.stringMatching(/purge-console.*E1ABCDEF/)]);
	});

	it.each([
		{ raw: '', expected: { text: '' }, why: 'an empty entry' },
		{ raw: 'not json{', expected: { text: '' }, why: 'corrupt JSON' },
		{ raw: 'null', expected: { text: '' }, why: 'null' },
		{ raw: '42', expected: { text: '' }, why: 'a number' },
		{ raw: '"/a.jpg"', expected: { text: '' }, why: 'a bare string' },
		{ raw: '[]', expected: { text: '' }, why: 'a list' },
		{ raw: '{"text":5}', expected: { text: '' }, why: 'text of the wrong type' },
		{ raw: '{"text":"/a","submission":"x"}', expected: { text: '/a' }, why: 'a bad submission' },
		{
			raw: '{"text":"/a","submission":{"items":["/a"]}}',
			expected: { text: '/a' },
			why: 'a submission with no CallerReference cannot be retried'
		},
		{
			raw: '{"text":"/a","submission":{"callerReference":"r","items":"/a"}}',
			expected: { text: '/a' },
			why: 'items not a list'
		},
		{
			raw: '{"text":"/a","submission":{"callerReference":"r","items":["/a",7]}}',
			expected: { text: '/a' },
			why: 'an item that is not text'
		},
		{
			raw: '{"text":"/a","submission":{"callerReference":"r","items":["/a"],"invalidationId":9}}',
			expected: { text: '/a', submission: { callerReference: 'r', items: ['/a'], startedAt: '' } },
			why: 'a missing start time and a bad invalidation ID are dropped, the retry kept'
		}
	])('survives $why', ({ raw, expected }) => {
		expect(loadDraft(storeWith(raw), scope('E1ABCDEF'))).toEqual(expected);
	});

	it('loads an empty draft when storage itself fails (e.g. blocked by the browser)', () => {
		const broken: KeyValueStore = {
			getItem: () => {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
			setItem: () => {},
			removeItem: () => {}
		};
		expect(loadDraft(broken, scope('E1ABCDEF'))).toEqual({ text: '' });
	});

	it('round-trips any draft', () => {
		const submission = fc.record(
			{
				callerReference: fc.string(),
				items: fc.array(fc.string()),
				startedAt: fc.string(),
				invalidationId: fc.string()
			},
			{ requiredKeys: ['callerReference', 'items', 'startedAt'] }
		);
		const draft = fc.record(
			{ text: fc.string({ unit: 'binary' }), submission },
			{ requiredKeys: ['text'] }
		);
		fc.assert(
			fc.property(draft, (d) => {
				const store = new MapStore();
				saveDraft(store, scope('E1ABCDEF'), d);
				expect(loadDraft(store, scope('E1ABCDEF'))).toEqual(d);
			})
		);
	});

	it('never throws on whatever is in storage', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
				const { text } = loadDraft(storeWith(raw), scope('E1ABCDEF'));
				expect(typeof text).toBe('string');
			})
		);
	});
});

describe('drafts belong to their user', () => {
	const other = scope('E1ABCDEF', 'sub-dev', 'dev@example.com');

	it('another user on the same browser never sees the draft; its owner gets it back', () => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), { text: '/secret-launch/*', submission: pending });
		expect(loadDraft(store, other)).toEqual({ text: '' });
		saveDraft(store, other, { text: '/theirs' });
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual({
			text: '/secret-launch/*',
			submission: pending
		});
		expect(loadDraft(store, other)).toEqual({ text: '/theirs' });
	});

	it('stores the format version with the draft', () => {
		const store = new MapStore();
		saveDraft(store, scope('E1ABCDEF'), { text: '/a' });
		const [raw] = store.map.values();
		expect(JSON.parse(raw)).toMatchObject({ v: DRAFT_FORMAT, text: '/a' });
	});

	it('says when the browser refuses to store it (storage full), without throwing', () => {
		const full: KeyValueStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('Quota exceeded', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(saveDraft(full, scope('E1ABCDEF'), { text: '/a' })).toBe(false);
		expect(saveDraft(new MapStore(), scope('E1ABCDEF'), { text: '/a' })).toBe(true);
	});
});

describe('migration from format 1 (one draft per distribution, no owner)', () => {
	const formatOne = (draft: object) => {
		const store = new MapStore();
		store.setItem('purge-console:draft:E1ABCDEF', JSON.stringify(draft));
		return store;
	};

	it('an unconfirmed purge goes to the user its CallerReference names, and only to them', () => {
		const store = formatOne({ text: '/a.jpg', submission: pending });
		expect(loadDraft(store, scope('E1ABCDEF', 'sub-dev', 'dev@example.com'))).toEqual({
			text: ''
		});
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual({ text: '/a.jpg', submission: pending });
		// Taken over once: stored in the new format, the old entry gone.
		expect([...store.map.keys()]).toEqual(['purge-console:draft:v2:sub-ops:E1ABCDEF']);
		expect(loadDraft(store, scope('E1ABCDEF', 'sub-dev', 'dev@example.com'))).toEqual({
			text: ''
		});
	});

	it('text alone goes to the first user who opens the distribution', () => {
		const store = formatOne({ text: '/typed' });
		expect(loadDraft(store, scope('E1ABCDEF'))).toEqual({ text: '/typed' });
		expect(loadDraft(store, scope('E1ABCDEF', 'sub-dev', 'dev@example.com'))).toEqual({
			text: ''
		});
	});

	it('a format-1 draft of another distribution stays where it is', () => {
		const store = formatOne({ text: '/typed' });
		expect(loadDraft(store, scope('E2GHIJKL'))).toEqual({ text: '' });
		expect(store.getItem('purge-console:draft:E1ABCDEF')).not.toBeNull();
	});
});

describe('submissionFor', () => {
	const now = new Date('2026-05-02T08:30:00.000Z');
	const fresh = () => 'console:ops@example.com:22222222-2222-4222-8222-222222222222';

	it.each<{ draft: Draft; items: string[]; reused: boolean; why: string }>([
		{ draft: { text: '' }, items: ['/a.jpg'], reused: false, why: 'no submission yet' },
		{
			draft: { text: '', submission: pending },
			items: ['/a.jpg', '/images/*'],
			reused: true,
			why: 'a retry of the same batch reuses the CallerReference (no second purge)'
		},
		{
			draft: { text: '', submission: pending },
			items: ['/images/*', '/a.jpg'],
			reused: false,
			why: 'the same items in another order are a different batch'
		},
		{
			draft: { text: '', submission: pending },
			items: ['/a.jpg'],
			reused: false,
			why: 'fewer items: reusing would give InvalidationBatchAlreadyExists'
		},
		{
			draft: { text: '', submission: pending },
			items: ['/a.jpg', '/images/*', '/b.jpg'],
			reused: false,
			why: 'more items'
		},
		{
			draft: { text: '', submission: { ...pending, invalidationId: 'I2J3K4L5M6' } },
			items: ['/a.jpg', '/images/*'],
			reused: false,
			why: 'once CloudFront confirmed it, sending again is a new purge the user asked for'
		}
	])('$why', ({ draft, items, reused }) => {
		const submission = submissionFor(draft, items, EMAIL, fresh, now);
		if (reused) {
			expect(submission).toEqual(draft.submission);
		} else {
			expect(submission).toEqual({
				callerReference: fresh(),
				items,
				startedAt: '2026-05-02T08:30:00.000Z'
			});
		}
	});

	it("never reuses another user's pending reference, so no purge goes out under their name", () => {
		const submission = submissionFor(
			{ text: '', submission: pending },
			pending.items,
			'dev@example.com',
			() => callerReference('dev@example.com', 'new'),
			now
		);
		expect(submission.callerReference).toBe('console:dev@example.com:new');
	});

	it('makes a new reference only when it does not reuse one', () => {
		let made = 0;
		const counting = () => callerReference(EMAIL, `ref-${++made}`);
		submissionFor({ text: '', submission: pending }, pending.items, EMAIL, counting, now);
		expect(made).toBe(0);
		expect(submissionFor({ text: '' }, ['/x'], EMAIL, counting, now).callerReference).toBe(
			callerReference(EMAIL, 'ref-1')
		);
	});

	it('keeps its own copy of the items', () => {
		const items = ['/a.jpg'];
		const submission = submissionFor({ text: '' }, items, EMAIL, fresh, now);
		items.push('/b.jpg');
		expect(submission.items).toEqual(['/a.jpg']);
	});

	it('reuses the reference for every retry of a batch, and never for another batch', () => {
		const batch = fc.array(fc.string(), { minLength: 1, maxLength: 5 });
		fc.assert(
			fc.property(batch, batch, fc.nat(5), (first, second, retries) => {
				let made = 0;
				const newReference = () => callerReference(EMAIL, `ref-${++made}`);
				let draft: Draft = { text: '' };
				const original = submissionFor(draft, first, EMAIL, newReference, now);
				draft = { text: '', submission: original };
				for (let i = 0; i < retries; i++) {
					expect(submissionFor(draft, first, EMAIL, newReference, now).callerReference).toBe(
						original.callerReference
					);
				}
				const other = submissionFor(draft, second, EMAIL, newReference, now);
				const same = first.length === second.length && first.every((x, i) => x === second[i]);
				expect(other.callerReference === original.callerReference).toBe(same);
			})
		);
	});
});

describe('callerReference', () => {
	const uuid = '33333333-3333-4333-8333-333333333333';

	it.each([
		{
			email: 'ops@example.com',
			expected: `console:ops@example.com:${uuid}`,
			why: 'says who sent it (an annotation; CloudTrail is the record)'
		},
		{ email: '', expected: `console::${uuid}`, why: 'no email known' },
		{
			email: 'a'.repeat(100) + '@example.com',
			expected: `console:${'a'.repeat(64)}:${uuid}`,
			why: 'a long email is cut to 64 characters'
		}
	])('$why', ({ email, expected }) => {
		expect(callerReference(email, uuid)).toBe(expected);
	});

	it('always ends with the unique part, whatever the email', () => {
		fc.assert(
			fc.property(fc.string(), fc.uuid(), (email, id) => {
				const reference = callerReference(email, id);
				expect(reference.startsWith('console:')).toBe(true);
				expect(reference.endsWith(`:${id}`)).toBe(true);
				expect(reference.length).toBeLessThanOrEqual('console:'.length + 64 + 1 + id.length);
			})
		);
	});

	it('differs for two submissions by the same person', () => {
		expect(callerReference('ops@example.com', uuid)).not.toBe(
			callerReference('ops@example.com', '44444444-4444-4444-8444-444444444444')
		);
	});
});
