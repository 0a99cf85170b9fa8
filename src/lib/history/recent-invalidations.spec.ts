import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvalidationPage, InvalidationStatus } from './invalidation';
import { RecentInvalidations } from './recent-invalidations.svelte';

// Only what the poller reads of the page's document.
beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2026-11-02T10:00:00Z') });
	vi.stubGlobal('document', Object.assign(new EventTarget(), { hidden: false }));
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

const created = new Date('2026-11-02T09:59:50Z');
const page = (status: InvalidationStatus): InvalidationPage => ({
	items: [{ id: 'I1', status, createTime: created }]
});

/** A server whose answers are set by the test; counts the reads. */
function server(first: InvalidationStatus) {
	let status = first;
	const s = {
		reads: 0,
		set: (next: InvalidationStatus) => (status = next),
		load: async () => (s.reads++, page(status))
	};
	return s;
}

describe('RecentInvalidations', () => {
	it('notes when it first saw an invalidation complete, at that poll', async () => {
		const cf = server('InProgress');
		const recent = new RecentInvalidations(cf.load);
		await vi.advanceTimersByTimeAsync(0);
		expect(recent.inProgress).toBe(1);
		expect(recent.completedAt('I1')).toBeUndefined();
		await vi.advanceTimersByTimeAsync(2000); // the first poll: still running
		cf.set('Completed');
		await vi.advanceTimersByTimeAsync(2000); // the second poll sees it done
		expect(recent.completedAt('I1')?.toISOString()).toBe('2026-11-02T10:00:04.000Z');
		await vi.advanceTimersByTimeAsync(60_000);
		expect(cf.reads).toBe(3); // nothing in progress: no more polls
		expect(recent.completedAt('I1')?.toISOString()).toBe('2026-11-02T10:00:04.000Z');
		recent.stop();
	});

	it('gives no completion time to one already complete when first seen', async () => {
		const recent = new RecentInvalidations(server('Completed').load);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(recent.completedAt('I1')).toBeUndefined();
		recent.stop();
	});

	it('uses the read already under way, then polls with its own', async () => {
		const cf = server('InProgress');
		const recent = new RecentInvalidations(cf.load, Promise.resolve(page('InProgress')));
		await vi.advanceTimersByTimeAsync(0);
		expect(recent.rows).toHaveLength(1);
		expect(cf.reads).toBe(0);
		await vi.advanceTimersByTimeAsync(2000);
		expect(cf.reads).toBe(1);
		recent.stop();
	});

	it('shows a status CloudFront does not document as it is, and does not poll it', async () => {
		const cf = server('COMPLETED');
		const recent = new RecentInvalidations(cf.load);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(recent.rows?.[0].status).toBe('COMPLETED');
		expect(recent.inProgress).toBe(0);
		expect(cf.reads).toBe(1);
		recent.stop();
	});

	it('stops at the time bound and says so; checking again resumes', async () => {
		const cf = server('InProgress');
		const recent = new RecentInvalidations(cf.load, undefined, { giveUpAfterMs: 60_000 });
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(recent.gaveUp).toBe(true);
		const readsAtGiveUp = cf.reads;
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(cf.reads).toBe(readsAtGiveUp);
		cf.set('Completed');
		await recent.refresh();
		expect(recent.gaveUp).toBe(false);
		expect(recent.inProgress).toBe(0);
		recent.stop();
	});

	it('keeps the last rows and shows the error when a poll fails', async () => {
		let fail = false;
		const recent = new RecentInvalidations(async () => {
			if (fail) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
			return page('InProgress');
		});
		await vi.advanceTimersByTimeAsync(0);
		fail = true;
		await vi.advanceTimersByTimeAsync(2000);
		expect(recent.error).toEqual({ kind: 'throttled' });
		expect(recent.rows).toHaveLength(1);
		recent.stop();
	});

	it('while another poller feeds it, shows its reads and makes none of its own', async () => {
		const cf = server('InProgress');
		const recent = new RecentInvalidations(cf.load);
		await vi.advanceTimersByTimeAsync(0);
		expect(cf.reads).toBe(1);
		const newest = Array.from({ length: 100 }, (_, i) => ({
			id: `Q${i}`,
			status: 'InProgress',
			createTime: created
		}));
		for (let tick = 0; tick < 20; tick++) {
			recent.feed({ items: newest });
			await vi.advanceTimersByTimeAsync(3000);
		}
		expect(cf.reads).toBe(1);
		expect(recent.rows?.map((r) => r.id)).toEqual(newest.slice(0, 10).map((r) => r.id));
		await recent.refresh(); // the user's "check again", or after a single purge: one read
		await vi.advanceTimersByTimeAsync(60_000);
		expect(cf.reads).toBe(2);
		recent.endFeed(); // the queue ended with something in progress: the list polls again
		await vi.advanceTimersByTimeAsync(2000);
		expect(cf.reads).toBe(3);
		recent.stop();
	});
});
