import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pollDelayMs } from './poll-delay';

// Invalidations reach Completed in under 25 s at P95
// (https://aws.amazon.com/about-aws/whats-new/2026/04/cloudfront-invalidation-cache-tag/); the SDK
// waiter's 20 s minimum is too coarse for a live view.

/** When each poll happens, in ms after the invalidation was created. */
const pollTimes = (count: number) =>
	Array.from({ length: count }, (_, i) => i).reduce<number[]>(
		(times, i) => [...times, (times.at(-1) ?? 0) + pollDelayMs(i)],
		[]
	);

describe('pollDelayMs', () => {
	it.each([
		[0, 2000, 'the first check comes quickly: most invalidations take effect in < 5 s'],
		[1, 2000, 'still quick'],
		[2, 3000, 'then backs off'],
		[3, 3000, 'about 10 s in'],
		[4, 5000, 'about 15 s in'],
		[5, 5000, 'about 20 s in, near the 25 s P95'],
		[6, 8000, 'past the P95: slower'],
		[7, 10000, 'slower still'],
		[8, 15000, 'then holds at 15 s'],
		[50, 15000, 'however long it takes'],
		[10_000, 15000, 'and never grows past the cap']
	])('attempt %i waits %i ms: %s', (attempt, expected, why) => {
		expect(pollDelayMs(attempt), why).toBe(expected);
	});

	it('checks at least five times within the 25 s P95, so most users see Completed promptly', () => {
		expect(pollTimes(5).at(-1)).toBeLessThanOrEqual(25_000);
	});

	it('polls faster than the SDK waiter (20 s minimum) at first', () => {
		expect(pollTimes(1)[0]).toBeLessThan(20_000);
	});

	it('stays between 2 s and 15 s and never speeds up again', () => {
		fc.assert(
			fc.property(fc.nat(1000), (attempt) => {
				const delay = pollDelayMs(attempt);
				expect(delay).toBeGreaterThanOrEqual(2000);
				expect(delay).toBeLessThanOrEqual(15_000);
				expect(pollDelayMs(attempt + 1)).toBeGreaterThanOrEqual(delay);
			})
		);
	});
});
