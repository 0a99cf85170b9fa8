/**
 * The deploy-time check of `config.json`: the app's own validator (src/lib/config.ts), plus what
 * only hosting knows (the sign-in paths must be served by this console, under its base path). The
 * deploy step, the local console server and the template's test all run it, so a file that would
 * get the app's error screen is never uploaded or served.
 */
import { ConfigError, parseConfig, type Config } from '../../src/lib/config';

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
