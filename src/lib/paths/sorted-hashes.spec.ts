import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstAt, sortByHash } from './sorted-hashes';

// Seeded by vitest.setup.ts (printed at the start of the run).
/** Hashes from a few values (many repeats) or anywhere in [0, 2^30), where the digits differ. */
const hash = fc.oneof(fc.constantFrom(0, 1, 1023, 1024, 2 ** 20, 2 ** 30 - 1), fc.nat(2 ** 30 - 1));

describe('sortByHash', () => {
	it('sorts items by hash, keeping items with equal hashes in their order', () => {
		fc.assert(
			fc.property(fc.array(hash, { maxLength: 300 }), (list) => {
				const { keys, items } = sortByHash(Int32Array.from(list), list.length);
				const expected = list
					.map((h, item) => ({ h, item }))
					.sort((a, b) => a.h - b.h || a.item - b.item);
				expect([...items]).toEqual(expected.map((e) => e.item));
				expect([...keys]).toEqual(expected.map((e) => e.h));
			})
		);
	});

	it('sorts only the first `count` hashes (the rest is spare room)', () => {
		const { keys, items } = sortByHash(Int32Array.of(9, 4, 4, 0, 0), 3);
		expect([...keys]).toEqual([4, 4, 9]);
		expect([...items]).toEqual([1, 2, 0]);
	});
});

describe('firstAt', () => {
	const keys = Int32Array.of(2, 5, 5, 5, 9);
	it.each([
		[5, 1, 'the first of equal keys'],
		[2, 0, 'the first key'],
		[0, 0, 'before every key'],
		[6, 4, 'between keys: where it would go'],
		[10, 5, 'after every key: the length']
	])('firstAt(%d) = %d (%s)', (hash, expected) => {
		expect(firstAt(keys, hash)).toBe(expected);
	});
});
