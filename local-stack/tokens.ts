import { createHash, randomUUID } from 'node:crypto';
import {
	compactVerify,
	exportJWK,
	generateKeyPair,
	SignJWT,
	type CryptoKey,
	type JWK,
	type JWTPayload
} from 'jose';
import type { DemoUser } from './users';

// RS256 tokens in Cognito's form, signed with keys generated at start (nothing hand-rolled: jose).
// Claims: https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// and .../amazon-cognito-user-pools-using-the-access-token.html. Like a real pool, the JWKS holds two
// keys: one signs ID tokens, the other access tokens.

interface SigningKey {
	kid: string;
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	jwk: JWK;
}

async function newKey(): Promise<SigningKey> {
	const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
	const kid = randomUUID().replaceAll('-', '');
	const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
	return { kid, privateKey, publicKey, jwk };
}

export interface Session {
	user: DemoUser;
	clientId: string;
	scope: string;
	/** Epoch seconds of the sign-in. */
	authTime: number;
	/** Ties tokens to the refresh token they came from (Cognito's `origin_jti`), for revocation. */
	originJti: string;
}

export type Claims = JWTPayload & Record<string, unknown>;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** OIDC `at_hash`: left half of SHA-256 of the access token, base64url. */
const atHash = (accessToken: string) =>
	createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');

export class TokenIssuer {
	private constructor(
		readonly issuer: string,
		private readonly idKey: SigningKey,
		private readonly accessKey: SigningKey,
		/** Never published in the JWKS; it carries the ID key's `kid`, as a forger would. */
		private readonly foreignKey: SigningKey
	) {}

	static async create(issuer: string): Promise<TokenIssuer> {
		const idKey = await newKey();
		const foreign = await newKey();
		return new TokenIssuer(issuer, idKey, await newKey(), { ...foreign, kid: idKey.kid });
	}

	jwks(): { keys: JWK[] } {
		return { keys: [this.idKey.jwk, this.accessKey.jwk] };
	}

	async accessToken(s: Session, ttlSeconds: number): Promise<string> {
		const iat = nowSeconds();
		const claims: Claims = {
			sub: s.user.sub,
			...(s.user.groups.length ? { 'cognito:groups': s.user.groups } : {}),
			iss: this.issuer,
			version: 2,
			client_id: s.clientId,
			origin_jti: s.originJti,
			event_id: randomUUID(),
			token_use: 'access',
			scope: s.scope,
			auth_time: s.authTime,
			exp: iat + ttlSeconds,
			iat,
			jti: randomUUID(),
			username: s.user.sub
		};
		return this.sign(claims, this.accessKey);
	}

	/**
	 * ID token. `overrides` replaces claims after the normal ones are built (tests mint expired or
	 * foreign-audience tokens with it).
	 */
	async idToken(
		s: Session,
		ttlSeconds: number,
		opts: { nonce?: string; accessToken?: string; overrides?: Claims; foreignKey?: boolean } = {}
	): Promise<string> {
		const iat = nowSeconds();
		const u = s.user;
		// Users in no group get no cognito:groups/roles/preferred_role claims at all.
		const groupClaims: Claims = u.groups.length
			? { 'cognito:groups': u.groups, 'cognito:roles': u.roles }
			: {};
		if (u.preferredRole) groupClaims['cognito:preferred_role'] = u.preferredRole;
		const claims: Claims = {
			...(opts.accessToken ? { at_hash: atHash(opts.accessToken) } : {}),
			sub: u.sub,
			...groupClaims,
			email_verified: true,
			iss: this.issuer,
			'cognito:username': u.sub,
			...(opts.nonce !== undefined ? { nonce: opts.nonce } : {}),
			origin_jti: s.originJti,
			aud: s.clientId,
			event_id: randomUUID(),
			token_use: 'id',
			auth_time: s.authTime,
			exp: iat + ttlSeconds,
			iat,
			jti: randomUUID(),
			email: u.email,
			...opts.overrides
		};
		return this.sign(claims, opts.foreignKey ? this.foreignKey : this.idKey);
	}

	private sign(claims: Claims, key: SigningKey): Promise<string> {
		return new SignJWT(claims)
			.setProtectedHeader({ kid: key.kid, alg: 'RS256' })
			.sign(key.privateKey);
	}

	/** Checks the signature against this pool's keys only; claims are the caller's business. */
	async verifySignature(token: string): Promise<Claims | undefined> {
		try {
			const { payload } = await compactVerify(token, (header) => {
				const key = [this.idKey, this.accessKey].find((k) => k.kid === header.kid);
				if (!key || header.alg !== 'RS256') throw new Error('unknown key');
				return key.publicKey;
			});
			const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
			return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
		} catch {
			return undefined;
		}
	}
}

/** Reads a JWT's payload without verifying it (to choose the right error message first). */
export function peekClaims(token: string): Claims | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
			? (claims as Claims)
			: undefined;
	} catch {
		return undefined;
	}
}
