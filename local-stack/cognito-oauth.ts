import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALLOWED_SCOPES, CLIENT_ID, DEMO_PASSWORD, USER_POOL_ID } from './constants';
import type { StackContext } from './context';
import { corsHeaders, isPreflight, preflightHeaders } from './cors';
import { parseCookies, readBody, send, sendJson, splitUrl, type Handler } from './http';
import { PAGE_CSP, renderErrorPage, renderLoginPage, renderSignedOutPage } from './login-page';
import { LOGIN_SESSION_SECONDS, OAuthSessions, type AuthorizeRequest } from './oauth-sessions';
import { tokenEndpoint } from './oauth-token';
import { findUser } from './users';

// The user-pool domain: managed login and the OAuth 2.0 endpoints.
// https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html

const COOKIE = 'cognito';
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

type Check =
	| { kind: 'ok'; req: AuthorizeRequest; prompt?: string }
	| { kind: 'page'; error: string; detail: string }
	| { kind: 'redirect'; location: string };

/**
 * Validates an authorize request the way Cognito does: a bad client or redirect URI gets an error
 * page (never a redirect); any later problem is reported to the (now trusted) redirect URI.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 */
export function checkAuthorize(q: URLSearchParams, callbackUrls: readonly string[]): Check {
	const clientId = q.get('client_id');
	if (clientId !== CLIENT_ID)
		return { kind: 'page', error: 'invalid_request', detail: 'Unknown client_id.' };
	const redirectUri = q.get('redirect_uri') ?? '';
	if (!callbackUrls.includes(redirectUri))
		return {
			kind: 'page',
			error: 'redirect_mismatch',
			detail: 'redirect_uri is not a registered callback URL.'
		};
	const state = q.get('state') ?? undefined;
	const fail = (error: string, description: string): Check => {
		const url = new URL(redirectUri);
		url.searchParams.set('error', error);
		url.searchParams.set('error_description', description);
		if (state !== undefined) url.searchParams.set('state', state);
		return { kind: 'redirect', location: url.href };
	};
	const responseType = q.get('response_type');
	if (!responseType) return fail('invalid_request', 'response_type is required');
	if (responseType === 'token') return fail('unauthorized_client', 'implicit grant is not enabled');
	if (responseType !== 'code')
		return fail('unsupported_response_type', 'response_type must be code');
	const scopes = (q.get('scope') ?? ALLOWED_SCOPES.join(' ')).split(/\s+/).filter(Boolean);
	if (scopes.some((s) => !ALLOWED_SCOPES.includes(s)))
		return fail('invalid_scope', 'invalid_scope');
	const codeChallenge = q.get('code_challenge');
	if (!codeChallenge) return fail('invalid_request', 'code_challenge is required');
	if (q.get('code_challenge_method') !== 'S256')
		return fail('invalid_request', 'code_challenge_method must be S256');
	if (!PKCE_CHALLENGE.test(codeChallenge)) return fail('invalid_request', 'invalid code_challenge');
	const req: AuthorizeRequest = {
		clientId,
		redirectUri,
		scope: scopes.join(' '),
		state,
		nonce: q.get('nonce') ?? undefined,
		codeChallenge
	};
	return { kind: 'ok', req, prompt: q.get('prompt') ?? undefined };
}

function codeRedirect(
	sessions: OAuthSessions,
	req: AuthorizeRequest,
	userEmail: string,
	authTime: number
) {
	const user = findUser(userEmail);
	if (!user) throw new Error('session for an unknown user');
	const url = new URL(req.redirectUri);
	url.searchParams.set('code', sessions.issueCode(req, user, authTime));
	if (req.state !== undefined) url.searchParams.set('state', req.state);
	return url.href;
}

const htmlHeaders = {
	'Content-Type': 'text/html; charset=utf-8',
	'Content-Security-Policy': PAGE_CSP,
	'Cache-Control': 'no-store',
	'X-Frame-Options': 'DENY'
};

export function cognitoOAuth(ctx: StackContext): Handler {
	const sessions = new OAuthSessions();
	const token = tokenEndpoint(ctx, sessions);
	const wellKnown = `/${USER_POOL_ID}/.well-known/`;

	function showPage(
		res: ServerResponse,
		status: number,
		html: string,
		extra: Record<string, string> = {}
	) {
		send(res, status, { ...htmlHeaders, ...extra }, html);
	}

	async function authorize(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
		const check = checkAuthorize(q, ctx.callbackUrls);
		if (check.kind === 'page')
			return showPage(res, 400, renderErrorPage(check.error, check.detail));
		if (check.kind === 'redirect') return send(res, 302, { Location: check.location });
		const cookieId = parseCookies(req).get(COOKIE);
		const session = check.prompt === 'login' ? undefined : sessions.login(cookieId);
		// A live managed-login session makes a second authorize silent, as with Cognito.
		if (session) {
			const location = codeRedirect(sessions, check.req, session.user.email, session.authTime);
			return send(res, 302, { Location: location });
		}
		if (check.prompt === 'none') {
			const url = new URL(check.req.redirectUri);
			url.searchParams.set('error', 'login_required');
			if (check.req.state !== undefined) url.searchParams.set('state', check.req.state);
			return send(res, 302, { Location: url.href });
		}
		showPage(res, 200, renderLoginPage({ formAction: `/login?${q}` }));
	}

	async function login(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
		const check = checkAuthorize(q, ctx.callbackUrls);
		if (check.kind === 'page')
			return showPage(res, 400, renderErrorPage(check.error, check.detail));
		if (check.kind === 'redirect') return send(res, 302, { Location: check.location });
		const form = new URLSearchParams((await readBody(req)).toString('utf8'));
		const username = form.get('username') ?? '';
		const user = findUser(username);
		if (!user || form.get('password') !== DEMO_PASSWORD) {
			const html = renderLoginPage({
				formAction: `/login?${q}`,
				error: 'Incorrect username or password.',
				username
			});
			return showPage(res, 200, html);
		}
		const { id, session } = sessions.startLogin(user);
		const cookie = `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${LOGIN_SESSION_SECONDS}`;
		const location = codeRedirect(sessions, check.req, user.email, session.authTime);
		send(res, 302, { Location: location, 'Set-Cookie': cookie });
	}

	/** https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html */
	function logout(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
		if (q.get('client_id') !== CLIENT_ID)
			return showPage(res, 400, renderErrorPage('invalid_request', 'Unknown client_id.'));
		const logoutUri = q.get('logout_uri');
		const clear = `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
		const signOut = () => sessions.endLogin(parseCookies(req).get(COOKIE));
		if (logoutUri !== null) {
			if (!ctx.logoutUrls.includes(logoutUri))
				return showPage(
					res,
					400,
					renderErrorPage('redirect_mismatch', 'logout_uri is not a registered sign-out URL.')
				);
			signOut();
			return send(res, 302, { Location: logoutUri, 'Set-Cookie': clear });
		}
		// The other documented form: sign out, then back to the sign-in page for a new authorize.
		if (q.get('redirect_uri') && q.get('response_type')) {
			signOut();
			return send(res, 302, { Location: `/oauth2/authorize?${q}`, 'Set-Cookie': clear });
		}
		signOut();
		showPage(res, 200, renderSignedOutPage(), { 'Set-Cookie': clear });
	}

	function discovery() {
		const a = ctx.urls.auth;
		return {
			authorization_endpoint: `${a}/oauth2/authorize`,
			end_session_endpoint: `${a}/logout`,
			id_token_signing_alg_values_supported: ['RS256'],
			issuer: ctx.urls.issuer,
			jwks_uri: `${ctx.urls.issuer}/.well-known/jwks.json`,
			response_types_supported: ['code', 'token'],
			revocation_endpoint: `${a}/oauth2/revoke`,
			scopes_supported: ['openid', 'email', 'phone', 'profile'],
			subject_types_supported: ['public'],
			token_endpoint: `${a}/oauth2/token`,
			token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
			userinfo_endpoint: `${a}/oauth2/userInfo`
		};
	}

	return async (req, res) => {
		const { rawPath, query } = splitUrl(req);
		const method = req.method ?? 'GET';
		// The token, revoke, userInfo and key endpoints are called cross-origin by the SPA.
		if (isPreflight(req)) return send(res, 200, preflightHeaders(req));
		if (method === 'GET' && rawPath === '/oauth2/authorize') return authorize(req, res, query);
		if (method === 'GET' && rawPath === '/login') return authorize(req, res, query);
		if (method === 'POST' && rawPath === '/login') return login(req, res, query);
		if (method === 'POST' && rawPath === '/oauth2/token') return token.grant(req, res);
		if (method === 'POST' && rawPath === '/oauth2/revoke') return token.revoke(req, res);
		if (rawPath === '/oauth2/userInfo') return token.userInfo(req, res);
		if (method === 'GET' && rawPath === '/logout') return logout(req, res, query);
		if (method === 'GET' && rawPath === `${wellKnown}jwks.json`)
			return sendJson(res, 200, corsHeaders(), ctx.tokens.jwks());
		if (method === 'GET' && rawPath === `${wellKnown}openid-configuration`)
			return sendJson(res, 200, corsHeaders(), discovery());
		const what = `${method} ${rawPath}`;
		showPage(
			res,
			404,
			renderErrorPage('not_found', `${what} is not an endpoint of this user pool.`)
		);
	};
}
