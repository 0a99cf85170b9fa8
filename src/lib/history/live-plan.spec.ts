import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInProgress, type InvalidationSummary } from './invalidation';
import { planLiveChecks } from './live-plan';

/** Rows from a status string, newest first: `P` InProgress, `c` Completed; IDs R0, R1, … */
const rowsOf = (statuses: string): InvalidationSummary[] =>
	[...statuses].map((s, i) => ({
		id: `R${i}`,
		status: s === 'P' ? 'InProgress' : 'Completed',
		createTime: new Date(Date.UTC(2026, 10, 30, 12, 0, -i))
	}));
/** The first `n` rows, as the newest page covers them. */
const firstN = (n: number) => new Set(Array.from({ length: n }, (_, i) => `R${i}`));

describe('planLiveChecks', () => {
	it.each([
		['cccccc', 3, 2, [], [], 'nothing in progress: nothing to read'],
		['PPcccc', 3, 2, [], [], 'all in progress on the newest page, which was just read'],
		['cccPcc', 3, 2, [], ['R3'], 'a lone row past the first page: one GetInvalidation'],
		['cccPPc', 3, 3, ['R2'], [], 'two in one window: one page read after the row above them'],
		['cccPcP', 3, 3, ['R2'], [], 'the window reaches past a completed row'],
		['cccPccP', 3, 3, [], ['R3', 'R6'], 'too far apart for one window: one detail each'],
		['cccPPcPP', 3, 3, ['R2', 'R5'], [], 'two bursts: two windows'],
		['cccPPPPP', 3, 3, ['R2', 'R5'], [], 'a burst longer than a page: one window per page'],
		['cccPPPPc', 3, 3, ['R2'], ['R6'], 'the tail of a burst alone in its window'],
		['PPcc', 0, 3, [], ['R0', 'R1'], 'the newest page failed: the top row has no marker']
	])('%s, newest %i, page %i → markers %j, details %j (%s)', (s, top, size, markers, details) =>
		expect(planLiveChecks(rowsOf(s), firstN(top), size)).toEqual({ markers, details })
	);

	it('checks every waiting row exactly once, never with more calls than rows', () =>
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('P', 'c'), { maxLength: 60 }).map((a) => a.join('')),
				fc.nat(20),
				fc.integer({ min: 1, max: 12 }),
				(statuses, top, size) => {
					const rows = rowsOf(statuses);
					const covered = firstN(top);
					const { markers, details } = planLiveChecks(rows, covered, size);
					const reached = new Map<string, number>();
					const see = (id: string) => reached.set(id, (reached.get(id) ?? 0) + 1);
					for (const m of markers) {
						const at = rows.findIndex((r) => r.id === m);
						rows.slice(at + 1, at + 1 + size).forEach((r) => see(r.id));
					}
					details.forEach(see);
					const waiting = rows.filter((r) => isInProgress(r.status) && !covered.has(r.id));
					for (const r of waiting) expect(reached.get(r.id)).toBe(1);
					expect(markers.length + details.length).toBeLessThanOrEqual(waiting.length);
				}
			)
		));
});
