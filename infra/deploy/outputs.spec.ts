import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConsoleConfig, describeConfigError } from '../rules/console-config';
import { configFromOutputs, readOutputs } from './outputs';

const sampleText = readFileSync(new URL('./sample-outputs.json', import.meta.url), 'utf8');
const sample = readOutputs(sampleText);

describe('stack outputs', () => {
	it('reads the describe-stacks forms', () => {
		const list = JSON.parse(sampleText) as { OutputKey: string; OutputValue: string }[];
		const map = Object.fromEntries(list.map((o) => [o.OutputKey, o.OutputValue]));
		expect(readOutputs(JSON.stringify({ Stacks: [{ Outputs: list }] }))).toEqual(sample);
		expect(readOutputs(JSON.stringify(map))).toEqual(sample);
		expect(sample.BucketName).toBe('cloudfrontpurgeconsole-consolebucket-1a2b3c4d5e6f');
	});

	it.each([
		['not json', /is not JSON/],
		['[]', /has no BasePath, BucketName, ConsoleConfig, DistributionIdList/],
		['{"BucketName":"b","BasePath":"/_console"}', /has no ConsoleConfig, DistributionIdList/]
	])('explains a wrong file: %s', (text, message) => {
		expect(() => readOutputs(text)).toThrow(message);
	});

	it('makes a config.json that passes the deploy-time check, with labelled distributions', () => {
		const config = checkConsoleConfig(
			configFromOutputs(sample, ['E1ABCDEF=www (production)']),
			sample.BasePath
		);
		expect(config.distributions).toEqual([
			{ id: 'E1ABCDEF', label: 'www (production)' },
			{ id: 'E2GHIJKL', label: 'E2GHIJKL' }
		]);
		expect(config.auth.domain).toBe('https://example-ops.auth.eu-west-1.amazoncognito.com');
	});

	it('names a federated identity provider to skip Cognito’s chooser', () => {
		const config = checkConsoleConfig(configFromOutputs(sample, [], 'Okta'), sample.BasePath);
		expect(config.auth.identityProvider).toBe('Okta');
		expect(checkConsoleConfig(configFromOutputs(sample), '/_console').auth.identityProvider).toBe(
			null
		);
	});

	it.each([
		['E1ABCDEF', /must look like E1ABCDEF="www \(production\)"/],
		['E9NOPE=x', /not one of the stack's DistributionIds \(E1ABCDEF, E2GHIJKL\)/]
	])('explains a wrong --label %s', (label, message) => {
		expect(() => configFromOutputs(sample, [label])).toThrow(message);
	});
});

describe('deploy-time config.json check', () => {
	const valid = configFromOutputs(sample) as { auth: Record<string, unknown> };
	const withAuth = (auth: Record<string, unknown>) => ({
		...valid,
		auth: { ...valid.auth, ...auth }
	});
	const problem = (raw: unknown, base = '/_console') => {
		try {
			checkConsoleConfig(raw, base);
			return 'accepted';
		} catch (error) {
			return describeConfigError(error);
		}
	};

	it.each([
		[
			withAuth({ redirectPath: '/auth/callback' }),
			'auth.redirectPath must be a path under the console\'s base path "/_console/"'
		],
		[withAuth({ logoutPath: '/' }), 'auth.logoutPath must be a path under'],
		[
			withAuth({ domain: 'http://example-ops.auth.eu-west-1.amazoncognito.com' }),
			'auth.domain must use https://'
		],
		[{ ...valid, region: 'moon-1' }, 'region must be an AWS Region']
	])('refuses %#: %s', (raw, message) => {
		expect(problem(raw)).toContain(message);
	});

	it('accepts the stack’s own config under its base path only', () => {
		expect(problem(valid)).toBe('accepted');
		expect(problem(valid, '/ops')).toContain('auth.redirectPath must be a path under');
	});
});
