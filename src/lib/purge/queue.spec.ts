import { describe, expect, it } from 'vitest';
import {
	makeQueue,
	markCompleted,
	markSending,
	markSent,
	needsQueue,
	nextToSend,
	progressOf,
	stopRest
} from './queue';

const files = (n: number) => Array.from({ length: n }, (_, i) => `/f/${i}`);
const wildcards = (n: number) => Array.from({ length: n }, (_, i) => `/w${i}/*`);
let uuid = 0;
const queueOf = (items: string[]) =>
	makeQueue({
		owner: 'sub-1',
		email: 'ann@example.com',
		distributionId: 'E1',
		items,
		now: 1000,
		newUuid: () => `u${++uuid}`
	});

describe('makeQueue', () => {
	it.each([
		{ items: files(7000), sizes: [2500, 2500, 2000], why: '7,000 files: three batches' },
		{ items: files(2500), sizes: [2500], why: '2,500 files: one' },
		{ items: files(2501), sizes: [2500, 1], why: '2,501 files: two' },
		{ items: wildcards(25), sizes: [10, 10, 5], why: 'at most 10 wildcards a batch' }
	])('$why', ({ items, sizes }) =>
		expect(queueOf(items).batches.map((b) => b.items.length)).toEqual(sizes)
	);

	it('fixes one distinct reference per batch, naming the sender, all waiting', () => {
		const q = queueOf(files(7000));
		const refs = q.batches.map((b) => b.callerReference);
		expect(new Set(refs).size).toBe(3);
		expect(refs.every((r) => /^console:ann@example\.com:u\d+$/.test(r))).toBe(true);
		expect(q.batches.every((b) => b.state === 'waiting')).toBe(true);
		expect(q.batches.flatMap((b) => b.items)).toEqual(files(7000));
	});
});

describe('needsQueue', () => {
	it.each([
		{ items: files(3000), expected: false, why: 'one request holds 3,000' },
		{ items: files(3001), expected: true, why: 'more than one request' },
		{ items: wildcards(15), expected: false, why: 'one request holds 15 wildcards' },
		{ items: wildcards(16), expected: true, why: 'over the wildcard limit' },
		{ items: [...files(2990), ...wildcards(10)], expected: false, why: '3,000 items in all' },
		{ items: [...files(2991), ...wildcards(10)], expected: true, why: '3,001 items' }
	])('$why', ({ items, expected }) => expect(needsQueue(items)).toBe(expected));
});

describe('queue steps', () => {
	it('an unconfirmed batch is sent again before any waiting one', () => {
		const q = markSending(queueOf(files(6000)), 1);
		expect(nextToSend(q)).toBe(1);
		expect(nextToSend(queueOf(files(10)))).toBe(0);
	});

	it('completion follows the invalidations still running, and ends the queue', () => {
		let q = queueOf(files(3000));
		q = markSent(markSent(q, 0, 'IA', 2000), 1, 'IB', 3000);
		q = markCompleted(q, new Set(['IB']), 5000);
		expect(q.batches.map((b) => b.state)).toEqual(['completed', 'sent']);
		expect(q.finishedAt).toBeUndefined();
		q = markCompleted(q, new Set(), 9000);
		expect(q.finishedAt).toBe(9000);
		expect(progressOf(q, 20_000).elapsedMs).toBe(8000); // frozen at the end
	});

	it('stop keeps what was sent or is being sent, and drops the rest', () => {
		let q = markSending(markSent(queueOf(files(9000)), 0, 'IA', 2000), 1);
		q = stopRest(q, 4000);
		expect(q.batches.map((b) => b.state)).toEqual(['sent', 'sending', 'stopped', 'stopped']);
		expect(progressOf(q, 4000).paths).toEqual({
			total: 9000,
			sent: 2500,
			completed: 0,
			stopped: 4000
		});
	});
});
