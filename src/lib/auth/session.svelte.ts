/**
 * The signed-in session. Tokens live in memory only: the console shares an origin with the site it
 * purges, so any script of that site could read what Web Storage holds. Only the short-lived PKCE
 * state goes to sessionStorage, and only until the callback. A reload signs in again, silently
 * while Cognito's own session lasts.
 */
import type { Config } from '$lib/config';
import { ReauthRequired } from '$lib/errors';
import {
	authorizationUrl,
	exchangeCode,
	isRefreshRefused,
	logoutUrl,
	refreshTokens,
	revoke,
	type PendingSignIn,
	type Tokens
} from './oidc';

const PENDING_KEY = 'purge-console:pending-sign-in';
const SIGNED_OUT_KEY = 'purge-console:signed-out';
/** Refresh the ID token when less than this is left (the SDK refreshes credentials at 5 min too). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export class Session {
	readonly config: Config;
	#tokens = $state.raw<Tokens | null>(null);
	#expired = $state(false);
	#signingOut = $state(false);
	#refreshing: Promise<string> | null = null;

	constructor(config: Config) {
		this.config = config;
	}

	get identity() {
		return this.#tokens?.identity ?? null;
	}
	/** True once a refresh failed: the user must sign in again (everything typed is kept). */
	get isExpired() {
		return this.#expired;
	}
	/** Between "Sign out" and leaving for Cognito's logout endpoint (the revocation is in flight). */
	get isSigningOut() {
		return this.#signingOut;
	}
	get wasSignedOut() {
		return sessionStorage.getItem(SIGNED_OUT_KEY) !== null;
	}

	/** Leave for Cognito's managed login; come back to `returnTo` (a path under the base). */
	signIn = async (returnTo: string) => {
		sessionStorage.removeItem(SIGNED_OUT_KEY);
		const { url, pending } = await authorizationUrl(this.config, location.origin, returnTo);
		sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
		location.assign(url);
	};

	/** Where the sign-in in progress returns to, read without completing it (to preload that page). */
	get pendingReturnTo(): string | null {
		return readPending(sessionStorage.getItem(PENDING_KEY))?.returnTo ?? null;
	}

	/** On the callback page. Returns where to go next. */
	completeSignIn = async (url: URL): Promise<string> => {
		const pending = takePending();
		if (!pending)
			throw new Error(
				'This sign-in was not started from this tab, or it was already completed. Start again.'
			);
		this.#tokens = await exchangeCode(this.config, url, pending);
		this.#expired = false;
		return pending.returnTo;
	};

	/**
	 * The ID token for the identity pool's logins map, refreshed first when it is close to expiry.
	 * Called by the credential provider on every credential fetch.
	 */
	freshIdToken = (): Promise<string> => {
		const tokens = this.#tokens;
		if (!tokens) return Promise.reject(new ReauthRequired('Not signed in.'));
		if (tokens.identity.expiresAt - Date.now() > REFRESH_MARGIN_MS)
			return Promise.resolve(tokens.idToken);
		this.#refreshing ??= this.#refresh(tokens).finally(() => (this.#refreshing = null));
		return this.#refreshing;
	};

	async #refresh(tokens: Tokens): Promise<string> {
		try {
			if (!tokens.refreshToken) throw new Error('No refresh token was issued.');
			this.#tokens = await refreshTokens(this.config, tokens.refreshToken);
			return this.#tokens.idToken;
		} catch (e) {
			// A network blip is not an expired sign-in: let the caller retry.
			if (tokens.refreshToken && !isRefreshRefused(e)) throw e;
			this.#expired = true;
			throw new ReauthRequired(e instanceof Error ? e.message : String(e));
		}
	}

	/** Revoke the refresh token, forget everything, then leave through Cognito's logout endpoint. */
	signOut = async () => {
		const refreshToken = this.#tokens?.refreshToken;
		// Set before the tokens go, so the page says "Signing you out…" rather than "You are signed
		// out." while the revocation runs and the logout round trip has not happened yet.
		this.#signingOut = true;
		this.#tokens = null;
		sessionStorage.setItem(SIGNED_OUT_KEY, '1');
		try {
			if (refreshToken) await revoke(this.config, refreshToken);
		} catch (e) {
			// Still leave: the token dies with its validity; logging keeps the cause for support.
			console.warn('Refresh token revocation failed', e);
		}
		location.assign(logoutUrl(this.config, location.origin));
	};
}

function takePending(): PendingSignIn | null {
	const pending = readPending(sessionStorage.getItem(PENDING_KEY));
	sessionStorage.removeItem(PENDING_KEY);
	return pending;
}

function readPending(raw: string | null): PendingSignIn | null {
	if (!raw) return null;
	try {
		const p = JSON.parse(raw) as Record<string, unknown>;
		const ok = ['verifier', 'state', 'nonce', 'returnTo'].every((k) => typeof p[k] === 'string');
		return ok ? (p as unknown as PendingSignIn) : null;
	} catch {
		return null;
	}
}
