import { describe, expect, it } from 'vitest';
import { countBuckets } from './invalidation-rules';
import { statusOf } from './invalidation-store';
import { historyStart, seedHistory } from './seed';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('seedHistory', () => {
	it('is deterministic for a seed', () => {
		const a = seedHistory({ seed: 7, count: 50, now });
		const b = seedHistory({ seed: 7, count: 50, now });
		const c = seedHistory({ seed: 8, count: 50, now });
		expect(a).toEqual(b);
		expect(a.map((i) => i.id)).not.toEqual(c.map((i) => i.id));
	});

	it('spreads 5,000 invalidations over three months, oldest first, quickly', () => {
		const t0 = performance.now();
		const history = seedHistory({ seed: 1, count: 5000, now });
		expect(performance.now() - t0).toBeLessThan(500);
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
