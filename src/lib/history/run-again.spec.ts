import { describe, expect, it } from 'vitest';
import { account, files } from '$lib/cost/test-pricing';
import { runAgainCost, runAgainStore } from './run-again';

describe('runAgainCost', () => {
	it.each([
		['E1', 2, 0, 10_000, 'per path: free while the allowance lasts, $0.005 each after'],
		['E3DEAR', 3, 0, 30_000, 'a distribution with its own price'],
		['E2FLAT', 50, 0, 0, 'a flat-rate distribution is never billed per path']
	])('%s, %i items: %i to %i micro-dollars (%s)', (id, n, best, worst) => {
		const cost = runAgainCost(account, id, files(n));
		expect(cost.best.costMicros).toBe(best);
		expect(cost.worst.costMicros).toBe(worst);
		expect(cost.worst.billablePaths).toBe(worst === 0 ? 0 : n);
	});

	it('a run bigger than the allowance is billed beyond it even in the best case', () => {
		const cost = runAgainCost(account, 'E1', files(1002));
		expect(cost.best.billablePaths).toBe(2);
		expect(cost.best.costMicros).toBe(10_000);
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
