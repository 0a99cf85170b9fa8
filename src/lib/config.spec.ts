import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exampleConfig } from './config-example';
import { ConfigError, isLoopbackHost, loginsKey, parseConfig, type Config } from './config';

// Fields: README.md, Configuration.

type Json = Record<string, unknown>;

/** The example config with one field (a dotted path) replaced, or removed when `value` is undefined. */
function withField(path: string, value: unknown): Json {
	const config = structuredClone(exampleConfig) as Json;
	const keys = path.split('.');
	const last = keys.pop()!;
	const parent = keys.reduce((o, k) => o[k] as Json, config);
	if (value === undefined) delete parent[last];
	else parent[last] = value;
	return config;
}

/** The ConfigError parseConfig throws, or fails the test if it returns. */
function errorFrom(raw: unknown, base?: string): ConfigError {
	try {
		parseConfig(raw, base);
	} catch (e) {
		expect(e).toBeInstanceOf(ConfigError);
		return e as ConfigError;
	}
	throw new Error('parseConfig accepted the config');
}

const hex = '12345678-1234-1234-1234-123456789012';

describe('parseConfig: a valid file', () => {
	it('reads the example shown on the error screen', () => {
		expect(parseConfig(exampleConfig)).toEqual({
			region: 'eu-west-1',
			identityPoolId: `eu-west-1:${hex}`,
			auth: {
				issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
				domain: 'https://example-ops.auth.eu-west-1.amazoncognito.com',
				clientId: '1example23456789',
				scopes: ['openid', 'email', 'profile'],
				redirectPath: '/_console/auth/callback',
				logoutPath: '/_console/',
				identityProvider: null
			},
			endpoints: { cloudfront: null, cognitoIdentity: null },
			distributions: [{ id: 'E1ABCDEF', label: 'www (production)' }],
			pricing: {
				freePathsPerMonth: 1000,
				pricePerPathUsd: 0.005,
				confirmAboveUsd: 1,
				perDistribution: {}
			}
		} satisfies Config);
	});

	it('returns a frozen config', () => {
		expect(Object.isFrozen(parseConfig(exampleConfig))).toBe(true);
	});

	it.each([
		{
			path: 'version',
			value: undefined,
			read: (c: Config) => c.region,
			expected: 'eu-west-1',
			why: 'version is optional'
		},
		{
			path: 'region',
			value: 'us-gov-west-1',
			read: (c: Config) => c.region,
			expected: 'us-gov-west-1',
			why: 'a GovCloud Region'
		},
		{
			path: 'region',
			value: 'ap-southeast-2',
			read: (c: Config) => c.region,
			expected: 'ap-southeast-2',
			why: 'another Region'
		},
		{
			path: 'auth.issuer',
			value: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC//',
			read: (c: Config) => c.auth.issuer,
			expected: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
			why: 'trailing slashes are dropped, so the issuer matches the token'
		},
		{
			path: 'auth.domain',
			value: 'https://login.example.com/',
			read: (c: Config) => c.auth.domain,
			expected: 'https://login.example.com',
			why: 'a custom domain, trailing slash dropped'
		},
		{
			path: 'auth.issuer',
			value: 'http://localhost:9000/local_pool',
			read: (c: Config) => c.auth.issuer,
			expected: 'http://localhost:9000/local_pool',
			why: 'plain http for the local stack on localhost'
		},
		{
			path: 'auth.domain',
			value: 'http://127.0.0.1:9000',
			read: (c: Config) => c.auth.domain,
			expected: 'http://127.0.0.1:9000',
			why: 'plain http on 127.0.0.1'
		},
		{
			path: 'auth.domain',
			value: 'http://[::1]:9000',
			read: (c: Config) => c.auth.domain,
			expected: 'http://[::1]:9000',
			why: 'plain http on IPv6 loopback'
		},
		{
			path: 'auth.scopes',
			value: undefined,
			read: (c: Config) => c.auth.scopes,
			expected: ['openid', 'email', 'profile'],
			why: 'scopes default to openid email profile'
		},
		{
			path: 'auth.scopes',
			value: ['openid'],
			read: (c: Config) => c.auth.scopes,
			expected: ['openid'],
			why: 'openid alone is enough'
		},
		{
			path: 'auth.identityProvider',
			value: 'Okta',
			read: (c: Config) => c.auth.identityProvider,
			expected: 'Okta',
			why: 'an IdP name skips the managed-login chooser'
		},
		{
			path: 'auth.identityProvider',
			value: '',
			read: (c: Config) => c.auth.identityProvider,
			expected: null,
			why: 'an empty IdP means none'
		},
		{
			path: 'auth.identityProvider',
			value: undefined,
			read: (c: Config) => c.auth.identityProvider,
			expected: null,
			why: 'the IdP is optional'
		},
		{
			path: 'auth.clientId',
			value: 'abc+123_DEF',
			read: (c: Config) => c.auth.clientId,
			expected: 'abc+123_DEF',
			why: "Cognito's client ID pattern [\\w+]+"
		},
		{
			path: 'endpoints',
			value: undefined,
			read: (c: Config) => c.endpoints,
			expected: { cloudfront: null, cognitoIdentity: null },
			why: 'endpoint overrides are optional'
		},
		{
			path: 'endpoints',
			value: { cloudfront: 'http://localhost:4566/', cognitoIdentity: '' },
			read: (c: Config) => c.endpoints,
			expected: { cloudfront: 'http://localhost:4566', cognitoIdentity: null },
			why: 'a local-stack override; an empty one means none'
		},
		{
			path: 'distributions',
			value: undefined,
			read: (c: Config) => c.distributions,
			expected: [],
			why: 'the list is optional'
		},
		{
			path: 'distributions',
			value: null,
			read: (c: Config) => c.distributions,
			expected: [],
			why: 'null means no list'
		},
		{
			path: 'distributions',
			value: [{ id: 'E2XYZ' }],
			read: (c: Config) => c.distributions,
			expected: [{ id: 'E2XYZ', label: 'E2XYZ' }],
			why: 'a missing label falls back to the ID'
		},
		{
			path: 'pricing',
			value: undefined,
			read: (c: Config) => c.pricing,
			expected: {
				freePathsPerMonth: 1000,
				pricePerPathUsd: 0.005,
				confirmAboveUsd: 1,
				perDistribution: {}
			},
			why: "AWS's published figures by default, confirmation above $1"
		},
		{
			path: 'pricing',
			value: { freePathsPerMonth: 0 },
			read: (c: Config) => c.pricing,
			expected: {
				freePathsPerMonth: 0,
				pricePerPathUsd: 0.005,
				confirmAboveUsd: 1,
				perDistribution: {}
			},
			why: 'zero is allowed; a missing figure gets its default'
		},
		{
			path: 'pricing.confirmAboveUsd',
			value: 0,
			read: (c: Config) => c.pricing.confirmAboveUsd,
			expected: 0,
			why: 'zero: every billed purge asks for confirmation'
		},
		{
			path: 'pricing.perDistribution',
			value: { E2SHOP: { plan: 'flat-rate' }, E3DATA: { pricePerPathUsd: 0.01 } },
			read: (c: Config) => c.pricing.perDistribution,
			expected: {
				E2SHOP: { plan: 'flat-rate' },
				E3DATA: { plan: 'per-path', pricePerPathUsd: 0.01 }
			},
			why: 'a flat-rate plan, and a price override that defaults to per-path'
		},
		{
			path: 'pricing.perDistribution',
			value: { E3DATA: { plan: 'per-path', pricePerPathUsd: 0 } },
			read: (c: Config) => c.pricing.perDistribution,
			expected: { E3DATA: { plan: 'per-path', pricePerPathUsd: 0 } },
			why: 'an explicit per-path plan, at no cost'
		}
	])('$path = $value: $why', ({ path, value, read, expected }) => {
		expect(read(parseConfig(withField(path, value)))).toEqual(expected);
	});

	it.each([
		{ base: '', redirect: '/auth/callback', logout: '/', why: 'served at the root' },
		{
			base: '/_console',
			redirect: '/_console/auth/callback',
			logout: '/_console/',
			why: 'served under a base path'
		}
	])('defaults the redirect and logout paths from the base: $why', ({ base, redirect, logout }) => {
		const raw = withField('auth.redirectPath', undefined);
		delete (raw.auth as Json).logoutPath;
		const { auth } = parseConfig(raw, base);
		expect(auth.redirectPath).toBe(redirect);
		expect(auth.logoutPath).toBe(logout);
	});
});

interface BadRow {
	path: string;
	value: unknown;
	field: string;
	problem: RegExp;
	why: string;
}

describe('parseConfig: a bad file names the field and says what is expected', () => {
	it.each<BadRow>([
		{
			path: 'version',
			value: 2,
			field: 'version',
			problem: /must be 1.*got 2/,
			why: 'a newer file'
		},
		{
			path: 'version',
			value: '1',
			field: 'version',
			problem: /^must be the number 1, not the string "1": remove the quotes$/,
			why: 'the string "1"'
		},
		{
			path: 'version',
			value: { toString: 0 },
			field: 'version',
			problem: /must be 1 .*got \{"toString":0\}/,
			why: 'an object whose toString is not a function (found by the property below)'
		},
		{
			path: 'version',
			value: 'x'.repeat(100),
			field: 'version',
			problem: /got "x{38}…$/,
			why: 'a long value is shortened'
		},
		{
			path: 'auth.domain',
			value: 'https://example-ops.auth.eu-west-1.amazoncognito.com/oauth2',
			field: 'auth.domain',
			problem:
				/must be an origin only \(scheme and host, e\.g\. "https:\/\/example-ops.*without a path \("\/oauth2"\)/,
			why: 'a path'
		},
		{
			path: 'auth.domain',
			value: 'https://example-ops.auth.eu-west-1.amazoncognito.com/login?client_id=x',
			field: 'auth.domain',
			problem: /origin only .*without a path/,
			why: 'the managed login URL copied from the console'
		},
		{
			path: 'auth.domain',
			value: 'https://example-ops.auth.eu-west-1.amazoncognito.com?x=1',
			field: 'auth.domain',
			problem: /origin only .*without a query or fragment/,
			why: 'a query'
		},
		{
			path: 'auth.domain',
			value: 'https://example-ops.auth.eu-west-1.amazoncognito.com/?',
			field: 'auth.domain',
			problem: /without a query or fragment/,
			why: 'an empty query'
		},
		{
			path: 'auth.domain',
			value: 'https://example-ops.auth.eu-west-1.amazoncognito.com#top',
			field: 'auth.domain',
			problem: /without a query or fragment/,
			why: 'a fragment'
		},
		{
			path: 'auth.domain',
			value: 'https://admin:secret@example-ops.auth.eu-west-1.amazoncognito.com',
			field: 'auth.domain',
			problem: /^must be an origin only .*without a user name or password$/,
			why: 'credentials (not echoed back)'
		},
		{
			path: 'auth.domain',
			value: 'https://user@example-ops.auth.eu-west-1.amazoncognito.com',
			field: 'auth.domain',
			problem: /without a user name or password/,
			why: 'a user name alone'
		},
		{
			path: 'region',
			value: undefined,
			field: 'region',
			problem: /non-empty string/,
			why: 'missing'
		},
		{ path: 'region', value: '  ', field: 'region', problem: /non-empty string/, why: 'blank' },
		{ path: 'region', value: 42, field: 'region', problem: /non-empty string/, why: 'not text' },
		{
			path: 'region',
			value: 'EU-WEST-1',
			field: 'region',
			problem: /AWS Region such as "eu-west-1"/,
			why: 'upper case'
		},
		{
			path: 'region',
			value: 'eu-west',
			field: 'region',
			problem: /AWS Region/,
			why: 'no number'
		},
		{
			path: 'identityPoolId',
			value: hex,
			field: 'identityPoolId',
			problem: /must look like "eu-west-1:12345678-/,
			why: 'GUID without the Region'
		},
		{
			path: 'identityPoolId',
			value: `eu-west-1:${hex.toUpperCase()}X`,
			field: 'identityPoolId',
			problem: /must look like/,
			why: 'not lower-case hex'
		},
		{ path: 'auth', value: undefined, field: 'auth', problem: /must be an object/, why: 'missing' },
		{ path: 'auth', value: [], field: 'auth', problem: /must be an object/, why: 'a list' },
		{
			path: 'auth.scopes',
			value: 'openid email',
			field: 'auth.scopes',
			problem: /list of scope names, e\.g\. \["openid", "email"\]/,
			why: 'one string instead of a list'
		},
		{
			path: 'auth.scopes',
			value: ['openid', ''],
			field: 'auth.scopes',
			problem: /list of scope names/,
			why: 'an empty scope'
		},
		{
			path: 'auth.scopes',
			value: ['email'],
			field: 'auth.scopes',
			problem: /must include "openid" \(the ID token comes with it\)/,
			why: 'no openid, so no ID token'
		},
		{
			path: 'auth.issuer',
			value: 'cognito-idp.eu-west-1.amazonaws.com/pool',
			field: 'auth.issuer',
			problem: /must be an absolute URL, got "cognito-idp/,
			why: 'no scheme'
		},
		{
			path: 'auth.issuer',
			value: ' https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
			field: 'auth.issuer',
			problem: /absolute URL with no spaces/,
			why: 'a stray space would end up in the logins key'
		},
		{
			path: 'auth.domain',
			value: 'http://example-ops.auth.eu-west-1.amazoncognito.com',
			field: 'auth.domain',
			problem: /must use https:\/\/ \(http:\/\/ is allowed only for localhost\), got "http:/,
			why: 'plain http off loopback'
		},
		{
			path: 'auth.domain',
			value: 'http://localhost.evil.example',
			field: 'auth.domain',
			problem: /must use https:\/\//,
			why: 'a host that only starts with localhost'
		},
		{
			path: 'auth.domain',
			value: 'ftp://localhost/',
			field: 'auth.domain',
			problem: /must use https:\/\//,
			why: 'another scheme'
		},
		{
			path: 'auth.clientId',
			value: 'client-id',
			field: 'auth.clientId',
			problem: /app client ID \(letters and digits\)/,
			why: 'a hyphen'
		},
		{
			path: 'auth.clientId',
			value: undefined,
			field: 'auth.clientId',
			problem: /non-empty string/,
			why: 'missing'
		},
		{
			path: 'auth.redirectPath',
			value: 'auth/callback',
			field: 'auth.redirectPath',
			problem: /absolute path starting with "\/", e\.g\. "\/_console\/auth\/callback"/,
			why: 'relative'
		},
		{
			path: 'auth.redirectPath',
			value: 'https://www.example.com/_console/auth/callback',
			field: 'auth.redirectPath',
			problem: /absolute path starting with "\/"/,
			why: 'a URL: it is joined with the origin'
		},
		{
			path: 'auth.redirectPath',
			value: '/cb?x=1',
			field: 'auth.redirectPath',
			problem: /absolute path/,
			why: 'a query string'
		},
		{
			path: 'auth.logoutPath',
			value: '/_console/#out',
			field: 'auth.logoutPath',
			problem: /absolute path/,
			why: 'a fragment'
		},
		{
			path: 'auth.logoutPath',
			value: '',
			field: 'auth.logoutPath',
			problem: /non-empty string/,
			why: 'empty'
		},
		{
			path: 'auth.identityProvider',
			value: 7,
			field: 'auth.identityProvider',
			problem: /non-empty string/,
			why: 'not text'
		},
		{
			path: 'endpoints',
			value: 'x',
			field: 'endpoints',
			problem: /must be an object/,
			why: 'text'
		},
		{
			path: 'endpoints.cloudfront',
			value: 'http://cloudfront.example.com',
			field: 'endpoints.cloudfront',
			problem: /must use https:\/\//,
			why: 'plain http to a real host'
		},
		{
			path: 'endpoints.cognitoIdentity',
			value: 'localhost:4566',
			field: 'endpoints.cognitoIdentity',
			problem: /must (be an absolute URL|use https:\/\/)/,
			why: 'no scheme'
		},
		{
			path: 'distributions',
			value: { id: 'E1ABCDEF' },
			field: 'distributions',
			problem: /list of \{ "id", "label" \}/,
			why: 'one object, not a list'
		},
		{
			path: 'distributions',
			value: ['E1ABCDEF'],
			field: 'distributions[0]',
			problem: /must be an object/,
			why: 'a bare ID'
		},
		{
			path: 'distributions',
			value: [{ id: 'E1ABCDEF' }, { id: 'e1abcdef' }],
			field: 'distributions[1].id',
			problem: /distribution ID such as "E1ABCDEF"/,
			why: 'lower-case ID, and the index says which entry'
		},
		{
			path: 'distributions',
			value: [{ id: 'E1ABCDEF', label: '' }],
			field: 'distributions[0].label',
			problem: /non-empty string/,
			why: 'empty label'
		},
		{ path: 'pricing', value: [], field: 'pricing', problem: /must be an object/, why: 'a list' },
		{
			path: 'pricing.freePathsPerMonth',
			value: -1,
			field: 'pricing.freePathsPerMonth',
			problem: /number of zero or more/,
			why: 'negative'
		},
		{
			path: 'pricing.pricePerPathUsd',
			value: '0.005',
			field: 'pricing.pricePerPathUsd',
			problem: /number of zero or more/,
			why: 'a string'
		},
		{
			path: 'pricing.pricePerPathUsd',
			value: null,
			field: 'pricing.pricePerPathUsd',
			problem: /number of zero or more/,
			why: 'null'
		},
		{
			path: 'pricing.freePathsPerMonth',
			value: 999.5,
			field: 'pricing.freePathsPerMonth',
			problem: /whole number/,
			why: 'half a path'
		},
		{
			path: 'pricing.confirmAboveUsd',
			value: -1,
			field: 'pricing.confirmAboveUsd',
			problem: /number of zero or more/,
			why: 'a negative threshold'
		},
		{
			path: 'pricing.perDistribution',
			value: [],
			field: 'pricing.perDistribution',
			problem: /must be an object/,
			why: 'a list instead of a map by ID'
		},
		{
			path: 'pricing.perDistribution',
			value: { e1lower: { plan: 'flat-rate' } },
			field: 'pricing.perDistribution.e1lower',
			problem: /distribution ID/,
			why: 'a key that is not a distribution ID'
		},
		{
			path: 'pricing.perDistribution',
			value: { E1ABCDEF: 'flat-rate' },
			field: 'pricing.perDistribution.E1ABCDEF',
			problem: /must be an object/,
			why: 'a bare string'
		},
		{
			path: 'pricing.perDistribution',
			value: { E1ABCDEF: { plan: 'free' } },
			field: 'pricing.perDistribution.E1ABCDEF.plan',
			problem: /"per-path" or "flat-rate"/,
			why: 'an unknown plan'
		},
		{
			path: 'pricing.perDistribution',
			value: { E1ABCDEF: { plan: 'per-path' } },
			field: 'pricing.perDistribution.E1ABCDEF.pricePerPathUsd',
			problem: /is required/,
			why: 'a per-path override without its price'
		},
		{
			path: 'pricing.perDistribution',
			value: { E1ABCDEF: { plan: 'flat-rate', pricePerPathUsd: 0.005 } },
			field: 'pricing.perDistribution.E1ABCDEF.pricePerPathUsd',
			problem: /cannot be set/,
			why: 'a price on a flat-rate plan is contradictory'
		},
		{
			path: 'pricing.perDistribution',
			value: { E1ABCDEF: { pricePerPathUsd: -0.005 } },
			field: 'pricing.perDistribution.E1ABCDEF.pricePerPathUsd',
			problem: /number of zero or more/,
			why: 'a negative override'
		}
	])('$field ← $value: $why', ({ path, value, field, problem }) => {
		const error = errorFrom(withField(path, value));
		expect(error.field).toBe(field);
		expect(error.problem).toMatch(problem);
		expect(error.message).toBe(`${field}: ${error.problem}`);
		expect(error.name).toBe('ConfigError');
	});

	it.each([
		{ raw: null, why: 'null' },
		{ raw: [], why: 'a list' },
		{ raw: 'config', why: 'text' }
	])('names config.json itself when the file is not an object: $why', ({ raw }) => {
		const error = errorFrom(raw);
		expect(error.message).toBe('config.json: must be an object');
	});

	it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses a price of %s', (price) => {
		expect(errorFrom(withField('pricing.pricePerPathUsd', price)).field).toBe(
			'pricing.pricePerPathUsd'
		);
	});

	it('only ever throws a ConfigError, on any JSON', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (raw) => {
				try {
					parseConfig(raw);
				} catch (e) {
					expect(e).toBeInstanceOf(ConfigError);
					expect((e as ConfigError).field).not.toBe('');
				}
			})
		);
	});

	it('only ever throws a ConfigError when any one field of a good file is replaced', () => {
		const paths = [
			'version',
			'region',
			'identityPoolId',
			'auth',
			'auth.issuer',
			'auth.domain',
			'auth.clientId',
			'auth.scopes',
			'auth.redirectPath',
			'auth.logoutPath',
			'auth.identityProvider',
			'endpoints',
			'endpoints.cloudfront',
			'distributions',
			'pricing',
			'pricing.freePathsPerMonth',
			'pricing.confirmAboveUsd',
			'pricing.perDistribution'
		];
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
				try {
					const config = parseConfig(withField(path, value));
					// Whatever is accepted is normalised: reading it again changes nothing.
					expect(parseConfig(config)).toEqual(config);
				} catch (e) {
					expect(e).toBeInstanceOf(ConfigError);
					expect((e as ConfigError).field).toMatch(new RegExp(`^${path.split('.')[0]}`));
				}
			})
		);
	});
});

describe('isLoopbackHost', () => {
	it.each([
		['localhost', true, 'the usual name'],
		['127.0.0.1', true, 'IPv4 loopback'],
		['127.1.2.3', true, 'all of 127/8 is loopback'],
		['[::1]', true, 'IPv6 loopback as URL.hostname gives it'],
		['::1', false, 'URL.hostname always brackets IPv6'],
		['localhost.evil.example', false, 'a name that only starts with localhost'],
		['127.0.0.1.nip.io', false, 'a name that only starts with 127.'],
		['128.0.0.1', false, 'not loopback'],
		['example.com', false, 'a real host'],
		['', false, 'empty']
	] as const)('isLoopbackHost(%s) = %s: %s', (hostname, expected, why) => {
		expect(isLoopbackHost(hostname), why).toBe(expected);
	});

	it('agrees with URL parsing, so http://localhost:port passes and look-alikes do not', () => {
		expect(isLoopbackHost(new URL('http://localhost:4566/').hostname)).toBe(true);
		expect(isLoopbackHost(new URL('http://[::1]:4566/').hostname)).toBe(true);
		expect(isLoopbackHost(new URL('http://127.0.0.1@evil.example/').hostname)).toBe(false);
	});
});

describe('loginsKey', () => {
	it.each([
		{
			issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
			expected: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
			why: 'the issuer without https://'
		},
		{
			issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/',
			expected: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
			why: 'no trailing slash either'
		},
		{
			issuer: 'http://localhost:9000/local_pool',
			expected: 'localhost:9000/local_pool',
			why: 'the local stack on plain http'
		}
	])('$issuer → $expected: $why', ({ issuer, expected }) => {
		expect(loginsKey(parseConfig(withField('auth.issuer', issuer)))).toBe(expected);
	});
});
