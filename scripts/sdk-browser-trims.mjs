/**
 * A Vite plugin for the browser build: cut from the AWS SDK the code the console can never run in
 * a browser, from the code every user downloads before the purge form works. Each trim is a few
 * exact edits to one SDK module; the build fails when an edit no longer finds its text (or finds
 * it twice), or when a module to trim was never part of the build: the SDK's layout changed and
 * this file must be looked at again, rather than silently shipping the code or breaking it.
 * scripts/sdk-browser-trims.spec.ts builds the SDK with this plugin and checks what each trim
 * keeps working.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * An edit finds its text exactly once, or, with `many`, once or more.
 * @typedef {{ find: string | RegExp; replace: string | ((match: string, ...groups: string[]) => string); many?: boolean }} Edit
 * @typedef {{
 *   module: string;
 *   why: string;
 *   edits: (id: string) => Edit[];
 *   check?: (code: string) => string | undefined;
 * }} Trim
 */

/**
 * `import packageInfo from "../package.json";` pulls the client's whole package.json (its
 * description, scripts, dependencies: about 1 KB gzip per client) into the bundle, for one field.
 */
const PACKAGE_JSON_IMPORT = /^import packageInfo from "((?:\.\.\/)+package\.json)";$/m;

/** @param {string} id */
const packageVersionOnly = (id) => [
	{
		find: PACKAGE_JSON_IMPORT,
		/** @param {string} _ @param {string} path */
		replace: (_, path) => {
			const { version } = JSON.parse(readFileSync(resolve(dirname(id), path), 'utf8'));
			return `const packageInfo = { version: ${JSON.stringify(version)} };`;
		}
	}
];

/** @param {string} code */
const readsOnlyVersion = (code) => {
	const uses = code.match(/\bpackageInfo\b(\.\w+)?/g) ?? [];
	const other = uses.slice(1).filter((u) => u !== 'packageInfo.version');
	return other.length
		? `reads ${other.join(', ')} of package.json, not only its version`
		: undefined;
};

/**
 * Message for the case the SDK's pure-JS SHA-256 used to cover. Web Crypto's `crypto.subtle` is
 * missing only outside a secure context (https://developer.mozilla.org/en-US/docs/Web/API/Crypto/subtle),
 * and there the console cannot sign in before ever reaching the SDK: the PKCE code challenge is
 * Web Crypto's SHA-256 too (oauth4webapi's calculatePKCECodeChallenge). The console is served
 * over https by CloudFront, or from localhost in development, both secure contexts.
 */
export const NO_WEB_CRYPTO =
	'Signing AWS requests needs Web Crypto (crypto.subtle), which browsers offer only on https:// ' +
	'pages and localhost: open the console over https.';

/** Message for the retry mode the build leaves out. */
export const NO_ADAPTIVE_RETRY =
	'The console is built without the AWS SDK\'s "adaptive" retry mode: use "standard".';

/** Message for the S3 endpoint rules the build leaves out. */
export const NO_S3 = "The console is built without the AWS SDK's S3 endpoint rules.";

/** The endpoint rule functions (`aws.*`) the console's clients call: see the trim's spec. */
export const AWS_ENDPOINT_FUNCTIONS = ['aws.partition'];

/** @type {Trim[]} */
export const TRIMS = [
	{
		module: '/@aws-sdk/client-cloudfront/dist-es/runtimeConfig.browser.js',
		why: 'the client reads only its version (for the user agent) from its package.json',
		edits: packageVersionOnly,
		check: readsOnlyVersion
	},
	{
		module: '/@aws-sdk/nested-clients/dist-es/submodules/cognito-identity/runtimeConfig.browser.js',
		why: 'the client reads only its version (for the user agent) from its package.json',
		edits: packageVersionOnly,
		check: readsOnlyVersion
	},
	{
		// Sha256WebCrypto hashes with crypto.subtle, and falls back to a pure-JS SHA-256 (Sha256Js,
		// about 1.1 KB gzip) when crypto.subtle is missing (see NO_WEB_CRYPTO) or once more than
		// 8 MiB is pending. Without the fallback it keeps everything pending for crypto.subtle,
		// which takes any size and gives the same digest.
		module: '/@smithy/core/dist-es/submodules/checksum/sha256/Sha256WebCrypto.js',
		why: 'browsers that can sign in to the console always have crypto.subtle',
		edits: () => [
			{ find: 'import { Sha256Js } from "./Sha256Js";\n', replace: '' },
			{
				find:
					'        if (this.pendingBytes >= MAX_PENDING_BYTES) {\n' +
					'            this.switchToFallback();\n' +
					'        }\n',
				replace: ''
			},
			{
				find:
					'        const sha256 = new Sha256Js(this.secret);\n' +
					'        sha256.update(data);\n' +
					'        return sha256.digest();\n',
				replace: `        throw new Error(${JSON.stringify(NO_WEB_CRYPTO)});\n`
			},
			{
				find: /\n {4}switchToFallback\(\) \{\n[^]*?\n {4}\}\n/,
				replace: '\n'
			}
		],
		check: (code) => (/Sha256Js|switchToFallback/.test(code) ? 'still uses Sha256Js' : undefined)
	},
	{
		// Adaptive mode's client-side rate limiter (DefaultRateLimiter, about 0.9 KB gzip) is used
		// only when retryMode is "adaptive". The console never sets retryMode, and the browser's
		// defaults never choose adaptive (every defaults mode says "standard" or nothing:
		// https://docs.aws.amazon.com/sdkref/latest/guide/feature-smart-config-defaults.html).
		module: '/@smithy/core/dist-es/submodules/retry/middleware-retry/configurations.js',
		why: 'the console retries in the standard mode',
		edits: () => [
			{
				find: 'import { AdaptiveRetryStrategy } from "../util-retry/AdaptiveRetryStrategy";\n',
				replace: ''
			},
			{
				find: /(\n {8}if \(adaptive\) \{\n)( {12}return new AdaptiveRetryStrategy\(maxAttemptsProvider, \{\n[^]*?\n {12}\}\);\n)/,
				replace: (_, head) =>
					`${head}            throw new Error(${JSON.stringify(NO_ADAPTIVE_RETRY)});\n`
			}
		],
		check: (code) =>
			/AdaptiveRetryStrategy/.test(code) ? 'still uses AdaptiveRetryStrategy' : undefined
	},
	{
		// S3's bucket-name rules in endpoint resolution run only for serviceId "s3"; the console's
		// clients are CloudFront and Cognito Identity.
		module:
			'/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromInstructions.js',
		why: 'the console has no S3 client',
		edits: () => [
			{ find: 'import { resolveParamsForS3 } from "../service-customizations";\n', replace: '' },
			{
				find: '        await resolveParamsForS3(endpointParams);\n',
				replace: `        throw new Error(${JSON.stringify(NO_S3)});\n`
			}
		],
		check: (code) => (/resolveParamsForS3/.test(code) ? 'still uses resolveParamsForS3' : undefined)
	},
	{
		// The endpoint rules of CloudFront and Cognito Identity call aws.partition only (checked
		// against their rules in the spec); aws.parseArn and aws.isVirtualHostableS3Bucket serve
		// S3-like services.
		module: '/@aws-sdk/core/dist-es/submodules/client/util-endpoints/aws.js',
		why: 'the console has no client whose endpoint rules parse ARNs or bucket names',
		edits: () => [
			{
				find: 'import { isVirtualHostableS3Bucket } from "./lib/aws/isVirtualHostableS3Bucket";\n',
				replace: ''
			},
			{ find: 'import { parseArn } from "./lib/aws/parseArn";\n', replace: '' },
			{ find: '    isVirtualHostableS3Bucket: isVirtualHostableS3Bucket,\n', replace: '' },
			{ find: '    parseArn: parseArn,\n', replace: '' }
		],
		check: (code) =>
			/parseArn|isVirtualHostableS3Bucket/.test(code) ? 'still registers S3 functions' : undefined
	},
	{
		// Each Region's English name ("Africa (Cape Town)"), which aws.partition copies into its
		// result and no endpoint rule reads: the rules read the partition's name, DNS suffixes and
		// FIPS and dual-stack support. The Regions themselves stay, so every Region still finds its
		// partition as before.
		module: '/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js',
		why: "endpoint rules never read a Region's description",
		edits: () => [{ find: /^ +"description": "[^"\n]*"$/m, replace: '', many: true }],
		check: (code) => (/"description"/.test(code) ? 'still has descriptions' : undefined)
	}
];

/**
 * A module with one trim's edits made. Throws when an edit finds its text other than exactly once
 * or the result fails the trim's check.
 * @param {Trim} trim
 * @param {string} code
 * @param {string} id the module's file path (package.json is read next to it)
 * @returns {string}
 */
export function applyTrim(trim, code, id) {
	let out = code;
	for (const { find, replace, many = false } of trim.edits(id)) {
		const all = typeof find === 'string' ? find : new RegExp(find.source, find.flags + 'g');
		const count =
			typeof all === 'string' ? out.split(all).length - 1 : (out.match(all) ?? []).length;
		if (many ? count === 0 : count !== 1)
			throw new Error(
				`${trim.module}: expected ${String(find).slice(0, 80)} ${many ? 'at least ' : ''}once, ` +
					`found it ${count} times`
			);
		// Same number of lines: the module's source map still fits, line by line.
		out = out.replaceAll(all, (match, ...groups) => {
			const text = typeof replace === 'string' ? replace : replace(match, ...groups);
			const lost = match.split('\n').length - text.split('\n').length;
			return text + '\n'.repeat(Math.max(0, lost));
		});
	}
	const problem = trim.check?.(out);
	if (problem) throw new Error(`${trim.module}: ${problem} after the trim`);
	return out;
}

/** @returns {import('vite').Plugin} */
export function sdkBrowserTrims() {
	/** @type {Set<string>} */
	let trimmed = new Set();
	return {
		name: 'console:sdk-browser-trims',
		apply: 'build',
		// The server build never runs the SDK; the browser build's modules are the ones trimmed.
		applyToEnvironment: (environment) => environment.name === 'client',
		buildStart() {
			trimmed = new Set();
		},
		transform: {
			filter: {
				id: /[\\/](runtimeConfig\.browser|Sha256WebCrypto|configurations|getEndpointFromInstructions|aws|partitions)\.js$/
			},
			handler(code, id) {
				const path = id.replaceAll('\\', '/');
				const trim = TRIMS.find((t) => path.endsWith(t.module));
				if (!trim) return;
				let out;
				try {
					out = applyTrim(trim, code, id);
				} catch (e) {
					this.error(
						`${/** @type {Error} */ (e).message}: the AWS SDK's layout changed; update ` +
							'scripts/sdk-browser-trims.mjs.'
					);
				}
				trimmed.add(trim.module);
				// Lines kept (applyTrim): the module's source map still fits, line by line.
				return { code: out, map: null };
			}
		},
		buildEnd(error) {
			if (error) return;
			const missed = TRIMS.filter((t) => !trimmed.has(t.module)).map((t) => t.module);
			if (missed.length)
				this.error(
					`The browser build never loaded ${missed.join(', ')}: the AWS SDK's layout changed; ` +
						'update scripts/sdk-browser-trims.mjs.'
				);
		}
	};
}
