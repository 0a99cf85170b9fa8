import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchingPaths, pathMatches } from './path-search';

describe('pathMatches', () => {
	it.each([
		['/checkout/cart.html', '', true, 'an empty search matches everything'],
		['/checkout/cart.html', 'cart', true, 'a substring'],
		['/checkout/cart.html', '/checkout/cart.html', true, 'the exact path'],
		['/checkout/cart.html', '/Checkout/cart.html', false, 'paths are case-sensitive'],
		['/checkout/*', '/checkout/cart.html', true, 'the wildcard purged the searched file'],
		['/checkout*', '/checkout', true, 'zero characters after the prefix'],
		['/checkout/*', '/checkout', true, 'a substring of the wildcard'],
		['/checkout/*', '/check/cart.html', false, 'not under the wildcard'],
		['/*', '/js/app.js', true, 'everything was purged'],
		['/img/*', '/js/app.js', false, 'another directory'],
		['/js/app.js', '/js/*', true, 'a prefix search finds files under it'],
		['/js/app.js', '/js*', true, 'a prefix search without the slash'],
		['/css/site.css', '/js/*', false, 'outside the prefix'],
		['/img/*', '/img/logos/*', true, 'a broader wildcard covers the searched prefix'],
		['/img/logos/*', '/img/*', true, 'a narrower wildcard lies inside it'],
		['/img/logos/*', '/css/*', false, 'disjoint wildcards'],
		['/a*b', '/a', true, 'a star inside is literal, but the substring matches'],
		['/a*b', '/a/x', false, 'a star inside is not a wildcard'],
		['/a%20b.png', '/a b.png', true, 'the search is matched in its encoded form'],
		['#Product:Shoes', '#product:shoes', true, 'tags ignore case'],
		['#sale', '/sale', false, 'a tag is not a path'],
		['/js/app.js', 'checkout', false, 'no match'],
		[
			'/checkout/*',
			'checkout/cart',
			false,
			'a substring that is not a path does not expand wildcards'
		]
	])('%s ~ %s → %s (%s)', (item, search, expected) =>
		expect(pathMatches(item, search)).toBe(expected)
	);

	it('lists the matching items in order', () =>
		expect(matchingPaths(['/a.js', '/js/*', '/js/app.js', '#js'], '/js/app.js')).toEqual([
			'/js/*',
			'/js/app.js'
		]));
});

describe('pathMatches properties (fast-check seed 20261130)', () => {
	const params = { seed: 20261130, numRuns: 500 };
	const segment = fc.stringMatching(/^[a-z]{1,4}$/);
	const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => '/' + s.join('/'));

	it('a wildcard matches every path it purges, and every path matches itself', () => {
		fc.assert(
			fc.property(path, fc.nat(20), (p, cut) => {
				const wildcard = p.slice(0, Math.max(1, Math.min(cut, p.length))) + '*';
				expect(pathMatches(wildcard, p)).toBe(true);
				expect(pathMatches(p, p)).toBe(true);
			}),
			params
		);
	});

	it('a prefix search matches a file exactly when the file starts with the prefix', () => {
		fc.assert(
			fc.property(path, path, (file, prefix) => {
				expect(pathMatches(file, prefix + '*')).toBe(file.startsWith(prefix));
			}),
			params
		);
	});
});
