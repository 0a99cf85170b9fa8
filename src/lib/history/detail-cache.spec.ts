import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDetailCache, type FetchDetail } from './detail-cache';
import { detailDatabaseName } from './detail-store';
import type { Invalidation } from './invalidation';

const detail = (id: string, status = 'Completed'): Invalidation => ({
	id,
	status,
	createTime: new Date('2026-11-02T10:00:00Z'),
	callerReference: `console:alice@example.com:${id}`,
	paths: [`/${id}.html`]
});

/** A fetcher that answers from `statuses` (default Completed) and records every call. */
function fetcher(statuses: Record<string, string> = {}) {
	const calls: string[] = [];
	const fetchDetail: FetchDetail = async (distributionId, id) => {
		calls.push(`${distributionId}/${id}`);
		return detail(id, statuses[id]);
	};
	return { calls, fetchDetail };
}

/** A fetcher whose answers the test releases, counting requests in flight. */
function heldFetcher() {
	const calls: string[] = [];
	const release = new Map<string, () => void>();
	let active = 0;
	let peak = 0;
	const signals: AbortSignal[] = [];
	const fetchDetail: FetchDetail = (distributionId, id, signal) => {
		calls.push(`${distributionId}/${id}`);
		signals.push(signal);
		active++;
		peak = Math.max(peak, active);
		return new Promise((resolve) =>
			release.set(id, () => {
				active--;
				resolve(detail(id));
			})
		);
	};
	return {
		calls,
		signals,
		fetchDetail,
		release: (id: string) => release.get(id)!(),
		peak: () => peak
	};
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});
afterEach(() => vi.restoreAllMocks());

describe('detail cache: what is fetched', () => {
	it('fetches a Completed detail once, even in a new session', async () => {
		const f = fetcher();
		const first = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect(first.storage).toBe('indexeddb');
		expect(await first.get('E1', 'I1')).toEqual(detail('I1'));
		expect(await first.get('E1', 'I1')).toEqual(detail('I1'));
		const reloaded = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect(await reloaded.get('E1', 'I1')).toEqual(detail('I1'));
		expect(f.calls).toEqual(['E1/I1']);
	});

	it('fetches an InProgress detail again each time, until it is Completed', async () => {
		const statuses: Record<string, string> = { I1: 'InProgress' };
		const f = fetcher(statuses);
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect((await cache.get('E1', 'I1')).status).toBe('InProgress');
		expect((await cache.peek('E1', 'I1'))?.status).toBe('InProgress');
		expect((await cache.get('E1', 'I1')).status).toBe('InProgress');
		statuses.I1 = 'Completed';
		expect((await cache.get('E1', 'I1')).status).toBe('Completed');
		expect((await cache.get('E1', 'I1')).status).toBe('Completed');
		expect(f.calls).toHaveLength(3);
	});

	it('keeps a detail as final once a list read reports it Completed, across a reload', async () => {
		const f = fetcher({ I1: 'InProgress' });
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		await cache.get('E1', 'I1');
		await cache.markCompleted('E1', 'I1');
		await cache.markCompleted('E1', 'I2'); // never fetched: nothing kept, nothing fetched
		expect(await cache.get('E1', 'I1')).toEqual(detail('I1', 'Completed'));
		const reloaded = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect((await reloaded.get('E1', 'I1')).status).toBe('Completed');
		expect(await reloaded.peek('E1', 'I2')).toBeUndefined();
		expect(f.calls).toEqual(['E1/I1']);
	});

	it('treats an undocumented status as not final', async () => {
		const f = fetcher({ I1: 'Queued' });
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		await cache.get('E1', 'I1');
		await cache.get('E1', 'I1');
		expect(f.calls).toHaveLength(2);
	});

	it('keys by distribution and invalidation, and by user', async () => {
		const f = fetcher();
		const alice = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		await alice.get('E1', 'I1');
		await alice.get('E2', 'I1');
		const bob = await createDetailCache({ userKey: 'bob', fetchDetail: f.fetchDetail });
		expect(await bob.peek('E1', 'I1')).toBeUndefined();
		await bob.get('E1', 'I1');
		expect(f.calls).toEqual(['E1/I1', 'E2/I1', 'E1/I1']);
	});

	it('does not keep a failed fetch: the next ask tries again', async () => {
		let fail = true;
		const fetchDetail = vi.fn<FetchDetail>(async (_d, id) => {
			if (fail) throw new Error('AccessDenied');
			return detail(id);
		});
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail });
		await expect(cache.get('E1', 'I1')).rejects.toThrow('AccessDenied');
		fail = false;
		expect(await cache.get('E1', 'I1')).toEqual(detail('I1'));
		expect(fetchDetail).toHaveBeenCalledTimes(2);
	});

	it('refetches a malformed stored entry instead of trusting it', async () => {
		const db = await openDB(detailDatabaseName('alice'), 1, {
			upgrade: (d) => d.createObjectStore('details')
		});
		await db.put('details', { id: 'I1', status: 'Completed', paths: 'not a list' }, 'E1/I1');
		db.close();
		const f = fetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect(await cache.get('E1', 'I1')).toEqual(detail('I1'));
		expect(f.calls).toEqual(['E1/I1']);
	});
});

describe('detail cache: requests in flight', () => {
	it('sends at most 4 requests at once', async () => {
		const f = heldFetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		const ids = Array.from({ length: 10 }, (_, i) => `I${i}`);
		const all = Promise.all(ids.map((id) => cache.get('E1', id)));
		await vi.waitFor(() => expect(f.calls).toHaveLength(4));
		for (const id of ids) {
			await vi.waitFor(() => expect(f.calls).toContain(`E1/${id}`));
			f.release(id);
		}
		expect((await all).map((d) => d.id)).toEqual(ids);
		expect(f.peak()).toBe(4);
	});

	it('shares one request between everyone asking for the same detail', async () => {
		const f = heldFetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		const asks = [cache.get('E1', 'I1'), cache.get('E1', 'I1'), cache.get('E1', 'I1')];
		await vi.waitFor(() => expect(f.calls).toHaveLength(1));
		f.release('I1');
		expect(await Promise.all(asks)).toEqual([detail('I1'), detail('I1'), detail('I1')]);
		expect(f.calls).toEqual(['E1/I1']);
	});

	it('cancels a shared request only when every asker has given up', async () => {
		const f = heldFetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		const a = new AbortController();
		const b = new AbortController();
		const first = cache.get('E1', 'I1', a.signal);
		const second = cache.get('E1', 'I1', b.signal);
		await vi.waitFor(() => expect(f.calls).toHaveLength(1));
		a.abort(new DOMException('left the page', 'AbortError'));
		await expect(first).rejects.toThrow('left the page');
		expect(f.signals[0].aborted).toBe(false);
		b.abort(new DOMException('stopped', 'AbortError'));
		await expect(second).rejects.toThrow('stopped');
		expect(f.signals[0].aborted).toBe(true);
	});

	it('never sends a queued request whose asker gave up', async () => {
		const f = heldFetcher();
		const cache = await createDetailCache({
			userKey: 'alice',
			fetchDetail: f.fetchDetail,
			maxConcurrent: 1
		});
		const first = cache.get('E1', 'I1');
		const controller = new AbortController();
		const queued = cache.get('E1', 'I2', controller.signal);
		await vi.waitFor(() => expect(f.calls).toHaveLength(1));
		controller.abort(new DOMException('stopped', 'AbortError'));
		await expect(queued).rejects.toThrow('stopped');
		f.release('I1');
		await first;
		expect(f.calls).toEqual(['E1/I1']);
	});
});

describe('detail cache: without IndexedDB', () => {
	it('works in memory when IndexedDB is missing', async () => {
		// @ts-expect-error: a browser without IndexedDB
		delete globalThis.indexedDB;
		const f = fetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		expect(cache.storage).toBe('memory');
		await cache.get('E1', 'I1');
		await cache.get('E1', 'I1');
		expect(f.calls).toEqual(['E1/I1']);
	});

	it('falls back to memory when the origin is full, and still fetches each detail once', async () => {
		const f = fetcher();
		const cache = await createDetailCache({ userKey: 'alice', fetchDetail: f.fetchDetail });
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		expect(await cache.get('E1', 'I1')).toEqual(detail('I1'));
		expect(cache.storage).toBe('memory');
		expect(await cache.get('E1', 'I1')).toEqual(detail('I1'));
		expect(await cache.get('E1', 'I2')).toEqual(detail('I2'));
		expect(f.calls).toEqual(['E1/I1', 'E1/I2']);
	});
});
