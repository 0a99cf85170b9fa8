import { describe, expect, it } from 'vitest';
import { account, files } from '$lib/cost/test-pricing';
import { runAgainCost, runAgainStore } from './run-again';

const usage = (paths: number, isLowerBound = false) => ({
	byDistribution: [{ distributionId: 'E1', paths }],
	isLowerBound
});

describe('runAgainCost', () => {
	it.each([
		['E1', 2, 0, 0, 0, 'free paths left: nothing to pay'],
		['E1', 2, 998, 0, 0, 'exactly the last two free paths'],
		['E1', 2, 999, 1, 5_000, 'one free path left: the other is billed'],
		['E1', 2, 1001, 2, 10_000, 'the allowance is used up: every item billed'],
		['E1', 1002, 0, 2, 10_000, 'a run bigger than the whole allowance'],
		['E3DEAR', 3, 5000, 3, 30_000, 'a distribution with its own price'],
		['E2FLAT', 50, 5000, 0, 0, 'a flat-rate distribution is never billed per path']
	])(
		'%s, %i items, %i paths used this month: %i billed, %i micro-dollars (%s)',
		(id, n, used, billed, micros) => {
			const cost = runAgainCost(account, usage(used), id, files(n));
			if (!cost.counted) throw new Error('counted usage gives the charge itself');
			expect(cost.estimate.billablePaths).toBe(billed);
			expect(cost.estimate.costMicros).toBe(micros);
		}
	);

	it('keeps "at least" when some distributions could not be counted', () => {
		const cost = runAgainCost(account, usage(999, true), 'E1', files(2));
		expect(cost.counted && cost.estimate.isLowerBound).toBe(true);
	});

	it('while the month is counted: the most it can cost, every item billed', () => {
		const cost = runAgainCost(account, null, 'E1', files(3));
		if (cost.counted) throw new Error('no usage yet');
		expect(cost.worst.billablePaths).toBe(3);
		expect(cost.worst.costMicros).toBe(15_000);
	});
});

describe('runAgainStore', () => {
	it('keeps each run-again apart from the draft and from other run-agains', () => {
		const backing = new Map<string, string>();
		const store = {
			getItem: (k: string) => backing.get(k) ?? null,
			setItem: (k: string, v: string) => void backing.set(k, v),
			removeItem: (k: string) => void backing.delete(k)
		};
		const a = runAgainStore(store, 'IAAA');
		const b = runAgainStore(store, 'IBBB');
		a.setItem('draft', 'one');
		b.setItem('draft', 'two');
		expect(a.getItem('draft')).toBe('one');
		expect(b.getItem('draft')).toBe('two');
		expect(store.getItem('draft')).toBeNull();
		a.removeItem('draft');
		expect(a.getItem('draft')).toBeNull();
		expect(b.getItem('draft')).toBe('two');
	});
});
