import { describe, expect, it } from 'vitest';
import { countBuckets } from './invalidation-rules';
import { statusOf } from './invalidation-store';
import { historyStart, MONTH_PATHS_TARGET, monthStart, seedHistory } from './seed';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('seedHistory', () => {
	it('is deterministic for a seed', () => {
		const a = seedHistory({ seed: 7, count: 50, now });
		const b = seedHistory({ seed: 7, count: 50, now });
		const c = seedHistory({ seed: 8, count: 50, now });
		expect(a).toEqual(b);
		expect(a.map((i) => i.id)).not.toEqual(c.map((i) => i.id));
	});

	// Its speed is not a test's business (a loaded machine failed it); only its shape is.
	it('spreads 5,000 invalidations over three months, oldest first', () => {
		const history = seedHistory({ seed: 1, count: 5000, now });
		expect(history).toHaveLength(5000);
		expect(new Set(history.map((i) => i.id)).size).toBe(5000);
		const times = history.map((i) => i.createTime);
		expect(times).toEqual([...times].sort((x, y) => x - y));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(historyStart(now));
		const months = new Set(history.map((i) => new Date(i.createTime).getUTCMonth()));
		expect([...months].sort((x, y) => x - y)).toEqual([8, 9, 10]); // Sep, Oct and the current month (Nov)
		expect(new Set(history.map((i) => i.distributionId)).size).toBe(3);
		expect(
			history.some(
				(i) => i.paths.some((p) => p.startsWith('#')) && i.distributionId !== 'E2LOCALSHOP001'
			)
		).toBe(false);
	});

	it('leaves a few recent invalidations InProgress, far below the limits', () => {
		const history = seedHistory({ seed: 1, count: 300, now });
		const live = history.filter((i) => statusOf(i, now) === 'InProgress');
		expect(live.length).toBeGreaterThan(0);
		expect(live.length).toBeLessThanOrEqual(3);
		for (const id of new Set(live.map((i) => i.distributionId))) {
			const buckets = countBuckets(
				live.filter((i) => i.distributionId === id).flatMap((i) => i.paths)
			);
			expect(buckets.wildcards).toBe(0);
			expect(buckets.files).toBeLessThanOrEqual(3);
		}
		// They complete some minutes after start.
		expect(Math.min(...live.map((i) => i.completesAt))).toBeGreaterThan(now + 60_000);
	});

	it('puts the whole history on one distribution when asked', () => {
		const history = seedHistory({ seed: 1, count: 500, now, distributionId: 'E1LOCALWWW0001' });
		expect(new Set(history.map((i) => i.distributionId))).toEqual(new Set(['E1LOCALWWW0001']));
		expect(history).toHaveLength(500);
	});

	it('names the sender of console purges in their CallerReference, as the console writes it', () => {
		const refs = seedHistory({ seed: 1, count: 400, now }).map((i) => i.callerReference);
		const console = refs.filter((r) => r.startsWith('console:'));
		expect(console.length).toBeGreaterThan(50);
		for (const r of console) expect(r).toMatch(/^console:[^:@]+@example\.com:[0-9a-f-]{36}$/);
		expect(refs.some((r) => !r.startsWith('console:'))).toBe(true);
	});
});

describe('the current month', () => {
	const monthPaths = (history: ReturnType<typeof seedHistory>, at: number) =>
		history.filter((i) => i.createTime >= monthStart(at)).reduce((n, i) => n + i.paths.length, 0);

	it.each([
		['on the 1st, just after midnight', Date.UTC(2026, 10, 1, 0, 20)],
		['mid-month', Date.UTC(2026, 10, 15, 9, 0)],
		['on the last day', Date.UTC(2026, 10, 30, 23, 50)],
		['in a 28-day February', Date.UTC(2027, 1, 28, 12, 0)]
	])('holds close to the free 1,000 paths %s, with a release deploy', (_, at) => {
		const history = seedHistory({ seed: 1, count: 300, now: at });
		expect(history).toHaveLength(300);
		const release = history.filter((i) => i.paths.length > 100);
		expect(release).toHaveLength(1);
		expect(release[0].createTime).toBeGreaterThanOrEqual(monthStart(at));
		expect(release[0].createTime).toBeLessThanOrEqual(at);
		expect(statusOf(release[0], at)).toBe('Completed');
		// The target plus the few small in-progress ones (≤ 3 items each).
		expect(monthPaths(history, at) - MONTH_PATHS_TARGET).toBeGreaterThanOrEqual(0);
		expect(monthPaths(history, at) - MONTH_PATHS_TARGET).toBeLessThanOrEqual(9);
	});

	it('is left to chance for a small history', () => {
		const history = seedHistory({ seed: 1, count: 30, now });
		expect(history.every((i) => i.paths.length <= 40)).toBe(true);
	});
});
