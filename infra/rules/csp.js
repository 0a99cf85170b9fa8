// The console's Content-Security-Policy, in one place: the build's meta policy (svelte.config.js
// `kit.csp`), the deployment's header (the CloudFormation template's response headers policy), the
// local console server and the tests all read it from here. Plain JS: svelte.config.js imports it.
//
// Browsers enforce every policy a page carries, so what runs is what BOTH allow
// (https://www.w3.org/TR/CSP3/#multiple-policies). The split:
// - meta (build time): every directive that does not depend on the deployment, with the hash of
//   the build's inline bootstrap script. It protects a deployment that forgot the header.
// - header (deploy time): `default-src 'none'` and an explicit allowance per resource type, with
//   connect-src naming the deployment's AWS endpoints. It cannot carry the per-build script hash
//   (the template outlives builds), so its script-src admits inline scripts and leaves the choice
//   of WHICH inline script to the meta policy's hash; the intersection runs only that one.
// frame-ancestors has effect only in a header: a meta policy drops it
// (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/frame-ancestors).
// CloudFront response headers policy: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The one inline style the console needs: SvelteKit's route announcer (a visually hidden live
// region) carries a style attribute, which `style-src 'self'` blocks (sveltejs/kit#11747). Rather
// than 'unsafe-inline', allow exactly that attribute by hash ('unsafe-hashes' covers attributes
// only). Read from kit's own source so an upgrade that changes it updates the hash, or fails loudly.
const kitRoot = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const source = readFileSync(join(kitRoot, 'src/core/sync/write_root.js'), 'utf8');
const announcerStyle = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(source)?.[1];
if (!announcerStyle) throw new Error('SvelteKit route announcer style not found: update csp.js');

/** CSP source for the announcer's style attribute. */
export const announcerStyleHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

/** `style-src` for both the meta policy and the deployment's header policy. */
export const styleSrc = ['self', 'unsafe-hashes', announcerStyleHash];

/**
 * Directives that hold for every deployment, in SvelteKit's `kit.csp.directives` form (keywords
 * unquoted). kit adds the bootstrap script's hash to script-src. No default-src or connect-src:
 * the AWS endpoints differ per deployment, and default-src would block `config.json` too.
 * @type {Record<string, string[]>}
 */
export const metaDirectives = {
	'script-src': ['self'],
	'style-src': styleSrc,
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'frame-src': ['none'],
	'child-src': ['none'],
	'media-src': ['none'],
	'object-src': ['none'],
	'form-action': ['self'],
	'base-uri': ['self']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-hashes', 'strict-dynamic']);
/** @param {string} source */
const quote = (source) =>
	KEYWORDS.has(source) || /^(sha256|sha384|sha512|nonce)-/.test(source) ? `'${source}'` : source;

/**
 * The deployment's header policy: `default-src 'none'`, then exactly what the console loads.
 * `connectSrc` lists the origins it calls (Cognito, CloudFront, or a local stand-in).
 * @param {string[]} connectSrc
 * @returns {string}
 */
export function headerPolicy(connectSrc) {
	/** @type {Record<string, string[]>} */
	const directives = {
		'default-src': ['none'],
		...metaDirectives,
		// Which inline script runs is decided by the meta policy's hash (see the top of this file).
		'script-src': ['self', 'unsafe-inline'],
		'connect-src': ['self', ...connectSrc],
		'frame-ancestors': ['none']
	};
	return Object.entries(directives)
		.map(([name, sources]) => [name, ...sources.map(quote)].join(' '))
		.join('; ');
}

/**
 * Every security header the `/_console*` behaviour sends, by lower-case name. HSTS without
 * includeSubDomains: the console shares its host with a site whose subdomains are not ours.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
 * @param {string[]} connectSrc
 * @returns {Record<string, string>}
 */
export function securityHeaders(connectSrc) {
	return {
		'content-security-policy': headerPolicy(connectSrc),
		'strict-transport-security': 'max-age=31536000',
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer',
		'cross-origin-opener-policy': 'same-origin'
	};
}

/**
 * The origins a deployment's console calls on AWS (connect-src), given the user pool's Region and
 * its domain URL (prefix or custom domain).
 * https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html
 * @param {string} region
 * @param {string} authDomainUrl
 * @returns {string[]}
 */
export const awsOrigins = (region, authDomainUrl) => [
	`https://cognito-identity.${region}.amazonaws.com`,
	`https://cognito-idp.${region}.amazonaws.com`,
	authDomainUrl,
	'https://cloudfront.amazonaws.com'
];
