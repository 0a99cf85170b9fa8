import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUsd, usdToMicros } from './money';

describe('usdToMicros', () => {
	it.each([
		[0.005, 5000, 'the per-path price'],
		[0, 0, 'zero'],
		[1, 1_000_000, 'one dollar'],
		[0.1 + 0.2, 300_000, 'float noise rounds away'],
		[0.0000004, 0, 'below half a micro-dollar'],
		[12.345678, 12_345_678, 'six decimals kept']
	])('usdToMicros(%s) = %s (%s)', (usd, micros) => expect(usdToMicros(usd)).toBe(micros));
});

describe('formatUsd', () => {
	it.each([
		[0, '$0.00', 'nothing'],
		[5000, '$0.005', 'one path keeps its half cent'],
		[1_200_000, '$1.20', 'whole cents'],
		[1_234_567_000_000, '$1,234,567.00', 'thousands separated'],
		[10_000, '$0.01', 'one cent'],
		[1, '$0.000001', 'one micro-dollar'],
		[-5000, '-$0.005', 'a negative difference']
	])('formatUsd(%s) = %s (%s)', (micros, text) => expect(formatUsd(micros)).toBe(text));
});

describe('money properties (fast-check seed 20261130)', () => {
	const params = { seed: 20261130, numRuns: 300 };
	it('summing n paths at $0.005 in micros equals n × price exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
				const price = usdToMicros(0.005);
				let sum = 0;
				for (let i = 0; i < Math.min(n, 1000); i++) sum += price;
				expect(sum).toBe(Math.min(n, 1000) * 5000);
				expect(Number.isInteger(n * price)).toBe(true);
			}),
			params
		);
	});
	it('formatUsd reads back as the same number of micro-dollars', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e12 }), (micros) => {
				const text = formatUsd(micros).replace(/[$,]/g, '');
				expect(usdToMicros(Number(text))).toBe(micros);
			}),
			params
		);
	});
});
