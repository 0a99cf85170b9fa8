import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DemoUser } from './users';

// Server-side state of the user-pool domain: managed-login sessions (the cookie), authorization
// codes and refresh tokens. In memory only; a restart signs everybody out, as a pool reset would.

/**
 * The managed-login session cookie (`cognito`) is valid for 1 hour:
 * https://repost.aws/knowledge-center/cognito-logout-endpoint-globalsignoutapi
 */
export const LOGIN_SESSION_SECONDS = 3600;
/** "The authorization code is valid for five minutes" (Cognito token endpoint docs, UNCONFIRMED). */
export const CODE_TTL_MS = 5 * 60 * 1000;
/** Default refresh-token validity: 30 days (TokenValidityUnitsType). */
export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export interface AuthorizeRequest {
	clientId: string;
	redirectUri: string;
	scope: string;
	state?: string;
	nonce?: string;
	codeChallenge: string;
}

interface LoginSession {
	user: DemoUser;
	authTime: number;
	expiresAt: number;
}
interface CodeGrant extends AuthorizeRequest {
	user: DemoUser;
	authTime: number;
	expiresAt: number;
}
export interface RefreshGrant {
	user: DemoUser;
	clientId: string;
	scope: string;
	authTime: number;
	originJti: string;
	expiresAt: number;
	revoked: boolean;
}

const opaque = () => randomBytes(32).toString('base64url');

/** PKCE S256: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge (RFC 7636 §4.6). */
export const s256 = (verifier: string) =>
	createHash('sha256').update(verifier, 'ascii').digest('base64url');

export class OAuthSessions {
	#logins = new Map<string, LoginSession>();
	#codes = new Map<string, CodeGrant>();
	#refresh = new Map<string, RefreshGrant>();
	#revokedOrigins = new Set<string>();

	startLogin(user: DemoUser): { id: string; session: LoginSession } {
		const id = opaque();
		const session = {
			user,
			authTime: Math.floor(Date.now() / 1000),
			expiresAt: Date.now() + LOGIN_SESSION_SECONDS * 1000
		};
		this.#logins.set(id, session);
		return { id, session };
	}

	login(id: string | undefined): LoginSession | undefined {
		const s = id ? this.#logins.get(id) : undefined;
		return s && s.expiresAt > Date.now() ? s : undefined;
	}

	endLogin(id: string | undefined) {
		if (id) this.#logins.delete(id);
	}

	issueCode(req: AuthorizeRequest, user: DemoUser, authTime: number): string {
		const code = randomUUID();
		this.#codes.set(code, { ...req, user, authTime, expiresAt: Date.now() + CODE_TTL_MS });
		return code;
	}

	/** Codes are single-use: any attempt consumes the code, successful or not. */
	takeCode(code: string): CodeGrant | undefined {
		const grant = this.#codes.get(code);
		this.#codes.delete(code);
		return grant && grant.expiresAt > Date.now() ? grant : undefined;
	}

	issueRefresh(grant: Omit<RefreshGrant, 'expiresAt' | 'revoked' | 'originJti'>) {
		const token = opaque() + '.' + opaque();
		const full = {
			...grant,
			originJti: randomUUID(),
			expiresAt: Date.now() + REFRESH_TTL_MS,
			revoked: false
		};
		this.#refresh.set(token, full);
		return { token, grant: full };
	}

	refresh(token: string): RefreshGrant | undefined {
		const g = this.#refresh.get(token);
		return g && !g.revoked && g.expiresAt > Date.now() ? g : undefined;
	}

	/** Revokes a refresh token and, like Cognito, the access tokens issued from it. */
	revoke(token: string, clientId: string): void {
		const g = this.#refresh.get(token);
		if (!g || g.clientId !== clientId) return;
		g.revoked = true;
		this.#revokedOrigins.add(g.originJti);
	}

	isOriginRevoked(originJti: unknown): boolean {
		return typeof originJti === 'string' && this.#revokedOrigins.has(originJti);
	}
}
