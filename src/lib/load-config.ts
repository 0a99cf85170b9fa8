import { ConfigError, parseConfig, type Config } from './config';

export type ConfigResult =
	{ ok: true; config: Config } | { ok: false; url: string; field: string; problem: string };

/** Fetch `config.json` beside index.html (never cached: it changes per deployment) and validate it. */
export async function loadConfig(fetcher: typeof fetch, base: string): Promise<ConfigResult> {
	const url = `${base}/config.json`;
	let raw: unknown;
	try {
		const response = await fetcher(url, { cache: 'no-store' });
		if (!response.ok)
			return {
				ok: false,
				url,
				field: 'config.json',
				problem: `could not be loaded (HTTP ${response.status}). Deploy it next to index.html.`
			};
		raw = await response.json();
	} catch (e) {
		const why = e instanceof SyntaxError ? 'is not valid JSON' : 'could not be loaded';
		return {
			ok: false,
			url,
			field: 'config.json',
			problem: `${why}: ${e instanceof Error ? e.message : String(e)}`
		};
	}
	try {
		return { ok: true, config: parseConfig(raw, base) };
	} catch (e) {
		if (e instanceof ConfigError) return { ok: false, url, field: e.field, problem: e.problem };
		throw e;
	}
}
