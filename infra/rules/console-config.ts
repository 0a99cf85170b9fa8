/**
 * The deploy-time check of `config.json`: the app's own validator (src/lib/config.ts), plus what
 * only hosting knows (the sign-in paths must be served by this console, under its base path). The
 * deploy step, the local console server and the template's test all run it, so a file that would
 * get the app's error screen is never uploaded or served.
 */
import { ConfigError, parseConfig, type Config } from '../../src/lib/config';

/** What differs between deployments; the rest of config.json's layout is fixed here, once. */
export interface ConfigSource {
	region: string;
	identityPoolId: string;
	/** The user pool's issuer URL. */
	issuer: string;
	/** The user pool's sign-in domain (managed login), with its scheme. */
	domain: string;
	clientId: string;
	/** The console's base path: `/_console`. */
	base: string;
	/** Endpoint overrides (the local stack); AWS's own endpoints when left out. */
	endpoints?: { cloudfront: string | null; cognitoIdentity: string | null };
}

/**
 * config.json but for `distributions`, which come from where the console runs (the deploy step
 * reads the stack's DistributionIds). Written by the stack's ConsoleConfig output, where the
 * values are CloudFormation tokens, and by the local console, where they are the stack's URLs.
 * @example consoleConfigLayout({ ..., base: '/_console' }).auth.redirectPath // '/_console/auth/callback'
 */
export function consoleConfigLayout(s: ConfigSource) {
	return {
		version: 1,
		region: s.region,
		identityPoolId: s.identityPoolId,
		auth: {
			issuer: s.issuer,
			domain: s.domain,
			clientId: s.clientId,
			scopes: ['openid', 'email', 'profile'],
			identityProvider: null,
			redirectPath: `${s.base}/auth/callback`,
			logoutPath: `${s.base}/`
		},
		endpoints: s.endpoints ?? { cloudfront: null, cognitoIdentity: null },
		pricing: { freePathsPerMonth: 1000, pricePerPathUsd: 0.005 }
	};
}

/** Parse and check; throws ConfigError naming the first bad field. */
export function checkConsoleConfig(raw: unknown, base: string): Config {
	const config = parseConfig(raw, base);
	for (const field of ['redirectPath', 'logoutPath'] as const) {
		const path = config.auth[field];
		if (!path.startsWith(`${base}/`))
			throw new ConfigError(
				`auth.${field}`,
				`must be a path under the console's base path "${base}/" (the console serves it), got "${path}"`
			);
	}
	return config;
}

/** One line for a terminal: what is wrong, and that the stack outputs or flags are where to fix it. */
export function describeConfigError(error: unknown): string {
	if (error instanceof ConfigError)
		return `config.json would be invalid: ${error.field} ${error.problem}.`;
	return error instanceof Error ? error.message : String(error);
}

export { ConfigError };
