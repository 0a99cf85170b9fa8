import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDetailCache } from '$lib/history/detail-cache';
import type { Invalidation } from '$lib/history/invalidation';
import { countMonthUsage, monthStartUtc, type MonthUsageSources } from './month-usage';

const now = new Date('2026-11-20T12:00:00Z');
const at = (iso: string, id: string, paths: number, status = 'Completed'): Invalidation => ({
	id,
	status,
	createTime: new Date(iso),
	callerReference: `ref-${id}`,
	paths: Array.from({ length: paths }, (_, i) => `/${id}/${i}`)
});

interface ServerOptions {
	order?: 'newest' | 'oldest';
	ignoreMaxItems?: boolean;
	/** Answers every page after the first with the first page's marker again. */
	loopMarker?: boolean;
	denied?: string[];
}

/** A history server speaking ListInvalidations' paging, counting calls. */
function server(history: Record<string, Invalidation[]>, options: ServerOptions = {}) {
	const lists: string[] = [];
	const details: string[] = [];
	let active = 0;
	let peak = 0;
	const track = async <T>(f: () => T): Promise<T> => {
		active++;
		peak = Math.max(peak, active);
		await Promise.resolve();
		active--;
		return f();
	};
	const ordered = (d: string) =>
		[...(history[d] ?? [])].sort((a, b) =>
			options.order === 'oldest'
				? a.createTime.getTime() - b.createTime.getTime()
				: b.createTime.getTime() - a.createTime.getTime()
		);
	const sources: MonthUsageSources = {
		listInvalidations: (d, maxItems, marker) =>
			track(() => {
				lists.push(`${d}@${marker ?? ''}`);
				if (options.denied?.includes(d))
					throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
				const all = ordered(d);
				const from = marker ? all.findIndex((i) => i.id === marker) + 1 : 0;
				const size = options.ignoreMaxItems ? all.length : maxItems;
				const items = all
					.slice(from, from + size)
					.map(({ id, status, createTime }) => ({ id, status, createTime }));
				const more = from + size < all.length;
				const next = more ? (options.loopMarker && marker ? marker : items.at(-1)!.id) : undefined;
				return { items, next };
			}),
		getDetail: (d, id) =>
			track(() => {
				details.push(`${d}/${id}`);
				const found = history[d]?.find((i) => i.id === id);
				if (!found || found.paths.includes('/deny')) throw new Error(`NoSuchInvalidation ${id}`);
				return found;
			})
	};
	return { sources, lists, details, peak: () => peak };
}

describe('monthStartUtc', () => {
	it.each([
		['2026-11-20T12:00:00Z', '2026-11-01T00:00:00.000Z', 'mid-month'],
		['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z', 'the first instant'],
		['2026-11-30T23:59:59.999Z', '2026-11-01T00:00:00.000Z', 'the last instant'],
		[
			'2026-12-01T00:30:00+01:00',
			'2026-11-01T00:00:00.000Z',
			'already December in UTC+1, still November in UTC'
		],
		['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z', 'a new year']
	])('%s → %s (%s)', (iso, start) =>
		expect(monthStartUtc(new Date(iso)).toISOString()).toBe(start)
	);
});

describe('countMonthUsage', () => {
	const e1 = [
		at('2026-11-20T11:00:00Z', 'A', 3),
		at('2026-11-01T00:00:00Z', 'B', 5),
		at('2026-10-31T23:59:59.999Z', 'C', 7),
		at('2026-10-02T00:00:00Z', 'D', 11)
	];

	it('counts the paths of invalidations since midnight UTC on the 1st, not before', async () => {
		const s = server({ E1: e1 });
		const usage = await countMonthUsage(['E1'], s.sources, { now });
		expect(usage.byDistribution).toEqual([{ distributionId: 'E1', paths: 8, invalidations: 2 }]);
		expect(usage).toMatchObject({ unseen: [], isLowerBound: false });
		expect(s.details.sort()).toEqual(['E1/A', 'E1/B']);
	});

	it('stops paging at the first page that reaches last month', async () => {
		const s = server({ E1: e1 });
		await countMonthUsage(['E1'], s.sources, { now, pageSize: 3 });
		expect(s.lists).toEqual(['E1@']);
		const deeper = server({ E1: e1 });
		await countMonthUsage(['E1'], deeper.sources, { now, pageSize: 1 });
		expect(deeper.lists).toEqual(['E1@', 'E1@A', 'E1@B']);
	});

	it.each<[string, ServerOptions, number]>([
		['oldest first: walked to the end', { order: 'oldest' }, 4],
		['MaxItems ignored: one big page', { ignoreMaxItems: true }, 1],
		['a repeated marker ends the walk', { loopMarker: true, order: 'oldest' }, 2]
	])('%s', async (_why, options, listCalls) => {
		const s = server({ E1: e1 }, options);
		const usage = await countMonthUsage(['E1'], s.sources, { now, pageSize: 1 });
		expect(s.lists).toHaveLength(listCalls);
		if (!options.loopMarker) expect(usage.byDistribution[0].paths).toBe(8);
	});

	it('says "at least" and names the distributions it could not read', async () => {
		const s = server(
			{
				E1: e1,
				E2: [at('2026-11-03T00:00:00Z', 'X', 2)],
				E3: [at('2026-11-04T00:00:00Z', 'Y', 1), at('2026-11-05T00:00:00Z', 'Z', 1)]
			},
			{ denied: ['E2'] }
		);
		s.sources.getDetail = ((inner) => (d: string, id: string) =>
			id === 'Z' ? Promise.reject(new Error('AccessDenied')) : inner(d, id))(s.sources.getDetail);
		const usage = await countMonthUsage(['E1', 'E2', 'E3'], s.sources, { now });
		expect(usage.isLowerBound).toBe(true);
		expect(usage.unseen.map((u) => u.distributionId)).toEqual(['E2', 'E3']);
		expect(usage.byDistribution.map((l) => l.paths)).toEqual([8, 0, 1]);
	});

	it('reports progress up to the totals', async () => {
		const s = server({ E1: e1, E2: [at('2026-11-03T00:00:00Z', 'X', 2)] });
		const seen: number[][] = [];
		await countMonthUsage(['E1', 'E2'], s.sources, {
			now,
			onProgress: (p) =>
				seen.push([p.distributionsDone, p.invalidationsFound, p.detailsCounted, p.paths])
		});
		expect(seen.at(-1)).toEqual([2, 3, 3, 10]);
		for (let i = 1; i < seen.length; i++)
			seen[i].forEach((v, k) => expect(v).toBeGreaterThanOrEqual(seen[i - 1][k]));
	});

	it('keeps at most `concurrency` requests in flight', async () => {
		const many = Array.from({ length: 30 }, (_, i) =>
			at(`2026-11-10T00:00:${String(i).padStart(2, '0')}Z`, `I${i}`, 1)
		);
		const s = server({ E1: many, E2: many, E3: many });
		const usage = await countMonthUsage(['E1', 'E2', 'E3'], s.sources, { now, concurrency: 3 });
		expect(usage.byDistribution.map((l) => l.paths)).toEqual([30, 30, 30]);
		expect(s.peak()).toBeLessThanOrEqual(3);
	});

	it('stops when cancelled, and sends nothing more', async () => {
		const s = server({ E1: e1 });
		const controller = new AbortController();
		const counting = countMonthUsage(['E1'], s.sources, {
			now,
			signal: controller.signal,
			pageSize: 1,
			onProgress: () => controller.abort(new DOMException('stopped', 'AbortError'))
		});
		await expect(counting).rejects.toThrow('stopped');
		const sent = s.lists.length + s.details.length;
		await new Promise((r) => setImmediate(r));
		expect(s.lists.length + s.details.length).toBe(sent);
		expect(s.details.length).toBeLessThan(2);
	});
});

describe('countMonthUsage with the detail cache', () => {
	beforeEach(() => {
		globalThis.indexedDB = new IDBFactory();
	});

	it('fetches Completed details once across counts, InProgress ones again', async () => {
		const history = {
			E1: [at('2026-11-19T00:00:00Z', 'A', 2), at('2026-11-18T00:00:00Z', 'B', 4, 'InProgress')]
		};
		const s = server(history);
		const cache = await createDetailCache({
			userKey: 'alice',
			fetchDetail: (d, id) => s.sources.getDetail(d, id) as Promise<Invalidation>
		});
		const sources = { ...s.sources, getDetail: cache.get };
		expect((await countMonthUsage(['E1'], sources, { now })).byDistribution[0].paths).toBe(6);
		expect((await countMonthUsage(['E1'], sources, { now })).byDistribution[0].paths).toBe(6);
		expect(s.details.sort()).toEqual(['E1/A', 'E1/B', 'E1/B']);
	});
});

describe('countMonthUsage properties (fast-check seed 20261130)', () => {
	it('counts exactly the month, whatever the order and paging of the server', async () => {
		const day = fc.integer({ min: -60, max: 19 });
		const history = fc.uniqueArray(fc.record({ day, paths: fc.nat(5) }), {
			maxLength: 25,
			selector: (x) => x
		});
		await fc.assert(
			fc.asyncProperty(
				history,
				fc.constantFrom<'newest' | 'oldest'>('newest', 'oldest'),
				fc.integer({ min: 1, max: 7 }),
				fc.boolean(),
				async (rows, order, pageSize, ignoreMaxItems) => {
					const invs = rows.map((r, i) =>
						at(
							new Date(Date.parse('2026-11-01T00:00:00Z') + r.day * 86_400_000 + i).toISOString(),
							`I${i}`,
							r.paths
						)
					);
					const expected = invs
						.filter((i) => i.createTime >= monthStartUtc(now))
						.reduce((n, i) => n + i.paths.length, 0);
					const s = server({ E1: invs }, { order, ignoreMaxItems });
					const usage = await countMonthUsage(['E1'], s.sources, { now, pageSize });
					expect(usage.byDistribution[0].paths).toBe(expected);
					expect(new Set(s.details).size).toBe(s.details.length);
				}
			),
			{ seed: 20261130, numRuns: 200 }
		);
	});
});
