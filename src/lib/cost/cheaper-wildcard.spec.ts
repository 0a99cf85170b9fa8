import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costOfPaths, describeSuggestion, directoryOf, suggestWildcards } from './cheaper-wildcard';
import { formatUsd } from './money';
import { pricingFor } from './pricing';
import { account, files } from './test-pricing';

const perPath = pricingFor(account, 'E1PLAIN');

describe('directoryOf', () => {
	it.each([
		['/img/a.jpg', '/img/'],
		['/img/a.jpg?v=2/x', '/img/'],
		['/a/b/c.css', '/a/b/'],
		['/img/', '/img/'],
		['/index.html', null],
		['/', null]
	])('%s → %s', (path, dir) => expect(directoryOf(path)).toBe(dir));
});

describe('suggestWildcards', () => {
	it('240 paths under /img/ cost $1.20; /img/* costs $0.005', () => {
		const [s, ...rest] = suggestWildcards(files(240, '/img/'), costOfPaths(0, perPath));
		expect(rest).toEqual([]);
		expect(s.wildcard).toBe('/img/*');
		expect(s.files).toHaveLength(240);
		expect(formatUsd(s.filesCostMicros)).toBe('$1.20');
		expect(formatUsd(s.wildcardCostMicros)).toBe('$0.005');
		expect(describeSuggestion(s)).toBe(
			'These 240 paths under /img/ cost $1.20; /img/* costs $0.005.'
		);
	});

	it('…or nothing while free paths last', () => {
		const [s] = suggestWildcards(files(240, '/img/'), costOfPaths(100, perPath));
		expect(s.filesCostMicros).toBe(140 * 5000);
		expect(s.wildcardCostMicros).toBe(0);
		expect(describeSuggestion(s)).toBe(
			'These 240 paths under /img/ cost $0.70; /img/* costs nothing (free paths left).'
		);
	});

	it.each([
		{ items: files(240, '/img/'), free: 1000, why: 'all free: nothing to save' },
		{ items: ['/img/a.jpg'], free: 0, why: 'one file is no cheaper as a wildcard' },
		{ items: files(50, '/'), free: 0, why: 'never suggests /* for root files' },
		{ items: [...files(50, '/img/'), '/img/*'], free: 0, why: 'the wildcard is already listed' },
		{ items: ['#a', '#b', '/img/*', '/img/x*'], free: 0, why: 'tags and wildcards are not files' }
	])('none when $why', ({ items, free }) =>
		expect(suggestWildcards(items, costOfPaths(free, perPath))).toEqual([])
	);

	it('suggests nothing on a flat-rate distribution', () => {
		const flat = pricingFor(account, 'E2FLAT');
		expect(suggestWildcards(files(240, '/img/'), costOfPaths(0, flat))).toEqual([]);
	});

	it('orders by saving, and groups query-string variants by directory', () => {
		const items = [...files(3, '/css/'), ...files(5, '/img/'), '/img/a.jpg?v=1', '/img/a.jpg?v=2'];
		const out = suggestWildcards(items, costOfPaths(0, perPath));
		expect(out.map((s) => [s.wildcard, s.files.length])).toEqual([
			['/img/*', 7],
			['/css/*', 3]
		]);
	});
});

describe('suggestWildcards properties (fast-check seed 20261130)', () => {
	it('taking a suggestion lowers the cost by exactly what it promised', () => {
		const path = fc
			.tuple(fc.constantFrom('/a/', '/b/', '/a/c/', '/'), fc.stringMatching(/^[a-z]{1,3}$/))
			.map(([d, n]) => d + n);
		fc.assert(
			fc.property(fc.uniqueArray(path, { maxLength: 60 }), fc.nat(80), (items, free) => {
				const cost = costOfPaths(free, perPath);
				for (const s of suggestWildcards(items, cost)) {
					const after = [...items.filter((i) => !s.files.includes(i)), s.wildcard];
					const saving = s.filesCostMicros - s.wildcardCostMicros;
					expect(saving).toBeGreaterThan(0);
					expect(cost(items.length) - cost(after.length)).toBe(saving);
				}
			}),
			{ seed: 20261130, numRuns: 300 }
		);
	});
});

describe('suggestWildcards in runs (fast-check seed 20261130)', () => {
	/** The grouping spelled out: every file looked up by its directory. */
	function groupsByDirectory(items: readonly string[]) {
		const groups = new Map<string, string[]>();
		for (const item of items) {
			if (item.startsWith('#') || item.endsWith('*')) continue;
			const directory = directoryOf(item);
			if (directory === null || items.includes(`${directory}*`)) continue;
			groups.set(directory, [...(groups.get(directory) ?? []), item]);
		}
		return groups;
	}

	it('groups every file with its directory, whatever the order (runs, nesting, queries)', () => {
		const path = fc
			.tuple(
				fc.constantFrom('/a/', '/a/b/', '/ab/', '/a/b/c/', '/', '#'),
				fc.constantFrom('x', 'y', 'b/z', 'x?q=/a/', 'y?v=1', '*')
			)
			.map(([d, n]) => d + n);
		fc.assert(
			fc.property(fc.array(path, { maxLength: 40 }), (items) => {
				const out = suggestWildcards(items, costOfPaths(0, perPath));
				const expected = [...groupsByDirectory(items)].filter(([, files]) => files.length > 1);
				expect(new Map(out.map((s) => [s.directory, s.files]))).toEqual(new Map(expected));
			}),
			{ seed: 20261130, numRuns: 500 }
		);
	});
});
