import { describe, expect, it } from 'vitest';
import { describePricing, pricingFor, type PathPricing } from './pricing';
import { account } from './test-pricing';

describe('pricingFor', () => {
	it.each<[string, PathPricing, string]>([
		['E1PLAIN', { plan: 'per-path', pricePerPathMicros: 5000, source: 'account' }, 'no override'],
		['E2FLAT', { plan: 'flat-rate', source: 'distribution' }, 'declared flat-rate'],
		[
			'E3DEAR',
			{ plan: 'per-path', pricePerPathMicros: 10_000, source: 'distribution' },
			'a price override'
		]
	])('%s → %o (%s)', (id, expected) => expect(pricingFor(account, id)).toEqual(expected));

	it('converts the threshold to micro-dollars', () =>
		expect(account.confirmAboveMicros).toBe(1_000_000));
});

describe('describePricing says which pricing was used', () => {
	it.each([
		['E1PLAIN', '$0.005 a path after 1,000 free a month (account price)'],
		['E3DEAR', '$0.01 a path after 1,000 free a month (price set for this distribution)'],
		['E2FLAT', 'Flat-rate plan: not billed per path (set in config.json)']
	])('%s: %s', (id, text) =>
		expect(describePricing(pricingFor(account, id), account.freePathsPerMonth)).toBe(text)
	);
});
