/**
 * A Vite plugin for the browser build: drop the AWS SDK's per-error classes, which the console
 * never uses, from the code every user downloads before the purge form works.
 *
 * Each SDK client registers a class and a schema for every error its service can return, at module
 * load (CloudFront: 153 of them), so no bundler can tree-shake them: about 6 KB gzip. The console
 * tells errors apart by `name`, `message` and `$metadata.httpStatusCode` only (src/lib/errors.ts),
 * and the SDK fills those in the same way for an error it has no class for: it throws the
 * service's base exception (CloudFrontServiceException) with `name` set to the error code from the
 * response, the response's message, `$metadata` and `$fault` by HTTP status
 * (`getErrorSchemaOrThrowBaseException` in @aws-sdk/core's protocols). The SDK's own retry rules
 * read the same fields (names such as Throttling, and the status). What is lost is `instanceof`
 * against a specific error class: nothing in src/ may use it (`errors.ts` says so).
 *
 * The registrations are blanked out in place (same length, same lines), so the module's source
 * map still fits. The build fails if a listed module no longer has them: the SDK's layout changed
 * and this plugin must be looked at again, rather than silently shipping the classes.
 */
/** The generated schema modules that register the error classes, by the path Vite resolves. */
export const SCHEMA_MODULES = [
	'/@aws-sdk/client-cloudfront/dist-es/schemas/schemas_0.js',
	'/@aws-sdk/nested-clients/dist-es/submodules/cognito-identity/schemas/schemas_0.js'
];

/**
 * One registration per line in the generated code, e.g.
 * `n0_registry.registerError(AccessDenied$, AccessDenied);`. The base exception's own registration
 * (`_s_registry.registerError(CloudFrontServiceException$, …)`) is kept: it is what the SDK throws
 * for every code it has no class for.
 */
const REGISTRATION = /^n0_registry\.registerError\((\w+)\$, \1\);$/gm;

/**
 * The module with its per-error registrations blanked out, and how many there were.
 * @param {string} code
 * @returns {{ code: string; dropped: number }}
 */
export function dropErrorClasses(code) {
	let dropped = 0;
	const out = code.replace(REGISTRATION, (statement) => {
		dropped++;
		return ' '.repeat(statement.length);
	});
	return { code: out, dropped };
}

/** @returns {import('vite').Plugin} */
export function sdkErrorClasses() {
	return {
		name: 'console:sdk-error-classes',
		apply: 'build',
		transform: {
			filter: { id: /[\\/]schemas_0\.js$/ },
			handler(code, id) {
				const path = id.replaceAll('\\', '/');
				if (!SCHEMA_MODULES.some((m) => path.endsWith(m))) return;
				const { code: out, dropped } = dropErrorClasses(code);
				if (dropped === 0)
					this.error(
						`${id} registers no error classes in the form this plugin knows: the AWS SDK's ` +
							'layout changed; update scripts/sdk-error-classes.mjs.'
					);
				// Nothing moved: the module's source map stays valid.
				return { code: out, map: null };
			}
		}
	};
}
