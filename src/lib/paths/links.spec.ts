import { describe, expect, it } from 'vitest';
import { bookmarklet, distributionForHost, linkedPaths, withLinkedPaths } from './links';

describe('withLinkedPaths', () => {
	it.each([
		['', ['/a', '/b'], '/a\n/b', 'an empty draft'],
		['/x', ['/a'], '/x\n/a', 'added after what was typed'],
		['/x\n\n', ['/a'], '/x\n/a', 'trailing blank lines are not kept between'],
		['/a\n/b', ['/a', '/b'], '/a\n/b', 'nothing twice: a reloaded link adds nothing'],
		['/x', ['/a', '/a'], '/x\n/a', 'a repeated value once'],
		['/x', [' ', ''], '/x', 'blank values ignored'],
		['', ['/a\n/b'], '/a /b', 'a value cannot hold several lines'],
		[
			'',
			['https://www.example.com/a?x=1'],
			'https://www.example.com/a?x=1',
			'kept as given: the rules explain it'
		]
	])('%j + %j → %j (%s)', (draft, paths, expected) => {
		expect(withLinkedPaths(draft, paths)).toBe(expected);
	});

	it('reads the path parameters of a link in order', () => {
		const params = new URL('https://x.test/_console/d/E1?path=/a&path=%2Fb%20c&other=1')
			.searchParams;
		expect(linkedPaths(params)).toEqual(['/a', '/b c']);
	});
});

describe('the bookmarklet', () => {
	it('the bookmarklet opens base/open with the page path, on the same origin', () => {
		const code = bookmarklet('/_console');
		expect(code.startsWith('javascript:')).toBe(true);
		const location = {
			origin: 'https://www.example.com',
			pathname: '/blog/a b.html',
			search: '?utm=1',
			href: ''
		};
		// Run it the way a browser would, against a stand-in location.
		new Function('location', code.slice('javascript:'.length))(location);
		const url = new URL(location.href);
		expect(url.origin).toBe('https://www.example.com');
		expect(url.pathname).toBe('/_console/open');
		expect(url.searchParams.get('path')).toBe('/blog/a b.html?utm=1');
	});
});

describe('distributionForHost', () => {
	const ds = [
		{ id: 'E1', hosts: ['www.example.com', 'd1.cloudfront.net'] },
		{ id: 'E2', hosts: ['shop.example.com'] },
		{ id: 'E3', hosts: ['dup.example.com'] },
		{ id: 'E4', hosts: ['dup.example.com'] }
	];
	it.each([
		['www.example.com', 'E1', 'an alias'],
		['D1.CloudFront.net', 'E1', 'the domain name, any case'],
		['shop.example.com.', 'E2', 'a trailing dot'],
		['other.example.com', undefined, 'no distribution serves it'],
		['dup.example.com', undefined, 'ambiguous: never guess']
	])('%s → %s (%s)', (host, id, why) => {
		expect(distributionForHost(host, ds)?.id, why).toBe(id);
	});
});
