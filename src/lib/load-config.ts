import { ConfigError, parseConfig, type Config } from './config';

export type ConfigResult =
	{ ok: true; config: Config } | { ok: false; url: string; field: string; problem: string };

/** A real config.json is about 1 KB; anything this big is the wrong file and is never parsed. */
export const MAX_CONFIG_BYTES = 1_000_000;

const tooBig = (bytes: number) =>
	`is ${(bytes / 1_000_000).toFixed(1)} MB, larger than the 1 MB a config file can be. ` +
	'Deploy the small JSON file described below, not another file under its name.';

/** Fetch `config.json` beside index.html (never cached: it changes per deployment) and validate it. */
export async function loadConfig(fetcher: typeof fetch, base: string): Promise<ConfigResult> {
	const url = `${base}/config.json`;
	const fail = (problem: string): ConfigResult => ({
		ok: false,
		url,
		field: 'config.json',
		problem
	});
	let raw: unknown;
	try {
		const response = await fetcher(url, { cache: 'no-store' });
		if (!response.ok)
			return fail(`could not be loaded (HTTP ${response.status}). Deploy it next to index.html.`);
		// Refuse before downloading when the server says how big it is, and before parsing always.
		const declared = Number(response.headers.get('content-length') ?? 0);
		if (declared > MAX_CONFIG_BYTES) {
			void response.body?.cancel(); // not read: nothing waits for the rest
			return fail(tooBig(declared));
		}
		const bytes = await response.arrayBuffer();
		if (bytes.byteLength > MAX_CONFIG_BYTES) return fail(tooBig(bytes.byteLength));
		raw = JSON.parse(new TextDecoder().decode(bytes));
	} catch (e) {
		const why = e instanceof SyntaxError ? 'is not valid JSON' : 'could not be loaded';
		return fail(`${why}: ${e instanceof Error ? e.message : String(e)}`);
	}
	try {
		return { ok: true, config: parseConfig(raw, base) };
	} catch (e) {
		if (e instanceof ConfigError) return { ok: false, url, field: e.field, problem: e.problem };
		throw e;
	}
}
