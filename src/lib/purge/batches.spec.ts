import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	countSlots,
	fits,
	roomLeft,
	splitIntoBatches,
	type Slots,
	type TagBucket
} from './batches';

const files = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `/f/${from + i}.html`);
const wildcards = (n: number) => Array.from({ length: n }, (_, i) => `/w${i}/*`);
const tags = (n: number) => Array.from({ length: n }, (_, i) => `#t${i}`);
const noMargin: Slots = { files: 0, wildcards: 0 };
const sizes = (items: string[], options = {}) =>
	splitIntoBatches(items, options).map((b) => [b.files, b.wildcards]);

describe('countSlots', () => {
	it.each<[string[], TagBucket, Slots, string]>([
		[['/a', '/b/*', '#sale'], 'files', { files: 2, wildcards: 1 }, 'a tag counts as a path'],
		[
			['/a', '/b/*', '#sale'],
			'both',
			{ files: 2, wildcards: 2 },
			'cautious: a tag also takes a wildcard slot'
		],
		[['/a*b', '/%2A'], 'files', { files: 2, wildcards: 0 }, 'a star that is not last is a file'],
		[[], 'files', { files: 0, wildcards: 0 }, 'nothing']
	])('%j (%s) → %o: %s', (items, bucket, expected) =>
		expect(countSlots(items, bucket)).toEqual(expected)
	);
});

describe('splitIntoBatches at the limits (no margin, idle distribution)', () => {
	it.each([
		{ items: files(2999), expected: [[2999, 0]], why: '2,999 files: one batch' },
		{ items: files(3000), expected: [[3000, 0]], why: '3,000 files: one batch' },
		{
			items: files(3001),
			expected: [
				[3000, 0],
				[1, 0]
			],
			why: '3,001 files: two'
		},
		{ items: wildcards(14), expected: [[0, 14]], why: '14 wildcards' },
		{ items: wildcards(15), expected: [[0, 15]], why: '15 wildcards' },
		{
			items: wildcards(16),
			expected: [
				[0, 15],
				[0, 1]
			],
			why: '16 wildcards'
		},
		{ items: tags(3000), expected: [[3000, 0]], why: '3,000 tags count as 3,000 paths' },
		{
			items: tags(3001),
			expected: [
				[3000, 0],
				[1, 0]
			],
			why: '3,001 tags'
		},
		{
			items: [...files(2990), ...wildcards(15)],
			expected: [
				[2990, 10],
				[0, 5]
			],
			why: 'one request holds 3,000 items in all'
		},
		{
			items: [...wildcards(20), ...files(10)],
			expected: [
				[10, 15],
				[0, 5]
			],
			why: 'files and wildcards counted separately'
		},
		{ items: [], expected: [], why: 'nothing to send' }
	])('$why', ({ items, expected }) => expect(sizes(items, { margin: noMargin })).toEqual(expected));

	it('cautious tags also fill the 15 wildcard slots', () =>
		expect(sizes(tags(16), { margin: noMargin, tags: 'both' })).toEqual([
			[15, 15],
			[1, 1]
		]));

	it('keeps a margin of 2 wildcards by default', () =>
		expect(sizes(wildcards(16))).toEqual([
			[0, 13],
			[0, 3]
		]));

	it('splits 7,000 paths into three requests', () =>
		expect(splitIntoBatches(files(7000)).map((b) => b.items.length)).toEqual([3000, 3000, 1000]));
});

describe('splitIntoBatches with the room left now', () => {
	it.each([
		{
			room: { files: 500, wildcards: 13 },
			items: files(7000),
			expected: [
				[500, 0],
				[3000, 0],
				[3000, 0],
				[500, 0]
			],
			why: 'the first batch goes at once'
		},
		{
			room: { files: 0, wildcards: 0 },
			items: files(10),
			expected: [[10, 0]],
			why: 'a full distribution: the batch waits'
		},
		{
			room: { files: 5, wildcards: 0 },
			items: [...wildcards(2), ...files(10)],
			expected: [
				[5, 0],
				[5, 2]
			],
			why: 'no wildcard room: files first'
		},
		{
			room: { files: 9000, wildcards: 99 },
			items: files(3001),
			expected: [
				[3000, 0],
				[1, 0]
			],
			why: 'room above the limits is capped'
		}
	])('$why', ({ room, items, expected }) =>
		expect(sizes(items, { roomNow: room, margin: noMargin })).toEqual(expected)
	);
});

describe('roomLeft from the details of recent invalidations', () => {
	const inProgress = (paths: string[]) => ({ status: 'InProgress', paths });
	it.each([
		{
			invs: [],
			margin: undefined,
			room: { files: 3000, wildcards: 13 },
			why: 'idle, default margin'
		},
		{
			invs: [inProgress([...files(2500), ...wildcards(10)])],
			margin: undefined,
			room: { files: 500, wildcards: 3 },
			why: 'one running'
		},
		{
			invs: [{ status: 'Completed', paths: files(3000) }],
			margin: noMargin,
			room: { files: 3000, wildcards: 15 },
			why: 'completed ones free their room'
		},
		{
			invs: [{ status: 'Queued', paths: files(10) }],
			margin: noMargin,
			room: { files: 2990, wildcards: 15 },
			why: 'an unknown status is counted'
		},
		{
			invs: [inProgress(files(3000)), inProgress(wildcards(15))],
			margin: noMargin,
			room: { files: 0, wildcards: 0 },
			why: 'a full distribution'
		},
		{
			invs: [inProgress(files(3500))],
			margin: noMargin,
			room: { files: 0, wildcards: 15 },
			why: 'never below zero'
		},
		{
			invs: [inProgress(tags(5))],
			margin: noMargin,
			room: { files: 2995, wildcards: 15 },
			why: 'tags use file room'
		}
	])('$why', ({ invs, margin, room }) => expect(roomLeft(invs, { margin })).toEqual(room));

	it('a batch fits the room it was sized to, and not one less', () => {
		const room = roomLeft([inProgress(files(2000))], { margin: noMargin });
		const [first] = splitIntoBatches(files(5000), { roomNow: room, margin: noMargin });
		expect(fits(first, room)).toBe(true);
		expect(fits(first, { ...room, files: room.files - 1 })).toBe(false);
	});
});

describe('splitIntoBatches properties (fast-check seed 20261130)', () => {
	const item = fc.oneof(
		fc.nat(50).map((n) => `/f/${n}`),
		fc.nat(50).map((n) => `/w${n}/*`),
		fc.nat(50).map((n) => `#t${n}`)
	);
	const slots = fc.record({ files: fc.nat(40), wildcards: fc.nat(20) });
	it('sends every item exactly once, in batches within every limit, order kept', () => {
		fc.assert(
			fc.property(
				fc.array(item, { maxLength: 300 }),
				slots,
				fc.nat({ max: 50 }),
				(items, roomNow, max) => {
					const limits = { files: 30, wildcards: 4 };
					const maxItems = max + 1;
					const batches = splitIntoBatches(items, { roomNow, limits, margin: noMargin, maxItems });
					expect(batches.flatMap((b) => b.items).sort()).toEqual([...items].sort());
					for (const b of batches) {
						expect(b.items.length).toBeGreaterThan(0);
						expect(b.items.length).toBeLessThanOrEqual(maxItems);
						expect(fits(b, limits)).toBe(true);
						expect(countSlots(b.items)).toEqual({ files: b.files, wildcards: b.wildcards });
						const positions = b.items.map((x) => items.indexOf(x));
						if (new Set(items).size === items.length)
							expect(positions).toEqual([...positions].sort((p, q) => p - q));
					}
				}
			),
			{ seed: 20261130, numRuns: 300 }
		);
	});
});
