import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import * as oauth from 'oauth4webapi';
import { CLIENT_ID, DEMO_PASSWORD, IDENTITY_POOL_ID } from './constants';
import { startStack, type RunningStack, type StackOptions } from './server';

// Shared by the stack's specs: start a stack on ephemeral ports and drive it with the real clients.

export const REDIRECT_URI = 'http://localhost:5173/auth/callback';
export const client: oauth.Client = { client_id: CLIENT_ID, token_endpoint_auth_method: 'none' };
/** oauth4webapi refuses http: unless told; the stack is loopback only. */
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

export const startTestStack = (options: StackOptions = {}): Promise<RunningStack> =>
	startStack({
		ports: { auth: 0, identity: 0, cloudfront: 0 },
		seedCount: 30,
		completeAfterMs: 60_000,
		...options
	});

/** Built by hand from the contract, as the console does (no discovery round trip). */
export const authServer = (stack: RunningStack): oauth.AuthorizationServer => ({
	issuer: stack.urls.issuer,
	authorization_endpoint: `${stack.urls.auth}/oauth2/authorize`,
	token_endpoint: `${stack.urls.auth}/oauth2/token`,
	revocation_endpoint: `${stack.urls.auth}/oauth2/revoke`,
	end_session_endpoint: `${stack.urls.auth}/logout`,
	jwks_uri: `${stack.urls.issuer}/.well-known/jwks.json`
});

export interface PendingSignIn {
	url: URL;
	verifier: string;
	state: string;
	nonce: string;
}

export async function authorizeUrl(
	stack: RunningStack,
	extra: Record<string, string> = {}
): Promise<PendingSignIn> {
	const verifier = oauth.generateRandomCodeVerifier();
	const state = oauth.generateRandomState();
	const nonce = oauth.generateRandomNonce();
	const url = new URL(authServer(stack).authorization_endpoint ?? '');
	const params = {
		response_type: 'code',
		client_id: CLIENT_ID,
		redirect_uri: REDIRECT_URI,
		scope: 'openid email profile',
		state,
		nonce,
		code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		...extra
	};
	for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
	return { url, verifier, state, nonce };
}

/** The `action` of the sign-in form, resolved against the page URL. */
export function formAction(html: string, base: URL): URL {
	const raw = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
	if (!raw) throw new Error('no sign-in form on the page');
	return new URL(raw.replaceAll('&amp;', '&'), base);
}

/** Posts the managed-login form like a browser; returns the 302 (redirects not followed). */
export async function postLogin(
	pageUrl: URL,
	html: string,
	username: string,
	password: string,
	cookie?: string
) {
	return fetch(formAction(html, pageUrl), {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams({ username, password })
	});
}

export interface SignedIn {
	tokens: oauth.TokenEndpointResponse;
	idToken: string;
	refreshToken: string;
	/** The managed-login session cookie (`name=value`). */
	cookie: string;
	claims: oauth.IDToken;
}

/** Full authorization-code + PKCE sign-in through the login page, with oauth4webapi. */
export async function signIn(
	stack: RunningStack,
	email: string,
	password = DEMO_PASSWORD
): Promise<SignedIn> {
	const as = authServer(stack);
	const pending = await authorizeUrl(stack);
	const html = await (await fetch(pending.url)).text();
	const posted = await postLogin(pending.url, html, email, password);
	if (posted.status !== 302) throw new Error(`sign-in failed with ${posted.status}`);
	const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0];
	const callback = new URL(posted.headers.get('location') ?? '');
	const params = oauth.validateAuthResponse(as, client, callback, pending.state);
	const response = await oauth.authorizationCodeGrantRequest(
		as,
		client,
		oauth.None(),
		params,
		REDIRECT_URI,
		pending.verifier,
		insecure
	);
	const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
		expectedNonce: pending.nonce,
		requireIdToken: true
	});
	const claims = oauth.getValidatedIdTokenClaims(tokens);
	if (!tokens.id_token || !tokens.refresh_token || !claims)
		throw new Error('incomplete token response');
	return { tokens, idToken: tokens.id_token, refreshToken: tokens.refresh_token, cookie, claims };
}

/** `fromCognitoIdentityPool` pointed at the stack, as the console wires it. */
export const identityCredentials = (
	stack: RunningStack,
	idToken: string | (() => Promise<string>)
) =>
	fromCognitoIdentityPool({
		identityPoolId: IDENTITY_POOL_ID,
		logins: { [stack.urls.loginsKey]: idToken },
		clientConfig: { region: 'us-east-1', endpoint: stack.urls.identity }
	});

export const cloudFront = (
	stack: RunningStack,
	credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
	region = 'us-east-1'
) => new CloudFrontClient({ region, endpoint: stack.urls.cloudfront, credentials });

/** Signed in through managed login → identity pool → CloudFront client. */
export async function cloudFrontAs(stack: RunningStack, email: string): Promise<CloudFrontClient> {
	const { idToken } = await signIn(stack, email);
	return cloudFront(stack, identityCredentials(stack, idToken));
}

/** A stack for one spec file and a CloudFront client signed in as `email` (close both after). */
export async function openStackAs(email: string, options: StackOptions = {}) {
	const stack = await startTestStack(options);
	return { stack, client: await cloudFrontAs(stack, email) };
}

export async function closeStack(stack: RunningStack, client: CloudFrontClient): Promise<void> {
	client.destroy();
	await stack.close();
}

/** Calls the control API and returns the parsed JSON (or undefined for 204). */
export async function control<T = Record<string, unknown>>(
	stack: RunningStack,
	method: string,
	path: string,
	body?: unknown
): Promise<T> {
	const res = await fetch(`${stack.urls.control}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (res.status >= 400)
		throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
	return (res.status === 204 ? undefined : await res.json()) as T;
}

export interface ControlInvalidation {
	id: string;
	distributionId: string;
	status: string;
	createTime: string;
	callerReference: string;
	paths: string[];
}

export const controlInvalidations = async (stack: RunningStack, distributionId: string) =>
	(
		await control<{ invalidations: ControlInvalidation[] }>(
			stack,
			'GET',
			`/invalidations?distributionId=${distributionId}`
		)
	).invalidations;

/** Static credentials for a role, straight from the control API (default: the all-access test role). */
export async function roleCredentials(
	stack: RunningStack,
	roleArn?: string
): Promise<AwsCredentialIdentity> {
	const c = await control<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }>(
		stack,
		'POST',
		'/credentials',
		roleArn ? { roleArn } : {}
	);
	return {
		accessKeyId: c.accessKeyId,
		secretAccessKey: c.secretAccessKey,
		sessionToken: c.sessionToken
	};
}

export const mintIdToken = async (
	stack: RunningStack,
	email: string,
	claims: Record<string, unknown> = {}
) => (await control<{ idToken: string }>(stack, 'POST', '/id-token', { email, claims })).idToken;
