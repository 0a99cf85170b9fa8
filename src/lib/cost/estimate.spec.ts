import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confirmationFor, costQuestion, estimateCost, type UsageSoFar } from './estimate';
import { account, files } from './test-pricing';

const used = (paths: number, isLowerBound = false): UsageSoFar => ({
	byDistribution: [{ distributionId: 'E1PLAIN', paths }],
	isLowerBound
});
const purge = (items: string[], distributionId = 'E1PLAIN') => [{ distributionId, items }];

describe('estimateCost around the free tier (1,000 free, $0.005 a path)', () => {
	it.each([
		{
			before: 0,
			n: 0,
			freeLeft: 1000,
			billable: 0,
			cost: 0,
			mtd: 0,
			why: 'nothing sent, nothing to send'
		},
		{
			before: 0,
			n: 1000,
			freeLeft: 1000,
			billable: 0,
			cost: 0,
			mtd: 0,
			why: 'exactly the allowance'
		},
		{ before: 0, n: 1001, freeLeft: 1000, billable: 1, cost: 5000, mtd: 5000, why: 'one over' },
		{ before: 999, n: 1, freeLeft: 1, billable: 0, cost: 0, mtd: 0, why: 'the last free path' },
		{ before: 999, n: 2, freeLeft: 1, billable: 1, cost: 5000, mtd: 5000, why: 'crosses by one' },
		{ before: 1000, n: 1, freeLeft: 0, billable: 1, cost: 5000, mtd: 5000, why: 'allowance spent' },
		{
			before: 500,
			n: 600,
			freeLeft: 500,
			billable: 100,
			cost: 500_000,
			mtd: 500_000,
			why: 'crosses it'
		},
		{
			before: 1200,
			n: 10,
			freeLeft: 0,
			billable: 10,
			cost: 50_000,
			mtd: 1_050_000,
			why: 'month already billed'
		},
		{
			before: 1200,
			n: 0,
			freeLeft: 0,
			billable: 0,
			cost: 0,
			mtd: 1_000_000,
			why: 'an empty purge adds nothing'
		},
		{
			before: 0,
			n: 1_000_000,
			freeLeft: 1000,
			billable: 999_000,
			cost: 4_995_000_000,
			mtd: 4_995_000_000,
			why: 'a huge list, exact'
		}
	])('$why: $before used, $n more', ({ before, n, freeLeft, billable, cost, mtd }) => {
		const estimate = estimateCost(used(before), account, purge(files(n)));
		expect(estimate).toMatchObject({
			usedPaths: before,
			freePathsLeft: freeLeft,
			paths: n,
			billablePaths: billable,
			costMicros: cost,
			monthToDateMicros: mtd
		});
	});

	it('counts a wildcard and a tag as one path each', () => {
		const estimate = estimateCost(used(999), account, purge(['/img/*', '#sale', '/*']));
		expect(estimate).toMatchObject({ paths: 3, billablePaths: 2, costMicros: 10_000 });
	});
});

describe('estimateCost over several distributions', () => {
	const usage: UsageSoFar = {
		byDistribution: [
			{ distributionId: 'E1PLAIN', paths: 900 },
			{ distributionId: 'E2FLAT', paths: 5000 }
		],
		isLowerBound: false
	};
	const estimate = estimateCost(usage, account, [
		{ distributionId: 'E1PLAIN', items: files(50) },
		{ distributionId: 'E3DEAR', items: files(100) },
		{ distributionId: 'E2FLAT', items: files(3000) }
	]);

	it('shares one allowance in order, and keeps flat-rate paths out of it', () => {
		expect(estimate.freePathsLeft).toBe(100);
		expect(
			estimate.lines.map((l) => [l.distributionId, l.freePaths, l.billablePaths, l.costMicros])
		).toEqual([
			['E1PLAIN', 50, 0, 0],
			['E3DEAR', 50, 50, 500_000],
			['E2FLAT', 0, 0, 0]
		]);
		expect(estimate).toMatchObject({ paths: 3150, billablePaths: 50, costMicros: 500_000 });
	});

	it('says which pricing each distribution used', () => {
		expect(estimate.lines.map((l) => l.pricing.plan)).toEqual([
			'per-path',
			'per-path',
			'flat-rate'
		]);
		expect(estimate.lines[1].pricing).toMatchObject({
			pricePerPathMicros: 10_000,
			source: 'distribution'
		});
	});

	it('prices earlier paths of the month at their own distribution price', () => {
		const dear = estimateCost(
			{ byDistribution: [{ distributionId: 'E3DEAR', paths: 1100 }], isLowerBound: false },
			account,
			[]
		);
		expect(dear.monthToDateMicros).toBe(1_000_000);
	});
});

describe('confirmation above the threshold ($1 = 200 billed paths at $0.005)', () => {
	it.each([
		[200, false, 'exactly the threshold'],
		[201, true, 'one path above'],
		[0, false, 'free']
	])('%s billed paths → confirm %s (%s)', (billed, confirm) => {
		const estimate = estimateCost(used(1000), account, purge(files(billed)));
		expect(estimate.needsConfirmation).toBe(confirm);
		expect(confirmationFor(estimate) !== null).toBe(confirm);
	});

	it('shows the amount, and "at least" when some distributions were not counted', () => {
		expect(confirmationFor(estimateCost(used(1000), account, purge(files(240))))).toBe(
			'This purge will cost $1.20. Send it?'
		);
		expect(confirmationFor(estimateCost(used(1000, true), account, purge(files(240))))).toBe(
			'This purge will cost at least $1.20. Send it?'
		);
	});
});

describe('costQuestion for one or several distributions', () => {
	it.each([
		[
			used(1000),
			[
				['E1', 150],
				['E2', 50]
			],
			null,
			'exactly $1 over two: no question'
		],
		[
			used(1000),
			[
				['E1', 150],
				['E2', 51]
			],
			'This purge will cost $1.005. Send it?',
			'over $1 only once both are added'
		],
		[
			used(1000),
			[
				['E1', 300],
				['E2FLAT', 5000]
			],
			'This purge will cost $1.50. Send it?',
			'flat rate is free'
		],
		[
			null,
			[
				['E1', 150],
				['E2', 60]
			],
			"This purge may cost up to $1.05: this month's paths are still being counted. Send it?",
			'not counted yet: the worst case asks'
		],
		[
			null,
			[
				['E1', 100],
				['E2', 100]
			],
			null,
			'not counted yet, cheap even at worst'
		]
	] as const)('%#: %s', (usage, purges, expected, why) => {
		const items = purges.map(([distributionId, n]) => ({ distributionId, items: files(n) }));
		expect(costQuestion(usage, account, items), why).toBe(expected);
	});
});

describe('estimateCost properties (fast-check seed 20261130)', () => {
	const params = { seed: 20261130, numRuns: 300 };
	const count = fc.integer({ min: 0, max: 5000 });

	it("matches AWS's formula: max(0, used + n − free) − max(0, used − free)", () => {
		fc.assert(
			fc.property(count, count, (before, n) => {
				const billable = Math.max(0, before + n - 1000) - Math.max(0, before - 1000);
				const e = estimateCost(used(before), account, purge(files(n)));
				expect(e.billablePaths).toBe(billable);
				expect(e.costMicros).toBe(billable * 5000);
			}),
			params
		);
	});

	it('sending in two parts costs the same as sending at once', () => {
		fc.assert(
			fc.property(count, count, count, (before, a, b) => {
				const first = estimateCost(used(before), account, purge(files(a)));
				const second = estimateCost(used(before + a), account, purge(files(b)));
				const once = estimateCost(used(before), account, purge(files(a + b)));
				expect(first.costMicros + second.costMicros).toBe(once.costMicros);
				expect(second.monthToDateMicros).toBe(once.monthToDateMicros);
			}),
			params
		);
	});

	it('never charges for free paths, and every path is free or billable', () => {
		fc.assert(
			fc.property(count, count, (before, n) => {
				const [line] = estimateCost(used(before), account, purge(files(n))).lines;
				expect(line.freePaths + line.billablePaths).toBe(n);
				expect(line.freePaths).toBeLessThanOrEqual(Math.max(0, 1000 - before));
			}),
			params
		);
	});
});
