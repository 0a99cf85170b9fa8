import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryList, type HistorySource } from './history-list.svelte';
import { HistorySearch } from './history-search.svelte';
import type { Invalidation, InvalidationStatus } from './invalidation';
import { anyQuery } from './query';
import { utcDayStart } from './row-filter';

beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
	vi.stubGlobal('document', Object.assign(new EventTarget(), { hidden: false }));
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** `n` invalidations, newest first, one an hour back from noon on 30 November. */
function history(n: number, status: (i: number) => InvalidationStatus = () => 'Completed') {
	return Array.from({ length: n }, (_, i): Invalidation => ({
		id: `I${String(i).padStart(4, '0')}`,
		status: status(i),
		createTime: new Date(Date.UTC(2026, 10, 30, 12 - i)),
		callerReference: i % 3 === 0 ? `console:alice@example.com:${i}` : `deploy-${i}`,
		paths: i % 5 === 0 ? ['/js/*'] : [`/page-${i}.html`]
	}));
}

/** A CloudFront with pages of `size`; counts calls; holds details back while `held`. */
function cloudFront(all: Invalidation[], size = 10) {
	const calls = {
		pages: [] as (string | undefined)[],
		details: [] as string[],
		completed: [] as string[]
	};
	const source: HistorySource = {
		pageSize: size,
		completed: (id) => void calls.completed.push(id),
		async page(marker) {
			calls.pages.push(marker);
			const start = marker ? all.findIndex((i) => i.id === marker) + 1 : 0;
			const items = all.slice(start, start + size).map(({ id, status, createTime }) => ({
				id,
				status,
				createTime
			}));
			const more = start + size < all.length;
			return { items, next: more ? items.at(-1)?.id : undefined };
		},
		async detail(id) {
			calls.details.push(id);
			const found = all.find((i) => i.id === id);
			if (!found) throw new Error('NoSuchInvalidation');
			return found;
		}
	};
	return { calls, source };
}

const settle = () => vi.advanceTimersByTimeAsync(100);

describe('HistoryList', () => {
	it('reads one page at a time, each after the previous one’s marker, until the end', async () => {
		const { calls, source } = cloudFront(history(25));
		const list = new HistoryList(source, source.page());
		await settle();
		expect(list.rows).toHaveLength(10);
		await Promise.all([list.loadMore(), list.loadMore()]); // asked twice: read once
		await list.loadMore();
		expect(list.rows.map((r) => r.id)).toEqual(history(25).map((i) => i.id));
		expect(list.exhausted).toBe(true);
		await list.loadMore();
		expect(calls.pages).toEqual([undefined, 'I0009', 'I0019']);
		list.stop();
	});

	it('fetches each detail once however often the rows are shown', async () => {
		const { calls, source } = cloudFront(history(10));
		const list = new HistoryList(source, source.page());
		await settle();
		await Promise.all([list.loadDetails(['I0001', 'I0002']), list.loadDetails(['I0002'])]);
		await list.loadDetails(['I0001', 'I0003']);
		await settle();
		expect(calls.details.sort()).toEqual(['I0001', 'I0002', 'I0003']);
		expect(list.detail('I0002')?.paths).toEqual(['/page-2.html']);
		list.stop();
	});

	it('a failed detail may be asked for again; the others keep theirs', async () => {
		const { calls, source } = cloudFront(history(3));
		const list = new HistoryList(source, source.page());
		await list.loadDetails(['I9999', 'I0001']);
		await settle();
		expect(list.detailError('I9999')).toBeDefined();
		await list.loadDetails(['I9999', 'I0001']);
		expect(calls.details.filter((id) => id === 'I9999')).toHaveLength(2);
		expect(calls.details.filter((id) => id === 'I0001')).toHaveLength(1);
		list.stop();
	});

	it('keeps in-progress rows live: new ones on top, statuses updated, completion time noted', async () => {
		const all = history(5, (i) => (i === 0 ? 'InProgress' : 'Completed'));
		const { source } = cloudFront(all);
		const list = new HistoryList(source, source.page());
		await settle();
		expect(list.inProgress).toBe(1);
		all[0] = { ...all[0], status: 'Completed' };
		all.unshift({ ...all[1], id: 'INEW', createTime: new Date('2026-11-30T12:00:01Z') });
		await vi.advanceTimersByTimeAsync(2000);
		expect(list.rows.map((r) => r.id).slice(0, 2)).toEqual(['INEW', 'I0000']);
		expect(list.rows[1].status).toBe('Completed');
		expect(list.completedAt('I0000')?.toISOString()).toBe('2026-11-30T12:00:02.000Z');
		list.stop();
	});
});

describe('HistoryList: live status past the newest page', () => {
	/** 30 invalidations in pages of 10; those at `live` are InProgress. */
	async function opened(live: number[]) {
		const all = history(30, (i) => (live.includes(i) ? 'InProgress' : 'Completed'));
		const cf = cloudFront(all);
		const list = new HistoryList(cf.source, cf.source.page());
		await settle();
		await list.loadMore();
		await list.loadMore();
		const status = (id: string) => list.rows.find((r) => r.id === id)?.status;
		const complete = (i: number) => (all[i] = { ...all[i], status: 'Completed' });
		cf.calls.pages.length = 0;
		return { ...cf, list, status, complete };
	}

	it('a lone older row in progress: one GetInvalidation a poll, until it is Completed', async () => {
		const { calls, list, status, complete } = await opened([15]);
		expect(list.inProgress).toBe(1);
		await vi.advanceTimersByTimeAsync(2000);
		expect(calls.pages).toEqual([undefined]);
		expect(calls.details).toEqual(['I0015']);
		expect(status('I0015')).toBe('InProgress');
		complete(15);
		await vi.advanceTimersByTimeAsync(2000);
		expect(status('I0015')).toBe('Completed');
		expect(list.completedAt('I0015')).toBeDefined();
		expect(list.detail('I0015')?.status).toBe('Completed');
		// Nothing left in progress: polling stops.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls.details).toEqual(['I0015', 'I0015']);
		expect(calls.pages).toEqual([undefined, undefined]);
		list.stop();
	});

	it('a burst of older rows in progress: one page read for all of them, not one call each', async () => {
		const live = [12, 13, 16, 19, 23, 25];
		const { calls, list, status, complete } = await opened(live);
		await vi.advanceTimersByTimeAsync(2000);
		// The newest page, the window of rows 12–21 (after row 11), the window from 23 (after 22).
		expect(calls.pages).toEqual([undefined, 'I0011', 'I0022']);
		expect(calls.details).toEqual([]);
		live.forEach(complete);
		await vi.advanceTimersByTimeAsync(2000);
		expect(live.map((i) => status(`I00${i}`))).toEqual(Array(6).fill('Completed'));
		expect(calls.completed.sort()).toEqual(live.map((i) => `I00${i}`));
		expect(list.inProgress).toBe(0);
		list.stop();
	});

	it('starts polling when a later page brings the first row in progress', async () => {
		const all = history(30, (i) => (i === 22 ? 'InProgress' : 'Completed'));
		const { calls, source } = cloudFront(all);
		const list = new HistoryList(source, source.page());
		await settle();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(calls.pages).toEqual([undefined]); // nothing in progress: no polling
		await list.loadMore();
		await list.loadMore();
		all[22] = { ...all[22], status: 'Completed' };
		await vi.advanceTimersByTimeAsync(2000);
		expect(list.rows.find((r) => r.id === 'I0022')?.status).toBe('Completed');
		list.stop();
	});

	it('while the tab is hidden, nothing is read; it goes on when the tab is back', async () => {
		const { calls, list, status, complete } = await opened([15]);
		Object.assign(document, { hidden: true });
		complete(15);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls.pages).toEqual([]);
		expect(status('I0015')).toBe('InProgress');
		Object.assign(document, { hidden: false });
		document.dispatchEvent(new Event('visibilitychange'));
		await settle();
		expect(status('I0015')).toBe('Completed');
		list.stop();
	});
});

describe('HistorySearch', () => {
	it('reads the whole history and every detail the path filter needs, once each', async () => {
		const all = history(35);
		const { calls, source } = cloudFront(all);
		const list = new HistoryList(source, source.page());
		const search = new HistorySearch(list, utcDayStart);
		await settle();
		await search.start({ ...anyQuery, path: '/js/app.js' });
		expect(search.state).toBe('done');
		expect(list.exhausted).toBe(true);
		expect(calls.details).toHaveLength(35);
		expect(new Set(calls.details).size).toBe(35);
		list.stop();
	});

	it('stops reading pages once the history is older than the date range', async () => {
		const { calls, source } = cloudFront(history(100)); // an hour apart: 30 Nov back to 26 Nov
		const list = new HistoryList(source, source.page());
		const search = new HistorySearch(list, utcDayStart);
		await settle();
		await search.start({ ...anyQuery, from: '2026-11-30' });
		expect(search.state).toBe('done');
		expect(list.exhausted).toBe(false);
		expect(calls.pages).toHaveLength(2); // the 13 of 30 Nov end in the second page
		expect(calls.details).toEqual([]); // dates need no details
		list.stop();
	});

	it('can be stopped: no more pages are read, and it can go on later', async () => {
		const { calls, source } = cloudFront(history(50));
		const list = new HistoryList(source, source.page());
		const search = new HistorySearch(list, utcDayStart);
		await settle();
		const running = search.start({ ...anyQuery, by: 'bob' });
		search.stop();
		await running;
		expect(search.state).toBe('stopped');
		const pagesWhenStopped = calls.pages.length;
		await settle();
		expect(calls.pages.length).toBe(pagesWhenStopped);
		await search.start({ ...anyQuery, by: 'bob' });
		expect(search.state).toBe('done');
		expect(list.exhausted).toBe(true);
		list.stop();
	});
});
