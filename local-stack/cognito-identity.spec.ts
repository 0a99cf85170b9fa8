import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_POOL_ID } from './constants';
import type { RunningStack } from './server';
import { control, identityCredentials, mintIdToken, signIn, startTestStack } from './test-support';

let stack: RunningStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('GetId + GetCredentialsForIdentity through fromCognitoIdentityPool', () => {
	it('issues role-bound temporary credentials with a numeric expiration', async () => {
		const { idToken } = await signIn(stack, 'alice@example.com');
		const creds = await identityCredentials(stack, idToken)();
		expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(creds.secretAccessKey).toBeTruthy();
		expect(creds.sessionToken).toBeTruthy();
		expect(creds.expiration?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
		expect(creds.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
	});

	it('keeps the IdentityId stable per user across sign-ins', async () => {
		const a = await identityCredentials(stack, (await signIn(stack, 'bob@example.com')).idToken)();
		const b = await identityCredentials(stack, (await signIn(stack, 'bob@example.com')).idToken)();
		const c = await identityCredentials(stack, (await signIn(stack, 'vera@example.com')).idToken)();
		expect(a.identityId).toBe(b.identityId);
		expect(c.identityId).not.toBe(a.identityId);
	});

	it('denies a user in no group: ambiguous role mapping, Deny', async () => {
		const { idToken } = await signIn(stack, 'nora@example.com');
		await expect(identityCredentials(stack, idToken)()).rejects.toMatchObject({
			name: 'NotAuthorizedException',
			message: expect.stringMatching(
				/^The ambiguous role mapping rules for: .* denied this request\.$/
			),
			$metadata: { httpStatusCode: 400 }
		});
	});

	it.each([
		[
			'expired beyond the 5-minute grace',
			{ exp: nowSeconds() - 400 },
			/^Invalid login token\. Token expired: \d+ >= \d+$/
		],
		[
			'for another app client',
			{ aud: 'someotherclient000000000001' },
			/^Token is not from a supported provider of this identity pool\.$/
		],
		[
			'from another issuer',
			{ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' },
			/^Invalid login token\. Issuer doesn't match providerName$/
		]
	])('rejects a token %s with NotAuthorizedException', async (_why, claims, message) => {
		const token = await mintIdToken(stack, 'alice@example.com', claims);
		await expect(identityCredentials(stack, token)()).rejects.toMatchObject({
			name: 'NotAuthorizedException',
			message: expect.stringMatching(message),
			$metadata: { httpStatusCode: 400 }
		});
	});

	it('rejects an access token passed instead of the ID token', async () => {
		const { tokens } = await signIn(stack, 'alice@example.com');
		await expect(identityCredentials(stack, tokens.access_token)()).rejects.toMatchObject({
			name: 'NotAuthorizedException',
			message: 'Invalid login token. Missing a required claim: aud'
		});
	});

	it('accepts a token that expired less than 5 minutes ago (grace)', async () => {
		const token = await mintIdToken(stack, 'alice@example.com', { exp: nowSeconds() - 60 });
		await expect(identityCredentials(stack, token)()).resolves.toHaveProperty('accessKeyId');
	});

	it('rejects a token with a forged signature', async () => {
		const { idToken } = await signIn(stack, 'vera@example.com');
		const [h, p, s] = idToken.split('.');
		const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<
			string,
			unknown
		>;
		claims['cognito:preferred_role'] = 'arn:aws:iam::111122223333:role/console-web-operator';
		const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
		await expect(identityCredentials(stack, forged)()).rejects.toMatchObject({
			name: 'NotAuthorizedException',
			message: "Invalid login token. Couldn't verify signed token."
		});
	});

	it('answers errors in the awsJson 1.1 form with CORS headers', async () => {
		const res = await fetch(stack.urls.identity, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': 'AWSCognitoIdentityService.GetId'
			},
			body: JSON.stringify({
				IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
				Logins: {}
			})
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException:');
		expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(await res.json()).toEqual({
			__type: 'ResourceNotFoundException',
			message: "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found."
		});
	});

	it('rejects a call without logins: unauthenticated identities are off', async () => {
		const res = await fetch(stack.urls.identity, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': 'AWSCognitoIdentityService.GetId'
			},
			body: JSON.stringify({ IdentityPoolId: IDENTITY_POOL_ID })
		});
		expect(await res.json()).toEqual({
			__type: 'NotAuthorizedException',
			message: 'Unauthenticated access is not supported for this identity pool.'
		});
	});

	it('retries an identity-error fault (500 InternalErrorException) to success', async () => {
		const { idToken } = await signIn(stack, 'alice@example.com');
		await control(stack, 'POST', '/faults', {
			kind: 'identity-error',
			operation: 'GetCredentialsForIdentity',
			count: 1
		});
		await expect(identityCredentials(stack, idToken)()).resolves.toHaveProperty('accessKeyId');
		await control(stack, 'POST', '/faults', { kind: 'identity-error', count: 3 });
		await expect(identityCredentials(stack, idToken)()).rejects.toMatchObject({
			name: 'InternalErrorException',
			$metadata: { httpStatusCode: 500 }
		});
	});
});
