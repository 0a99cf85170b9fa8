/** Pricing fixtures shared by the cost specs: AWS's published figures plus two overrides. */
import { accountPricing } from './pricing';

export const account = accountPricing({
	freePathsPerMonth: 1000,
	pricePerPathUsd: 0.005,
	confirmAboveUsd: 1,
	perDistribution: {
		E2FLAT: { plan: 'flat-rate' },
		E3DEAR: { plan: 'per-path', pricePerPathUsd: 0.01 }
	}
});

/** `n` distinct file paths under `dir`. */
export const files = (n: number, dir = '/f/'): string[] =>
	Array.from({ length: n }, (_, i) => `${dir}${i}.html`);
