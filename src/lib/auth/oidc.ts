/**
 * Cognito managed login: authorization code + PKCE (S256) + state + nonce, with oauth4webapi.
 * The only importer of oauth4webapi. Endpoints come from config.json, not discovery: Cognito's
 * OAuth endpoints live on the pool's domain, not its issuer
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html).
 */
import * as oauth from 'oauth4webapi';
import { isLoopbackHost, type Config } from '$lib/config';
import { readClaims, type Identity } from './claims';

export interface Tokens {
	idToken: string;
	accessToken: string;
	refreshToken?: string;
	identity: Identity;
}

/** What must survive the trip to Cognito and back; lives in sessionStorage only until the callback. */
export interface PendingSignIn {
	verifier: string;
	state: string;
	nonce: string;
	returnTo: string;
}

// One AuthorizationServer per config: oauth4webapi caches the JWKS on that object, so a fresh one
// per call would fetch the keys again on every sign-in and refresh.
const servers = new WeakMap<Config, oauth.AuthorizationServer>();

function authorizationServer(config: Config): oauth.AuthorizationServer {
	let as = servers.get(config);
	if (!as) servers.set(config, (as = newAuthorizationServer(config)));
	return as;
}

function newAuthorizationServer(config: Config): oauth.AuthorizationServer {
	const { issuer, domain } = config.auth;
	return {
		issuer,
		authorization_endpoint: `${domain}/oauth2/authorize`,
		token_endpoint: `${domain}/oauth2/token`,
		revocation_endpoint: `${domain}/oauth2/revoke`,
		end_session_endpoint: `${domain}/logout`,
		jwks_uri: `${issuer}/.well-known/jwks.json`
	};
}

const client = (config: Config): oauth.Client => ({
	client_id: config.auth.clientId,
	token_endpoint_auth_method: 'none'
});

// oauth4webapi refuses http: endpoints unless told; allow it only for a loopback stand-in.
function requestOptions(config: Config) {
	const insecure = isLoopbackHost(new URL(config.auth.domain).hostname);
	return insecure ? { [oauth.allowInsecureRequests]: true } : {};
}

export const redirectUri = (config: Config, origin: string) => origin + config.auth.redirectPath;

export async function authorizationUrl(
	config: Config,
	origin: string,
	returnTo: string
): Promise<{ url: URL; pending: PendingSignIn }> {
	const as = authorizationServer(config);
	const pending: PendingSignIn = {
		verifier: oauth.generateRandomCodeVerifier(),
		state: oauth.generateRandomState(),
		nonce: oauth.generateRandomNonce(),
		returnTo
	};
	const url = new URL(as.authorization_endpoint!);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: config.auth.clientId,
		redirect_uri: redirectUri(config, origin),
		scope: config.auth.scopes.join(' '),
		state: pending.state,
		// Cognito advertises no PKCE methods, so send PKCE and a nonce both
		// (as oauth4webapi's examples/oidc.ts does when S256 is not advertised).
		nonce: pending.nonce,
		code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256'
	}).toString();
	if (config.auth.identityProvider)
		url.searchParams.set('identity_provider', config.auth.identityProvider);
	return { url, pending };
}

/**
 * Check the ID token's RS256 signature against the pool's JWKS, after oauth4webapi has checked its
 * claims (iss, aud, exp, nonce) while processing `response`. Cognito's rule: verify the signature
 * with the key whose `kid` matches, from https://cognito-idp.<Region>.amazonaws.com/<poolId>/.well-known/jwks.json
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
 */
async function verifySignature(config: Config, response: Response): Promise<void> {
	const as = authorizationServer(config);
	try {
		await oauth.validateApplicationLevelSignature(as, response, requestOptions(config));
	} catch (e) {
		throw new IdTokenSignatureError(as.jwks_uri!, e);
	}
}

/** The ID token was not signed by one of the pool's keys: never accepted, whatever its claims. */
export class IdTokenSignatureError extends Error {
	constructor(
		readonly jwksUri: string,
		cause: unknown
	) {
		const why = cause instanceof Error ? cause.message : String(cause);
		super(
			`The ID token's signature could not be verified with the user pool's keys at ${jwksUri} (${why}). ` +
				'Check that auth.issuer in config.json names the user pool that signed you in.',
			{ cause }
		);
		this.name = 'IdTokenSignatureError';
	}
}

function toTokens(response: oauth.TokenEndpointResponse, previousRefresh?: string): Tokens {
	const claims = oauth.getValidatedIdTokenClaims(response);
	if (!response.id_token || !claims) throw new Error('The sign-in response had no ID token.');
	if (claims.token_use !== undefined && claims.token_use !== 'id')
		throw new Error('The token is not an ID token.');
	return {
		idToken: response.id_token,
		accessToken: response.access_token,
		// Cognito sends no new refresh token unless rotation is on: keep the old one.
		refreshToken: response.refresh_token ?? previousRefresh,
		identity: readClaims(claims)
	};
}

/** Finish the code flow on the callback page: state, code exchange, ID token claims and signature. */
export async function exchangeCode(
	config: Config,
	currentUrl: URL,
	pending: PendingSignIn
): Promise<Tokens> {
	const as = authorizationServer(config);
	const params = oauth.validateAuthResponse(as, client(config), currentUrl, pending.state);
	const response = await oauth.authorizationCodeGrantRequest(
		as,
		client(config),
		oauth.None(),
		params,
		redirectUri(config, currentUrl.origin),
		pending.verifier,
		requestOptions(config)
	);
	const result = await oauth.processAuthorizationCodeResponse(as, client(config), response, {
		expectedNonce: pending.nonce,
		requireIdToken: true
	});
	await verifySignature(config, response);
	return toTokens(result);
}

export async function refreshTokens(config: Config, refreshToken: string): Promise<Tokens> {
	const as = authorizationServer(config);
	const response = await oauth.refreshTokenGrantRequest(
		as,
		client(config),
		oauth.None(),
		refreshToken,
		requestOptions(config)
	);
	const result = await oauth.processRefreshTokenResponse(as, client(config), response);
	await verifySignature(config, response);
	return toTokens(result, refreshToken);
}

export async function revoke(config: Config, refreshToken: string): Promise<void> {
	const as = authorizationServer(config);
	const response = await oauth.revocationRequest(
		as,
		client(config),
		oauth.None(),
		refreshToken,
		requestOptions(config)
	);
	await oauth.processRevocationResponse(response);
}

/** Cognito's own logout (not OIDC RP-initiated logout): https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html */
export function logoutUrl(config: Config, origin: string): URL {
	const url = new URL(`${config.auth.domain}/logout`);
	url.searchParams.set('client_id', config.auth.clientId);
	url.searchParams.set('logout_uri', origin + config.auth.logoutPath);
	return url;
}

/**
 * Cognito answered the refresh with an OAuth error (invalid_grant: revoked or expired refresh
 * token), or sent an ID token not signed by the pool: only signing in again helps. Anything else
 * (the network) may pass on a retry.
 */
export const isRefreshRefused = (e: unknown): boolean =>
	e instanceof oauth.ResponseBodyError || e instanceof IdTokenSignatureError;

/** oauth4webapi's errors carry an OAuth `error` code; map the ones users can act on. */
export function describeSignInError(e: unknown): string {
	if (e instanceof oauth.AuthorizationResponseError)
		return `Cognito refused the sign-in (${e.error}${e.error_description ? `: ${e.error_description}` : ''}).`;
	if (e instanceof oauth.ResponseBodyError)
		return `Cognito refused the sign-in code (${e.error}). It may have been used already or expired.`;
	return e instanceof Error ? e.message : String(e);
}
