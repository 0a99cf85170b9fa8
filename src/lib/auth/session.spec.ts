// The Session's refresh rules against the local stack's Cognito stand-in, on a fake clock: only
// Date is faked, so the stack (same process) mints tokens on the same clock and real sockets work.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStack } from '../../../local-stack/server';
import { parseConfig, type Config } from '$lib/config';
import { ReauthRequired } from '$lib/errors';
import { authorizationUrl } from './oidc';
import { Session } from './session.svelte';

const ORIGIN = 'http://localhost:4173';
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const TTL_S = 3600;
const MINUTE = 60_000;

let stack: Awaited<ReturnType<typeof startStack>>;
let config: Config;

beforeAll(async () => {
	stack = await startStack({ ports: { auth: 0, identity: 0, cloudfront: 0 }, seedCount: 0 });
	config = parseConfig(
		{
			region: 'us-east-1',
			identityPoolId: 'us-east-1:4b0c3d6e-1f2a-4c5b-8d9e-0a1b2c3d4e5f',
			auth: {
				issuer: stack.urls.issuer,
				domain: stack.urls.auth,
				clientId: 'localconsoleclient0000000001'
			}
		},
		'/_console'
	);
});
afterAll(() => stack.close());

// The browser's sessionStorage, which Node lacks: the Session keeps the PKCE state there.
beforeEach(() => {
	const data = new Map<string, string>();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k)
	});
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(T0);
});
afterEach(async () => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
	await fetch(`${stack.urls.control}/faults`, { method: 'DELETE' });
});

const fault = (kind: string) =>
	fetch(`${stack.urls.control}/faults`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ kind, operation: 'RefreshToken' })
	});

/** Through managed login as a browser would; returns a signed-in Session (token issued at T0). */
async function signedIn(): Promise<Session> {
	const session = new Session(config);
	const { url, pending } = await authorizationUrl(config, ORIGIN, '/_console/');
	sessionStorage.setItem('purge-console:pending-sign-in', JSON.stringify(pending));
	const html = await (await fetch(url)).text();
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
	const posted = await fetch(new URL(action ?? '', url), {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'alice@example.com', password: 'demo-password' })
	});
	await session.completeSignIn(new URL(posted.headers.get('location') ?? ''));
	return session;
}

describe('Session.freshIdToken: the refresh margin', () => {
	it.each([
		{ left: 30 * MINUTE, refreshed: false, why: 'plenty left: the token as it is' },
		{ left: 5 * MINUTE + 1000, refreshed: false, why: 'just over five minutes left' },
		{ left: 5 * MINUTE, refreshed: true, why: 'five minutes left: refreshed first' },
		{ left: MINUTE, refreshed: true, why: 'one minute left' },
		{ left: -MINUTE, refreshed: true, why: 'already expired' }
	])('$why', async ({ left, refreshed }) => {
		const session = await signedIn();
		const first = await session.freshIdToken();
		vi.setSystemTime(T0 + TTL_S * 1000 - left);
		const next = await session.freshIdToken();
		expect(next === first).toBe(!refreshed);
		expect(session.identity?.expiresAt).toBe(
			refreshed ? T0 + TTL_S * 1000 - left + TTL_S * 1000 : T0 + TTL_S * 1000
		);
	});

	it('refreshes once for callers that ask at the same time', async () => {
		const session = await signedIn();
		vi.setSystemTime(T0 + TTL_S * 1000 - MINUTE);
		const [a, b, c] = await Promise.all([1, 2, 3].map(() => session.freshIdToken()));
		expect(new Set([a, b, c]).size).toBe(1);
	});
});

describe('Session.freshIdToken: a network error is not a refused sign-in', () => {
	it('a dropped refresh fails for now, keeps the session, and the next call succeeds', async () => {
		const session = await signedIn();
		vi.setSystemTime(T0 + TTL_S * 1000 - MINUTE);
		await fault('drop-response');
		const failure = await session.freshIdToken().catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(Error);
		expect(failure).not.toBeInstanceOf(ReauthRequired);
		expect(session.isExpired).toBe(false);
		await expect(session.freshIdToken()).resolves.toMatch(/^ey/);
		expect(session.identity?.email).toBe('alice@example.com');
	});

	it.each([
		{ kind: 'fail-refresh', why: 'Cognito answers invalid_grant (revoked or expired)' },
		{ kind: 'foreign-signing-key', why: 'the new ID token is not signed by the pool' }
	])('refused when $why: sign in again', async ({ kind }) => {
		const session = await signedIn();
		vi.setSystemTime(T0 + TTL_S * 1000 - MINUTE);
		await fault(kind);
		await expect(session.freshIdToken()).rejects.toBeInstanceOf(ReauthRequired);
		expect(session.isExpired).toBe(true);
	});

	it('is refused when nobody is signed in', async () => {
		await expect(new Session(config).freshIdToken()).rejects.toBeInstanceOf(ReauthRequired);
	});
});
