import { describe, expect, it } from 'vitest';
import { exampleConfig } from './config-example';
import { loadConfig, MAX_CONFIG_BYTES } from './load-config';

// loadConfig takes the fetcher as a parameter; a platform Response stands in for the server.
const serving =
	(body: string, headers: Record<string, string> = {}, status = 200): typeof fetch =>
	async () =>
		new Response(body, { status, headers });

const padded = (bytes: number) => {
	const json = JSON.stringify(exampleConfig);
	return json.slice(0, -1) + `,"padding":"${'x'.repeat(bytes - json.length - 13)}"}`;
};

describe('loadConfig', () => {
	it('reads a valid file', async () => {
		const result = await loadConfig(serving(JSON.stringify(exampleConfig)), '/_console');
		expect(result).toMatchObject({ ok: true, config: { region: 'eu-west-1' } });
	});

	it.each([
		{
			fetcher: serving(padded(MAX_CONFIG_BYTES + 1)),
			problem: /^is 1\.0 MB, larger than the 1 MB a config file can be\. Deploy the small JSON/,
			why: 'one byte over 1 MB, no Content-Length'
		},
		{
			fetcher: serving('{', { 'content-length': String(50_000_000) }),
			problem: /^is 50\.0 MB, larger than the 1 MB/,
			why: 'a 50 MB Content-Length, refused before the body is read'
		},
		{
			fetcher: serving('{"version":'),
			problem: /^is not valid JSON: /,
			why: 'cut-off JSON'
		},
		{
			fetcher: serving('not found', {}, 404),
			problem: /^could not be loaded \(HTTP 404\)\. Deploy it next to index\.html\.$/,
			why: 'missing'
		}
	])('refuses $why, naming config.json', async ({ fetcher, problem }) => {
		const result = await loadConfig(fetcher, '/_console');
		expect(result).toMatchObject({ ok: false, url: '/_console/config.json', field: 'config.json' });
		expect(result.ok === false && result.problem).toMatch(problem);
	});

	it('accepts a file of exactly 1 MB (the limit is inclusive)', async () => {
		const body = padded(MAX_CONFIG_BYTES);
		expect(new TextEncoder().encode(body).byteLength).toBe(MAX_CONFIG_BYTES);
		expect((await loadConfig(serving(body), '')).ok).toBe(true);
	});

	it('names the bad field of a parsed file', async () => {
		const result = await loadConfig(
			serving(JSON.stringify({ ...exampleConfig, version: '1' })),
			''
		);
		expect(result).toMatchObject({ ok: false, field: 'version' });
	});
});
