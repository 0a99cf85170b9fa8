import type { CredentialStore } from './credentials';
import type { Faults } from './faults';
import type { InvalidationStore } from './invalidation-store';
import type { RequestLog } from './request-log';
import type { TokenIssuer } from './tokens';

// What the three listeners share. One object per running stack, so tests can run several stacks.

export interface StackUrls {
	/** User-pool "domain": /oauth2/*, /login, /logout. */
	auth: string;
	/** Issuer; JWKS and discovery live under it. */
	issuer: string;
	/** Cognito Identity logins key: the issuer without its scheme. */
	loginsKey: string;
	identity: string;
	cloudfront: string;
	/** Control API base (`…/_stack`). */
	control: string;
}

export interface Settings {
	completeAfterMs: number;
	tokenTtlSeconds: number;
	credentialTtlSeconds: number;
}

export interface StackContext {
	urls: StackUrls;
	settings: Settings;
	callbackUrls: readonly string[];
	logoutUrls: readonly string[];
	faults: Faults;
	credentials: CredentialStore;
	tokens: TokenIssuer;
	store: InvalidationStore;
	/** CloudFront API calls received (test-only, via the control API). */
	requests: RequestLog;
}
