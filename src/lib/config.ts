/**
 * Runtime configuration: `config.json` beside `index.html`, written at deploy time, so one build
 * serves any account. Everything here is validated before use: a bad file
 * gets a screen naming the field, never a half-working console.
 */

export interface DistributionEntry {
	id: string;
	label: string;
}

export interface Config {
	region: string;
	identityPoolId: string;
	auth: {
		issuer: string;
		domain: string;
		clientId: string;
		scopes: string[];
		/** Absolute path on this origin, e.g. `/_console/auth/callback`. */
		redirectPath: string;
		logoutPath: string;
		identityProvider: string | null;
	};
	endpoints: { cloudfront: string | null; cognitoIdentity: string | null };
	distributions: DistributionEntry[];
	pricing: PricingConfig;
}

/** How one distribution is billed for invalidation paths, when it differs from the account's. */
export type DistributionPricingConfig =
	| { plan: 'per-path'; pricePerPathUsd: number }
	/** Declared by the deployer: AWS's pages don't say whether flat-rate plans bill paths. */
	| { plan: 'flat-rate' };

export interface PricingConfig {
	/** Free paths per month for the whole AWS account. */
	freePathsPerMonth: number;
	pricePerPathUsd: number;
	/** A purge estimated above this many dollars asks for confirmation showing the amount. */
	confirmAboveUsd: number;
	/** Keyed by distribution ID. */
	perDistribution: Record<string, DistributionPricingConfig>;
}

export class ConfigError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string
	) {
		super(`${field}: ${problem}`);
		this.name = 'ConfigError';
	}
}

/** In the message for a user pool domain with a path, and in the error screen's example. */
export const EXAMPLE_USER_POOL_DOMAIN = 'https://example-ops.auth.eu-west-1.amazoncognito.com';

type Json = Record<string, unknown>;

/**
 * A parsed JSON value for a message, short. Never String(v): `{"toString":0}` makes it throw.
 * JSON.stringify cannot throw on what JSON.parse returned.
 */
function shown(v: unknown): string {
	const json = JSON.stringify(v) ?? typeof v;
	return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, field: string): Json {
	if (!isObject(v)) throw new ConfigError(field, 'must be an object');
	return v;
}

function text(v: unknown, field: string, pattern?: RegExp, hint?: string): string {
	if (typeof v !== 'string' || v.trim() === '')
		throw new ConfigError(field, 'must be a non-empty string');
	if (pattern && !pattern.test(v))
		throw new ConfigError(field, hint ?? `has an unexpected form: ${v}`);
	return v;
}

function optionalText(v: unknown, field: string): string | null {
	if (v === undefined || v === null || v === '') return null;
	return text(v, field);
}

function httpUrl(v: unknown, field: string): string {
	// new URL() drops stray spaces, but the raw value is what gets used (e.g. in the logins key).
	const value = text(v, field, /^\S+$/, 'must be an absolute URL with no spaces');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(field, `must be an absolute URL, got "${value}"`);
	}
	if (url.protocol === 'https:') return value.replace(/\/+$/, '');
	// Plain http only for a loopback stand-in (the local stack), never for a real endpoint.
	if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return value.replace(/\/+$/, '');
	throw new ConfigError(
		field,
		`must use https:// (http:// is allowed only for localhost), got "${value}"`
	);
}

/**
 * The user pool domain is an origin: the console appends /oauth2/authorize, /oauth2/token and
 * /logout to it (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html),
 * so a path, query, fragment or user name would send the browser to a broken sign-in URL.
 */
function origin(v: unknown, field: string, example: string): string {
	const value = httpUrl(v, field);
	const url = new URL(value);
	const extras: string[] = [];
	if (url.pathname !== '/') extras.push(`a path ("${url.pathname}")`);
	if (/[?#]/.test(value)) extras.push('a query or fragment');
	if (url.username !== '' || url.password !== '') extras.push('a user name or password');
	if (extras.length)
		throw new ConfigError(
			field,
			`must be an origin only (scheme and host, e.g. "${example}"), without ${extras.join(' or ')}`
		);
	return value;
}

function optionalUrl(v: unknown, field: string): string | null {
	if (v === undefined || v === null || v === '') return null;
	return httpUrl(v, field);
}

function absolutePath(v: unknown, field: string, fallback: string): string {
	if (v === undefined || v === null) return fallback;
	return text(
		v,
		field,
		/^\/[^\s#?]*$/,
		'must be an absolute path starting with "/", e.g. "/_console/auth/callback"'
	);
}

function positiveNumber(v: unknown, field: string, fallback: number): number {
	if (v === undefined) return fallback;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
		throw new ConfigError(field, 'must be a number of zero or more');
	return v;
}

export function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

// Cognito identity pool IDs: `<region>:<guid>` (Cognito Identity API, IdentityPoolId pattern
// [\w-]+:[0-9a-f-]+ — https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html).
const identityPoolIdPattern = /^[\w-]+:[0-9a-f-]+$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;
// CloudFront distribution IDs are upper-case letters and digits (e.g. E1ABCDEF2GHIJK).
export const distributionIdPattern = /^[A-Z0-9]{1,32}$/;

/**
 * Validate a parsed `config.json`. `base` is the build's base path (e.g. `/_console`), used for the
 * default redirect and logout paths.
 * @throws ConfigError naming the first bad field.
 */
export function parseConfig(raw: unknown, base = ''): Config {
	const root = object(raw, 'config.json');
	if (root.version === '1')
		throw new ConfigError('version', 'must be the number 1, not the string "1": remove the quotes');
	if (root.version !== undefined && root.version !== 1)
		throw new ConfigError(
			'version',
			`must be 1 (this console reads version 1), got ${shown(root.version)}`
		);
	const region = text(
		root.region,
		'region',
		regionPattern,
		'must be an AWS Region such as "eu-west-1"'
	);
	const identityPoolId = text(
		root.identityPoolId,
		'identityPoolId',
		identityPoolIdPattern,
		'must look like "eu-west-1:12345678-1234-1234-1234-123456789012"'
	);
	const auth = object(root.auth, 'auth');
	const scopes = auth.scopes ?? ['openid', 'email', 'profile'];
	if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && s !== ''))
		throw new ConfigError('auth.scopes', 'must be a list of scope names, e.g. ["openid", "email"]');
	if (!scopes.includes('openid'))
		throw new ConfigError('auth.scopes', 'must include "openid" (the ID token comes with it)');
	const endpoints = root.endpoints === undefined ? {} : object(root.endpoints, 'endpoints');
	return Object.freeze({
		region,
		identityPoolId,
		auth: {
			issuer: httpUrl(auth.issuer, 'auth.issuer'),
			domain: origin(auth.domain, 'auth.domain', EXAMPLE_USER_POOL_DOMAIN),
			clientId: text(
				auth.clientId,
				'auth.clientId',
				/^[\w+]+$/,
				'must be the app client ID (letters and digits)'
			),
			scopes: scopes as string[],
			redirectPath: absolutePath(auth.redirectPath, 'auth.redirectPath', `${base}/auth/callback`),
			logoutPath: absolutePath(auth.logoutPath, 'auth.logoutPath', `${base}/`),
			identityProvider: optionalText(auth.identityProvider, 'auth.identityProvider')
		},
		endpoints: {
			cloudfront: optionalUrl(endpoints.cloudfront, 'endpoints.cloudfront'),
			cognitoIdentity: optionalUrl(endpoints.cognitoIdentity, 'endpoints.cognitoIdentity')
		},
		distributions: parseDistributions(root.distributions),
		pricing: parsePricing(root.pricing)
	});
}

// Defaults: 1,000 free paths a month per account, then $0.005 a path
// (https://aws.amazon.com/cloudfront/pricing/,
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html).
function parsePricing(v: unknown): PricingConfig {
	const pricing = v === undefined ? {} : object(v, 'pricing');
	const perDistribution =
		pricing.perDistribution === undefined
			? {}
			: object(pricing.perDistribution, 'pricing.perDistribution');
	return {
		freePathsPerMonth: wholeNumber(pricing.freePathsPerMonth, 'pricing.freePathsPerMonth', 1000),
		pricePerPathUsd: positiveNumber(pricing.pricePerPathUsd, 'pricing.pricePerPathUsd', 0.005),
		confirmAboveUsd: positiveNumber(pricing.confirmAboveUsd, 'pricing.confirmAboveUsd', 1),
		perDistribution: Object.fromEntries(
			Object.entries(perDistribution).map(([id, entry]) => [id, distributionPricing(id, entry)])
		)
	};
}

function distributionPricing(id: string, v: unknown): DistributionPricingConfig {
	const field = `pricing.perDistribution.${id}`;
	if (!distributionIdPattern.test(id))
		throw new ConfigError(field, 'must be keyed by a distribution ID such as "E1ABCDEF"');
	const entry = object(v, field);
	const plan = entry.plan ?? 'per-path';
	if (plan === 'flat-rate') {
		if (entry.pricePerPathUsd !== undefined)
			throw new ConfigError(
				`${field}.pricePerPathUsd`,
				'cannot be set with "plan": "flat-rate" (a flat-rate plan is not billed per path)'
			);
		return { plan };
	}
	if (plan !== 'per-path')
		throw new ConfigError(`${field}.plan`, 'must be "per-path" or "flat-rate"');
	if (entry.pricePerPathUsd === undefined)
		throw new ConfigError(
			`${field}.pricePerPathUsd`,
			'is required for a per-path override, e.g. 0.005 (or set "plan": "flat-rate")'
		);
	return {
		plan,
		pricePerPathUsd: positiveNumber(entry.pricePerPathUsd, `${field}.pricePerPathUsd`, 0)
	};
}

function wholeNumber(v: unknown, field: string, fallback: number): number {
	const n = positiveNumber(v, field, fallback);
	if (!Number.isSafeInteger(n))
		throw new ConfigError(field, 'must be a whole number of zero or more');
	return n;
}

function parseDistributions(v: unknown): DistributionEntry[] {
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v))
		throw new ConfigError('distributions', 'must be a list of { "id", "label" }');
	return v.map((entry, i) => {
		const field = `distributions[${i}]`;
		const o = object(entry, field);
		const id = text(
			o.id,
			`${field}.id`,
			distributionIdPattern,
			'must be a distribution ID such as "E1ABCDEF"'
		);
		const label = o.label === undefined ? id : text(o.label, `${field}.label`);
		return { id, label };
	});
}

/**
 * The logins key for the identity pool is the issuer without its scheme
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-integrating-user-pools-with-identity-pools.html).
 */
export const loginsKey = (config: Config): string => config.auth.issuer.replace(/^https?:\/\//, '');
