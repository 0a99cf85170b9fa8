import { describe, expect, it } from 'vitest';
import { CONFIRM_ABOVE, confirmationFor, isDistributionNamed } from './confirm';

const many = (n: number) => Array.from({ length: n }, (_, i) => `/f${i}`);

describe('confirmationFor', () => {
	it.each([
		[['/a'], null, 'an ordinary purge goes on one click'],
		[['/', '/index.html'], null, '/ is the home page only'],
		[['/a', '/*'], { kind: 'everything' }, '/* anywhere in the batch'],
		[many(CONFIRM_ABOVE), null, 'exactly 1,000 paths'],
		[many(CONFIRM_ABOVE + 1), { kind: 'many', count: 1001 }, 'more than 1,000 paths'],
		[[...many(2000), '/*'], { kind: 'everything' }, '/* wins: it is the bigger purge']
	])('%#: %s', (items, expected, why) => {
		expect(confirmationFor(items), why).toEqual(expected);
	});
});

describe('isDistributionNamed', () => {
	const d = { id: 'E1LOCALWWW0001', hosts: ['www.example.test', 'd1.cloudfront.net'] };
	it.each([
		['E1LOCALWWW0001', true, 'the ID'],
		[' e1localwww0001 ', true, 'any case, blanks ignored'],
		['WWW.example.test', true, 'an alias, any case'],
		['d1.cloudfront.net', true, 'the domain name'],
		['E1LOCALWWW000', false, 'a prefix of the ID'],
		['example.test', false, 'part of a host'],
		['', false, 'nothing typed'],
		['*', false, 'a wildcard']
	])('%j → %s (%s)', (typed, expected) => {
		expect(isDistributionNamed(typed, d)).toBe(expected);
	});
});
