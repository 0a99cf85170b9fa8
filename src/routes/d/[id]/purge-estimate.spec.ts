import { describe, expect, it, vi } from 'vitest';
import type { UsageSoFar } from '$lib/cost/estimate';
import { account, files } from '$lib/cost/test-pricing';
import { PurgeEstimate } from './purge-estimate.svelte';

// Every estimate the panel computes, with the usage it was computed for.
const estimates = vi.hoisted(() => [] as unknown[]);
vi.mock('$lib/cost/estimate', async (original) => {
	const real = await original<typeof import('$lib/cost/estimate')>();
	return {
		...real,
		estimateCost: (
			usage: UsageSoFar,
			...rest: Parameters<typeof real.estimateCost> extends [unknown, ...infer R] ? R : never
		) => {
			estimates.push(usage);
			return real.estimateCost(usage, ...rest);
		}
	};
});

const counted: UsageSoFar = {
	byDistribution: [{ distributionId: 'E1', paths: 990 }],
	isLowerBound: false
};

/** The panel's inputs, changed as typing changes them. */
function panel(usage: UsageSoFar | null) {
	const inputs = { items: [] as readonly string[], usage };
	const figures = new PurgeEstimate(account, {
		distributionId: () => 'E1',
		items: () => inputs.items,
		usage: () => inputs.usage
	});
	return { inputs, figures };
}

describe('PurgeEstimate', () => {
	it('once the month is counted, typing computes the counted estimate only, never the worst case', () => {
		const { inputs, figures } = panel(counted);
		estimates.length = 0;
		for (let n = 1; n <= 20; n++) {
			inputs.items = files(n); // one keystroke: a new list
			// What the panel reads when the month is counted.
			expect(figures.paths).toBe(n);
			expect(figures.counted?.billablePaths).toBe(Math.max(0, n - 10));
		}
		expect(estimates).toHaveLength(20);
		expect(estimates.every((u) => u === counted)).toBe(true);
	});

	it('before the count: the worst case, every item billed', () => {
		const { inputs, figures } = panel(null);
		inputs.items = files(3);
		expect(figures.counted).toBeNull();
		expect(figures.worst.billablePaths).toBe(3);
		expect(figures.worst.costMicros).toBe(15_000);
	});

	it.each([
		[
			'counting',
			null,
			201,
			"This purge may cost up to $1.005: this month's paths are still being counted. Send it?"
		],
		['counting', null, 200, null],
		['counted', counted, 211, 'This purge will cost $1.005. Send it?'],
		['counted', counted, 210, null]
	])('asks before sending above $1 (%s, %i items)', (_, usage, n, question) => {
		const { figures } = panel(usage);
		expect(figures.questionFor(files(n))).toBe(question);
	});
});
