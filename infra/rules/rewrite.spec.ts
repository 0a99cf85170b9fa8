import { describe, expect, it } from 'vitest';
import { functionSource, isResponse, rewriteHandler, viewerRequest } from './rewrite';

// The CloudFront Function run as plain JavaScript, from the very text the template deploys.
const handler = rewriteHandler('/_console');
const run = (rawUrl: string) => handler({ request: viewerRequest('GET', rawUrl) });

describe('deep-link function', () => {
	it.each([
		['/_console/', '/_console/index.html', 'the console root'],
		['/_console/d/E1ABCDEF', '/_console/index.html', 'a bookmarked distribution'],
		['/_console/d/E1ABCDEF/', '/_console/index.html', 'with a trailing slash'],
		['/_console/auth/callback?code=abc&state=xyz', '/_console/index.html', 'the sign-in callback'],
		['/_console/d/E1ABCDEF/history', '/_console/index.html', 'a nested route'],
		[
			'/_console/_app/immutable/entry/start.CbHwkIeG.js',
			'/_console/_app/immutable/entry/start.CbHwkIeG.js',
			'a hashed script'
		],
		[
			'/_console/_app/immutable/assets/0._-h4_joF.css',
			'/_console/_app/immutable/assets/0._-h4_joF.css',
			'a stylesheet'
		],
		['/_console/config.json', '/_console/config.json', 'the runtime config'],
		['/_console/_app/version.json', '/_console/_app/version.json', 'kit’s version file'],
		['/_console/favicon.svg', '/_console/favicon.svg', 'a static file'],
		[
			'/_console/d/E1.ABC',
			'/_console/d/E1.ABC',
			'a dot in the last segment means a file (so routes never have one)'
		],
		['/_console/a.b/route', '/_console/index.html', 'a dot in an earlier segment does not'],
		[
			'/_consoleX/page',
			'/_console/index.html',
			'the behaviour /_console* also matches this; it gets the shell, not the site'
		]
	])('%s → %s (%s)', (uri, expected) => {
		const result = run(uri);
		expect(isResponse(result)).toBe(false);
		expect(!isResponse(result) && result.uri).toBe(expected);
	});

	it.each([
		['/_console', '/_console/'],
		['/_console?x=1', '/_console/?x=1'],
		['/_console?a=1&a=2&b', '/_console/?a=1&a=2&b'],
		['/_console?q=a%20b', '/_console/?q=a%20b']
	])('%s → 301 %s', (uri, location) => {
		const result = run(uri);
		expect(isResponse(result) && result).toEqual({
			statusCode: 301,
			statusDescription: 'Moved Permanently',
			headers: { location: { value: location } }
		});
	});

	it('leaves the query string in the request, where CloudFront keeps it', () => {
		const request = viewerRequest('GET', '/_console/auth/callback?code=abc&state=xyz');
		const result = handler({ request });
		expect(!isResponse(result) && result.querystring).toEqual({
			code: { value: 'abc' },
			state: { value: 'xyz' }
		});
	});

	it('follows the base path of the build', () => {
		const other = rewriteHandler('/ops/console');
		const result = other({ request: viewerRequest('GET', '/ops/console/d/E1') });
		expect(!isResponse(result) && result.uri).toBe('/ops/console/index.html');
		expect(functionSource('/ops/console')).toContain('var BASE = "/ops/console";');
	});

	it.each(['', '/', '_console', '/_console/', '/a b'])('refuses the base path %j', (base) => {
		expect(() => functionSource(base)).toThrow(/base path must look like "\/_console"/);
	});

	it('fits CloudFront Functions’ 10 KB code limit', () => {
		// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-functions
		expect(Buffer.byteLength(functionSource('/_console'))).toBeLessThan(10_240);
	});
});
