import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_ID } from './constants';
import type { StackContext } from './context';
import type { OAUTH_GRANTS } from './faults';
import { corsHeaders } from './cors';
import { header, readBody, sendJson } from './http';
import { s256, type OAuthSessions } from './oauth-sessions';
import type { Session } from './tokens';
import { findUserBySub } from './users';

// /oauth2/token, /oauth2/revoke and /oauth2/userInfo for a public app client (no secret).
// https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html

const jsonHeaders = { ...corsHeaders(), 'Cache-Control': 'no-store', Pragma: 'no-cache' };
/** Cognito answers token errors with a bare `{"error": "<code>"}` and status 400. */
const oauthError = (res: ServerResponse, error: string, status = 400) =>
	sendJson(res, status, jsonHeaders, { error });

type OAuthGrant = (typeof OAUTH_GRANTS)[number];

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
	const type = header(req, 'content-type') ?? '';
	if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
	return new URLSearchParams((await readBody(req)).toString('utf8'));
}

export function tokenEndpoint(ctx: StackContext, sessions: OAuthSessions) {
	async function respondWithTokens(
		res: ServerResponse,
		s: Session,
		grantType: OAuthGrant,
		extra: { nonce?: string; refreshToken?: string }
	) {
		const ttl = ctx.settings.tokenTtlSeconds;
		const accessToken = await ctx.tokens.accessToken(s, ttl);
		const body: Record<string, string | number> = {};
		if (s.scope.split(' ').includes('openid'))
			body.id_token = await ctx.tokens.idToken(s, ttl, {
				nonce: extra.nonce,
				accessToken,
				foreignKey: !!ctx.faults.consume('foreign-signing-key', 'oauth', grantType)
			});
		body.access_token = accessToken;
		if (extra.refreshToken) body.refresh_token = extra.refreshToken;
		body.expires_in = ttl;
		body.token_type = 'Bearer';
		sendJson(res, 200, jsonHeaders, body);
	}

	async function authorizationCode(res: ServerResponse, form: URLSearchParams) {
		const code = form.get('code');
		const verifier = form.get('code_verifier');
		if (!code || !form.get('redirect_uri')) return oauthError(res, 'invalid_request');
		const grant = sessions.takeCode(code);
		if (!grant || grant.clientId !== form.get('client_id')) return oauthError(res, 'invalid_grant');
		if (grant.redirectUri !== form.get('redirect_uri')) return oauthError(res, 'invalid_grant');
		if (!verifier) return oauthError(res, 'invalid_request');
		if (!VERIFIER.test(verifier) || s256(verifier) !== grant.codeChallenge)
			return oauthError(res, 'invalid_grant');
		const { token, grant: refresh } = sessions.issueRefresh({
			user: grant.user,
			clientId: grant.clientId,
			scope: grant.scope,
			authTime: grant.authTime
		});
		await respondWithTokens(res, refresh, 'AuthorizationCode', {
			nonce: grant.nonce,
			refreshToken: token
		});
	}

	/** Without rotation Cognito returns no new refresh token: the client keeps the old one. */
	async function refreshToken(req: IncomingMessage, res: ServerResponse, form: URLSearchParams) {
		const token = form.get('refresh_token');
		if (!token) return oauthError(res, 'invalid_request');
		// A network failure as the client sees it: no answer at all.
		if (ctx.faults.consume('drop-response', 'oauth', 'RefreshToken'))
			return void req.socket.destroy();
		if (ctx.faults.consume('fail-refresh', 'oauth', 'RefreshToken'))
			return oauthError(res, 'invalid_grant');
		const grant = sessions.refresh(token);
		if (!grant || grant.clientId !== form.get('client_id')) return oauthError(res, 'invalid_grant');
		await respondWithTokens(res, grant, 'RefreshToken', {});
	}

	return {
		async grant(req: IncomingMessage, res: ServerResponse) {
			// A public client has no secret, so any client authentication header is a wrong client.
			if (header(req, 'authorization')) return oauthError(res, 'invalid_client');
			const form = await readForm(req);
			if (!form) return oauthError(res, 'invalid_request');
			const clientId = form.get('client_id');
			if (!clientId) return oauthError(res, 'invalid_request');
			if (clientId !== CLIENT_ID) return oauthError(res, 'invalid_client');
			const grantType = form.get('grant_type');
			if (grantType === 'authorization_code') return authorizationCode(res, form);
			if (grantType === 'refresh_token') return refreshToken(req, res, form);
			if (grantType === 'client_credentials') return oauthError(res, 'unauthorized_client');
			return oauthError(res, grantType ? 'unsupported_grant_type' : 'invalid_request');
		},

		/** 200 with an empty body, also for unknown tokens (RFC 7009 §2.2). Only refresh tokens. */
		async revoke(req: IncomingMessage, res: ServerResponse) {
			const form = await readForm(req);
			const token = form?.get('token');
			if (!form || !token) return oauthError(res, 'invalid_request');
			if (form.get('client_id') !== CLIENT_ID) return oauthError(res, 'invalid_client');
			if (token.split('.').length === 3) return oauthError(res, 'unsupported_token_type');
			sessions.revoke(token, CLIENT_ID);
			sendJson(res, 200, jsonHeaders, {});
		},

		/** https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html */
		async userInfo(req: IncomingMessage, res: ServerResponse) {
			const bearer = /^Bearer (.+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
			const claims = bearer ? await ctx.tokens.verifySignature(bearer) : undefined;
			const valid =
				claims?.token_use === 'access' &&
				typeof claims.exp === 'number' &&
				claims.exp * 1000 > Date.now() &&
				!sessions.isOriginRevoked(claims.origin_jti);
			const user = valid ? findUserBySub(String(claims.sub)) : undefined;
			if (!user) {
				const challenge =
					'Bearer error="invalid_token", error_description="Access token is not valid"';
				return sendJson(
					res,
					401,
					{ ...jsonHeaders, 'WWW-Authenticate': challenge },
					{ error: 'invalid_token' }
				);
			}
			sendJson(res, 200, jsonHeaders, {
				sub: user.sub,
				email_verified: 'true',
				email: user.email,
				username: user.sub
			});
		}
	};
}
