import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID } from './constants';
import type { RunningStack } from './server';
import {
	authorizeUrl,
	authServer,
	client,
	control,
	insecure,
	postLogin,
	REDIRECT_URI,
	signIn,
	startTestStack
} from './test-support';

let stack: RunningStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack.close());

const tokenRequest = (body: Record<string, string>) =>
	fetch(authServer(stack).token_endpoint ?? '', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(body)
	});

describe('managed login page', () => {
	it('renders an accessible sign-in form and one button per demo user', async () => {
		const { url } = await authorizeUrl(stack);
		const res = await fetch(url);
		const html = await res.text();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(html).toContain('<title>Sign in</title>');
		expect(html).toMatch(/<label for="username">Username<\/label>\s*<input id="username"/);
		expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password"/);
		expect(html).toContain('<button type="submit">Sign in</button>');
		for (const email of [
			'alice@example.com',
			'bob@example.com',
			'vera@example.com',
			'nora@example.com'
		])
			expect(html).toContain(`<button type="submit">Sign in as ${email}</button>`);
	});

	it('re-renders with an error on a wrong password, escaping what was typed', async () => {
		const { url } = await authorizeUrl(stack);
		const html = await (await fetch(url)).text();
		const res = await postLogin(url, html, '<script>alert(1)</script>', 'nope');
		const page = await res.text();
		expect(res.status).toBe(200);
		expect(page).toContain('role="alert"');
		expect(page).toContain('Incorrect username or password.');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).not.toContain('<script>');
	});

	it('shows an error page and does not redirect for an unknown client or redirect URI', async () => {
		const wrong: Record<string, string>[] = [
			{ client_id: 'someoneelse' },
			{ redirect_uri: 'https://evil.test/cb' }
		];
		for (const extra of wrong) {
			const { url } = await authorizeUrl(stack, extra);
			const res = await fetch(url, { redirect: 'manual' });
			expect(res.status).toBe(400);
			expect(res.headers.get('location')).toBeNull();
			expect(await res.text()).toContain('An error was encountered with the requested page.');
		}
	});

	it('reports a missing PKCE challenge to the redirect URI, keeping state', async () => {
		const { url, state } = await authorizeUrl(stack);
		url.searchParams.delete('code_challenge');
		const res = await fetch(url, { redirect: 'manual' });
		const location = new URL(res.headers.get('location') ?? '');
		expect(res.status).toBe(302);
		expect(location.origin + location.pathname).toBe(REDIRECT_URI);
		expect(location.searchParams.get('error')).toBe('invalid_request');
		expect(location.searchParams.get('state')).toBe(state);
	});

	it('signs in silently on a second authorize while the session cookie lives; /logout ends it', async () => {
		const { cookie } = await signIn(stack, 'alice@example.com');
		const second = await authorizeUrl(stack);
		const silent = await fetch(second.url, { redirect: 'manual', headers: { cookie } });
		const location = new URL(silent.headers.get('location') ?? '');
		expect(silent.status).toBe(302);
		expect(location.searchParams.get('code')).toBeTruthy();
		expect(location.searchParams.get('state')).toBe(second.state);

		const logoutUri = 'http://localhost:5173/';
		const logout = await fetch(
			`${stack.urls.auth}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(logoutUri)}`,
			{ redirect: 'manual', headers: { cookie } }
		);
		expect(logout.status).toBe(302);
		expect(logout.headers.get('location')).toBe(logoutUri);
		expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
		const third = await fetch((await authorizeUrl(stack)).url, {
			redirect: 'manual',
			headers: { cookie }
		});
		expect(third.status).toBe(200); // the sign-in page again
	});

	it('refuses a logout_uri that is not registered', async () => {
		const res = await fetch(
			`${stack.urls.auth}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent('https://evil.test/')}`,
			{ redirect: 'manual' }
		);
		expect(res.status).toBe(400);
		expect(res.headers.get('location')).toBeNull();
	});
});

describe('token endpoint', () => {
	it('issues Cognito-shaped tokens verifiable with the JWKS', async () => {
		const { tokens, claims, idToken } = await signIn(stack, 'alice@example.com');
		expect(tokens.token_type).toBe('bearer');
		expect(tokens.expires_in).toBe(3600);
		expect(claims).toMatchObject({
			iss: stack.urls.issuer,
			aud: CLIENT_ID,
			token_use: 'id',
			email: 'alice@example.com',
			email_verified: true,
			'cognito:groups': ['operators', 'web-team'],
			'cognito:preferred_role': 'arn:aws:iam::111122223333:role/console-web-operator',
			'cognito:roles': ['arn:aws:iam::111122223333:role/console-web-operator']
		});
		expect(claims.sub).toBe(claims['cognito:username']);
		const jwks = createRemoteJWKSet(new URL(`${stack.urls.issuer}/.well-known/jwks.json`));
		const { protectedHeader } = await jwtVerify(idToken, jwks, {
			issuer: stack.urls.issuer,
			audience: CLIENT_ID
		});
		expect(protectedHeader.alg).toBe('RS256');
		const { payload: access } = await jwtVerify(tokens.access_token, jwks, {
			issuer: stack.urls.issuer
		});
		expect(access).toMatchObject({
			token_use: 'access',
			client_id: CLIENT_ID,
			scope: 'openid email profile'
		});
		expect(access.aud).toBeUndefined();
	});

	it('leaves group claims out for a user in no group', async () => {
		const { claims } = await signIn(stack, 'nora@example.com');
		expect(claims['cognito:groups']).toBeUndefined();
		expect(claims['cognito:preferred_role']).toBeUndefined();
	});

	it('serves a discovery document oauth4webapi accepts', async () => {
		const issuer = new URL(stack.urls.issuer);
		const as = await oauth.processDiscoveryResponse(
			issuer,
			await oauth.discoveryRequest(issuer, insecure)
		);
		expect(as.token_endpoint).toBe(`${stack.urls.auth}/oauth2/token`);
		expect(as.end_session_endpoint).toBe(`${stack.urls.auth}/logout`);
	});

	it('rejects a wrong PKCE verifier and a reused code with invalid_grant', async () => {
		const as = authServer(stack);
		const pending = await authorizeUrl(stack);
		const html = await (await fetch(pending.url)).text();
		const posted = await postLogin(pending.url, html, 'bob@example.com', 'demo-password');
		const params = oauth.validateAuthResponse(
			as,
			client,
			new URL(posted.headers.get('location') ?? ''),
			pending.state
		);
		const wrong = oauth.generateRandomCodeVerifier();
		const res = await oauth.authorizationCodeGrantRequest(
			as,
			client,
			oauth.None(),
			params,
			REDIRECT_URI,
			wrong,
			insecure
		);
		expect(res.status).toBe(400);
		await expect(oauth.processAuthorizationCodeResponse(as, client, res)).rejects.toMatchObject({
			error: 'invalid_grant'
		});
		// Single use: the right verifier cannot rescue a code that was already presented.
		const again = await tokenRequest({
			grant_type: 'authorization_code',
			client_id: CLIENT_ID,
			code: params.get('code') ?? '',
			redirect_uri: REDIRECT_URI,
			code_verifier: pending.verifier
		});
		expect(again.status).toBe(400);
		expect(await again.json()).toEqual({ error: 'invalid_grant' });
	});

	it('refreshes without a new refresh token, then fails once the refresh token is revoked', async () => {
		const as = authServer(stack);
		const { refreshToken, claims } = await signIn(stack, 'vera@example.com');
		const refreshed = await oauth.processRefreshTokenResponse(
			as,
			client,
			await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, insecure)
		);
		expect(refreshed.refresh_token).toBeUndefined();
		expect(oauth.getValidatedIdTokenClaims(refreshed)).toMatchObject({
			sub: claims.sub,
			auth_time: claims.auth_time
		});

		const userInfo = () =>
			fetch(`${stack.urls.auth}/oauth2/userInfo`, {
				headers: { authorization: `Bearer ${refreshed.access_token}` }
			});
		expect(await (await userInfo()).json()).toMatchObject({
			email: 'vera@example.com',
			sub: claims.sub
		});

		await oauth.processRevocationResponse(
			await oauth.revocationRequest(as, client, oauth.None(), refreshToken, insecure)
		);
		const after = await tokenRequest({
			grant_type: 'refresh_token',
			client_id: CLIENT_ID,
			refresh_token: refreshToken
		});
		expect(after.status).toBe(400);
		expect(await after.json()).toEqual({ error: 'invalid_grant' });
		// Access tokens issued from a revoked refresh token stop working too.
		expect((await userInfo()).status).toBe(401);
	});

	it('fails refreshes while a fail-refresh fault is armed', async () => {
		const { refreshToken } = await signIn(stack, 'alice@example.com');
		await control(stack, 'POST', '/faults', { kind: 'fail-refresh', count: 1 });
		const body = { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken };
		const first = await tokenRequest(body);
		expect([first.status, await first.json()]).toEqual([400, { error: 'invalid_grant' }]);
		expect((await tokenRequest(body)).status).toBe(200);
	});

	it('answers CORS on the token endpoint and its preflight', async () => {
		const preflight = await fetch(authServer(stack).token_endpoint ?? '', {
			method: 'OPTIONS',
			headers: {
				origin: 'http://localhost:5173',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type'
			}
		});
		expect(preflight.status).toBe(200);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
		const res = await tokenRequest({
			grant_type: 'refresh_token',
			client_id: CLIENT_ID,
			refresh_token: 'x'
		});
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
	});
});
