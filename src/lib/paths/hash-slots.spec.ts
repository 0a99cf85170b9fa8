import { describe, expect, it } from 'vitest';
import { HashSlots } from './hash-slots';

/** Every item next() gives for `hash`, in order. */
function walk(slots: HashSlots, hash: number): number[] {
	const found: number[] = [];
	slots.seek(hash);
	for (let item = slots.next(); item !== -1; item = slots.next()) found.push(item);
	return found;
}

describe('HashSlots', () => {
	it('gives every item stored under a hash, and only those, however many share it', () => {
		const slots = new HashSlots(4);
		// Far more items than the initial slots, half of them under one hash: it grows and
		// collisions chain without losing any.
		for (let i = 0; i < 500; i++) slots.add(i % 2 === 0 ? 7 : i * 7919, i);
		expect(slots.size).toBe(500);
		expect(walk(slots, 7).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 250 }, (_, i) => i * 2)
		);
		expect(walk(slots, 3 * 7919)).toEqual([3]);
		expect(walk(slots, 123456)).toEqual([]);
	});

	it('finds item 0 (stored as 1 so that 0 can mean a free slot)', () => {
		const slots = new HashSlots();
		slots.add(0, 0);
		expect(walk(slots, 0)).toEqual([0]);
	});
});
