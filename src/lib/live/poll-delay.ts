/**
 * Poll delays for an invalidation's status. Invalidations reach Completed in under 25 s at P95
 * (https://aws.amazon.com/about-aws/whats-new/2026/04/cloudfront-invalidation-cache-tag/), so the SDK
 * waiter's 20 s minimum is too coarse for a live view: start at 2 s and grow to 15 s.
 */
export function pollDelayMs(attempt: number): number {
	const delays = [2000, 2000, 3000, 3000, 5000, 5000, 8000, 10000];
	return delays[attempt] ?? 15000;
}
