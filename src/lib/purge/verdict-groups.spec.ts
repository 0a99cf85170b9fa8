import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '$lib/paths/parse-paste';
import { verdictGroups, type TargetRules } from './verdict-groups';

// fast-check: a fixed seed, printed, so a failure replays exactly.
const SEED = 20261130;
console.log(`fast-check seed ${SEED}`);

const www: TargetRules = { hosts: ['www.example.test'], tagsEnabled: false };
const shop: TargetRules = { hosts: ['shop.example.test'], tagsEnabled: true };
const data: TargetRules = { hosts: ['data.example.test'], tagsEnabled: false };

describe('verdictGroups', () => {
	it.each([
		['/a.html\n/img/*', [www, shop, data], [[0, 1, 2]], 'plain paths: one check for all'],
		['https://www.example.test/a', [www, shop, data], [[0], [1], [2]], 'a URL: hosts matter'],
		['#product-1', [www, shop, data], [[0, 2], [1]], 'a tag: tags on or off matter'],
		['/a', [www, null, data], [[0, 2]], 'a distribution left out is in no group'],
		[
			'https://WWW.example.test/a',
			[www, { hosts: ['WWW.EXAMPLE.TEST'], tagsEnabled: false }],
			[[0, 1]],
			'the same hosts, spelt in another case'
		]
	])('%s', (text, targets, expected, why) => {
		expect(
			verdictGroups(text, targets, false).map((g) => g.targets),
			why
		).toEqual(expected);
	});

	it('passes keepQueryStrings to every group', () => {
		const groups = verdictGroups('#t\n/a?x=1', [www, shop], true);
		expect(groups.map((g) => g.options.keepQueryStrings)).toEqual([true, true]);
	});

	it("a group's verdicts are every member's own verdicts", () => {
		const line = fc.constantFrom(
			'/a.html',
			'/img/*',
			'images/b c.png',
			'#product-1',
			'https://www.example.test/x.js',
			'http://shop.example.test/y',
			'https://elsewhere.test/z',
			'/q?v=1',
			'/t~x',
			'/a#frag',
			'/a, /b'
		);
		const targets = fc.array(
			fc.option(
				fc.record({
					hosts: fc.subarray(['www.example.test', 'shop.example.test', 'data.example.test']),
					tagsEnabled: fc.boolean()
				})
			),
			{ minLength: 1, maxLength: 6 }
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), targets, fc.boolean(), (lines, ts, keep) => {
				const text = lines.join('\n');
				for (const group of verdictGroups(text, ts, keep)) {
					const shared = parsePaste(text, group.options);
					for (const i of group.targets) {
						const own = parsePaste(text, { ...ts[i]!, keepQueryStrings: keep });
						expect(shared).toEqual(own);
					}
				}
			}),
			{ seed: SEED, numRuns: 300 }
		);
	});
});
