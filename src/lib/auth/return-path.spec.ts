import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { safeReturnPath } from './return-path';

// After sign-in the user lands where they were, but only on a page of the console itself: never
// another origin (an open redirect) and never the callback page again (a loop).

const origin = 'https://www.example.com';

describe('safeReturnPath under a base path', () => {
	const base = '/_console';
	it.each([
		['/_console/d/E1ABCDEF', '/_console/d/E1ABCDEF', 'a console page'],
		[
			'/_console/d/E1ABCDEF?tab=history#top',
			'/_console/d/E1ABCDEF?tab=history#top',
			'query and hash kept'
		],
		['/_console/', '/_console/', 'the console home'],
		['/_console', '/_console', 'the base itself'],
		['/', '/_console/', 'the site root is outside the console'],
		['/_consoleX/evil', '/_console/', 'a sibling that only starts with the base'],
		['/admin', '/_console/', 'another page of the site'],
		['//evil.example/_console/', '/_console/', 'protocol-relative: another origin'],
		['/\\evil.example', '/_console/', 'a backslash: browsers read /\\ as //'],
		['/_console/\\..\\x', '/_console/', 'any backslash'],
		['https://evil.example/_console/', '/_console/', 'an absolute URL'],
		['javascript:alert(1)', '/_console/', 'a script URL'],
		['_console/d/E1', '/_console/', 'a relative path'],
		['', '/_console/', 'nothing saved'],
		['/_console/auth/callback', '/_console/', 'the callback page would loop'],
		['/_console/auth/callback?code=x&state=y', '/_console/', 'the callback with its query']
	])('%s → %s: %s', (returnTo, expected, why) => {
		expect(safeReturnPath(returnTo, base), why).toBe(expected);
	});
});

describe('safeReturnPath at the site root', () => {
	it.each([
		['/d/E1ABCDEF', '/d/E1ABCDEF', 'a console page'],
		['/', '/', 'home'],
		['//evil.example', '/', 'protocol-relative'],
		['/\\evil.example', '/', 'backslash'],
		['https://evil.example', '/', 'absolute URL'],
		['/auth/callback?code=x', '/', 'the callback page would loop']
	])('%s → %s: %s', (returnTo, expected, why) => {
		expect(safeReturnPath(returnTo, ''), why).toBe(expected);
	});
});

describe('safeReturnPath: properties', () => {
	const base = fc.constantFrom('', '/_console', '/ops/console');
	const returnTo = fc.oneof(
		fc.string(),
		fc.string({ unit: 'binary' }),
		fc
			.tuple(
				fc.constantFrom(
					'/',
					'//',
					'/\\',
					'/_console',
					'/_console/',
					'/_console/auth/callback',
					'https://'
				),
				fc.string()
			)
			.map(([prefix, rest]) => prefix + rest)
	);

	it('always returns a path under the base, never the callback', () => {
		fc.assert(
			fc.property(returnTo, base, (to, b) => {
				const path = safeReturnPath(to, b);
				expect(path === b || path.startsWith(`${b}/`)).toBe(true);
				expect(path.startsWith('//')).toBe(false);
				expect(path).not.toContain('\\');
				expect(path.startsWith(`${b}/auth/callback`)).toBe(false);
			})
		);
	});

	it('stays on this origin when the browser resolves it (base path deployments)', () => {
		fc.assert(
			fc.property(returnTo, fc.constantFrom('/_console', '/ops/console'), (to, b) => {
				expect(new URL(safeReturnPath(to, b), origin).origin).toBe(origin);
			})
		);
	});

	it('is idempotent: a safe path is returned unchanged', () => {
		fc.assert(
			fc.property(returnTo, base, (to, b) => {
				const once = safeReturnPath(to, b);
				expect(safeReturnPath(once, b)).toBe(once);
			})
		);
	});
});

describe('safeReturnPath resolves like a browser before checking', () => {
	it.each([
		['/\t/evil.example', '', '/'],
		['/_console/../admin', '/_console', '/_console/'],
		['/_console/d/%2e%2e/%2e%2e/admin', '/_console', '/_console/'],
		['/_console/./d/E1', '/_console', '/_console/d/E1']
	])('safeReturnPath(%j, %j) → %j', (input, base, expected) => {
		expect(safeReturnPath(input, base)).toBe(expected);
	});
});
