// The console's sign-in module against the local stack's real Cognito stand-in (over HTTP), so
// the code flow, PKCE, nonce, state and token checks are exercised end to end in Node.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStack } from '../../../local-stack/server';
import { parseConfig, type Config } from '$lib/config';
import {
	authorizationUrl,
	describeSignInError,
	isRefreshRefused,
	exchangeCode,
	refreshTokens,
	revoke,
	IdTokenSignatureError,
	type PendingSignIn
} from './oidc';

const ORIGIN = 'http://localhost:4173';
let stack: Awaited<ReturnType<typeof startStack>>;
let config: Config;

beforeAll(async () => {
	stack = await startStack({ ports: { auth: 0, identity: 0, cloudfront: 0 }, seedCount: 0 });
	config = parseConfig(configJson(), '/_console');
});

const configJson = () => ({
	region: 'us-east-1',
	identityPoolId: 'us-east-1:4b0c3d6e-1f2a-4c5b-8d9e-0a1b2c3d4e5f',
	auth: {
		issuer: stack.urls.issuer,
		domain: stack.urls.auth,
		clientId: 'localconsoleclient0000000001'
	},
	endpoints: { cloudfront: stack.urls.cloudfront, cognitoIdentity: stack.urls.identity }
});
afterAll(() => stack.close());

/** Cognito's managed login, as the browser would go through it: returns the callback URL. */
async function logIn(authorize: URL, email: string): Promise<URL> {
	const page = await fetch(authorize);
	const html = await page.text();
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
	if (!action) throw new Error('no sign-in form');
	const posted = await fetch(new URL(action, authorize), {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: email, password: 'demo-password' })
	});
	return new URL(posted.headers.get('location') ?? '');
}

async function signedIn(email: string) {
	const { url, pending } = await authorizationUrl(config, ORIGIN, '/_console/d/E1LOCALWWW0001');
	return { callback: await logIn(url, email), pending };
}

describe('sign-in against the Cognito stand-in', () => {
	it('sends PKCE S256, state, nonce and the base-aware redirect URI', async () => {
		const { url, pending } = await authorizationUrl(config, ORIGIN, '/_console/');
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('state')).toBe(pending.state);
		expect(url.searchParams.get('nonce')).toBe(pending.nonce);
		expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/_console/auth/callback`);
		expect(url.searchParams.get('code_challenge')).not.toBe(pending.verifier);
	});

	it('completes the code flow and reads who signed in', async () => {
		const { callback, pending } = await signedIn('alice@example.com');
		const tokens = await exchangeCode(config, callback, pending);
		expect(tokens.identity).toMatchObject({
			email: 'alice@example.com',
			role: 'operator',
			iamRole: 'arn:aws:iam::111122223333:role/console-web-operator'
		});
		expect(tokens.refreshToken).toBeTruthy();
	});

	it.each<[string, (p: PendingSignIn) => PendingSignIn]>([
		['a different nonce', (p) => ({ ...p, nonce: 'not-the-nonce' })],
		['a different state', (p) => ({ ...p, state: 'not-the-state' })],
		['a different PKCE verifier', (p) => ({ ...p, verifier: 'x'.repeat(43) })]
	])('refuses a callback with %s', async (_why, tamper) => {
		const { callback, pending } = await signedIn('alice@example.com');
		await expect(exchangeCode(config, callback, tamper(pending))).rejects.toThrow();
	});

	it('refuses a code used twice, with a message a person understands', async () => {
		const { callback, pending } = await signedIn('vera@example.com');
		await exchangeCode(config, callback, pending);
		const replay = await exchangeCode(config, callback, pending).catch((e: unknown) => e);
		expect(describeSignInError(replay)).toMatch(/used already or expired/);
	});

	it('refreshes, and refuses to once the refresh token is revoked', async () => {
		const { callback, pending } = await signedIn('alice@example.com');
		const tokens = await exchangeCode(config, callback, pending);
		const refreshed = await refreshTokens(config, tokens.refreshToken!);
		expect(refreshed.identity.email).toBe('alice@example.com');
		expect(refreshed.refreshToken).toBe(tokens.refreshToken); // no rotation: the old one is kept
		await revoke(config, tokens.refreshToken!);
		const refused = await refreshTokens(config, tokens.refreshToken!).catch((e: unknown) => e);
		expect(isRefreshRefused(refused)).toBe(true);
	});
});

describe('the ID token signature check', () => {
	const forgeNext = (operation: 'AuthorizationCode' | 'RefreshToken') =>
		fetch(`${stack.urls.control}/faults`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ kind: 'foreign-signing-key', operation })
		});

	it('refuses a sign-in whose ID token is signed with a key not in the pool’s JWKS', async () => {
		const { callback, pending } = await signedIn('alice@example.com');
		await forgeNext('AuthorizationCode');
		const refused = await exchangeCode(config, callback, pending).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(IdTokenSignatureError);
		// The claims were all right: only the signature betrays the forgery.
		expect(describeSignInError(refused)).toMatch(
			new RegExp(
				`signature could not be verified .* at ${stack.urls.issuer}/\\.well-known/jwks\\.json`
			)
		);
	});

	it('refuses a refresh whose ID token is forged, as a refusal (sign in again)', async () => {
		const { callback, pending } = await signedIn('alice@example.com');
		const tokens = await exchangeCode(config, callback, pending);
		await forgeNext('RefreshToken');
		const refused = await refreshTokens(config, tokens.refreshToken!).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(IdTokenSignatureError);
		expect(isRefreshRefused(refused)).toBe(true);
		// The fault fired once: the next refresh is signed by the pool again.
		await expect(refreshTokens(config, tokens.refreshToken!)).resolves.toBeTruthy();
	});

	it('fetches the JWKS once for many sign-ins with one config (the key cache works)', async () => {
		const fresh = parseConfig(JSON.parse(JSON.stringify(configJson())), '/_console');
		const spy = vi.spyOn(globalThis, 'fetch');
		try {
			for (let i = 0; i < 3; i++) {
				const { url, pending } = await authorizationUrl(fresh, ORIGIN, '/_console/');
				await exchangeCode(fresh, await logIn(url, 'vera@example.com'), pending);
			}
			const jwks = spy.mock.calls.filter(([u]) => String(u).endsWith('/.well-known/jwks.json'));
			expect(jwks).toHaveLength(1);
		} finally {
			spy.mockRestore();
		}
	});
});

describe('isRefreshRefused', () => {
	it('is false for a network failure, which a retry may fix', async () => {
		const unreachable = parseConfig({
			region: 'us-east-1',
			identityPoolId: 'us-east-1:4b0c3d6e-1f2a-4c5b-8d9e-0a1b2c3d4e5f',
			auth: { issuer: stack.urls.issuer, domain: 'http://127.0.0.1:9', clientId: 'x1' }
		});
		const failure = await refreshTokens(unreachable, 'any').catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(Error);
		expect(isRefreshRefused(failure)).toBe(false);
	});
});
