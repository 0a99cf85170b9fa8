// The CloudFront module against the local stack (real SDK, SigV4, identity pool) in Node: when
// credentials die early (revoked or expired before their stated expiry), one retry with fresh
// credentials, and still one invalidation per CallerReference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_POOL_ID } from '../../../local-stack/constants';
import type { RunningStack } from '../../../local-stack/server';
import {
	control,
	controlInvalidations,
	signIn,
	startTestStack
} from '../../../local-stack/test-support';
import { parseConfig, type Config } from '$lib/config';
import { createCloudFrontApi } from './cloudfront';

const DIST = 'E1LOCALWWW0001';
let stack: RunningStack;
let config: Config;
let idTokenCalls = 0;
let idToken = '';

beforeAll(async () => {
	stack = await startTestStack({ seedCount: 0 });
	config = parseConfig({
		region: 'us-east-1',
		identityPoolId: IDENTITY_POOL_ID,
		auth: {
			issuer: stack.urls.issuer,
			domain: stack.urls.auth,
			clientId: 'localconsoleclient0000000001'
		},
		endpoints: { cloudfront: stack.urls.cloudfront, cognitoIdentity: stack.urls.identity }
	});
	idToken = (await signIn(stack, 'alice@example.com')).idToken;
});
afterAll(() => stack.close());

const api = () =>
	createCloudFrontApi(config, 'alice@example.com', async () => {
		idTokenCalls += 1;
		return idToken;
	});

describe('createCloudFrontApi after credentials expired early', () => {
	it('gets new credentials and answers a read', async () => {
		const cloudFront = api();
		await cloudFront.getDistribution(DIST);
		const before = idTokenCalls;
		await control(stack, 'POST', '/faults', { kind: 'expire-credentials' });
		const distribution = await cloudFront.getDistribution(DIST);
		expect(distribution.id).toBe(DIST);
		// The retry fetched credentials again, with the ID token.
		expect(idTokenCalls).toBeGreaterThan(before);
	});

	it('sends a purge once: the refused attempt created nothing, the retry one invalidation', async () => {
		const cloudFront = api();
		await cloudFront.listInvalidations(DIST, 1);
		await control(stack, 'POST', '/faults', { kind: 'expire-credentials' });
		const ref = `expired-retry-${idTokenCalls}`;
		const sent = await cloudFront.createInvalidation(DIST, ref, ['/expired.html']);
		expect(sent.callerReference).toBe(ref);
		const made = (await controlInvalidations(stack, DIST)).filter((i) => i.callerReference === ref);
		expect(made).toHaveLength(1);
		expect(made[0].id).toBe(sent.id);
	});
});
