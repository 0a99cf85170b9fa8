import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleServer } from '../../scripts/serve-console';
import { configFromOutputs, readOutputs } from '../deploy/outputs';
import { securityHeaders } from '../rules/csp.js';
import { IMMUTABLE } from '../rules/objects';

// The local console server (npm start, browser tests) answers as the deployed behaviour would:
// same function, same headers, same Cache-Control, same config.json check.
const sample = readOutputs(
	readFileSync(new URL('../deploy/sample-outputs.json', import.meta.url), 'utf8')
);
const config = configFromOutputs(sample);
const connectSrc = ['https://cloudfront.amazonaws.com'];
let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'console-build-'));
	mkdirSync(join(root, '_app/immutable/entry'), { recursive: true });
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>shell</title>');
	writeFileSync(join(root, '_app/immutable/entry/start.A1.js'), 'export {}');
	server = await startConsoleServer({ port: 0, root, base: '/_console', config, connectSrc });
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((done) => server.close(done));
	rmSync(root, { recursive: true });
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

describe('local console server', () => {
	it.each([
		['/_console', '/_console/'],
		['/_console?lang=en', '/_console/?lang=en']
	])('redirects %s to %s like the CloudFront Function', async (path, location) => {
		const response = await get(path);
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe(location);
	});

	it('serves the shell for a deep link, with the response headers policy’s headers', async () => {
		const response = await get('/_console/d/E1ABCDEF?tab=history');
		expect(await response.text()).toBe('<!doctype html><title>shell</title>');
		for (const [name, value] of Object.entries(securityHeaders(connectSrc)))
			expect(response.headers.get(name), name).toBe(value);
		expect(response.headers.get('cache-control')).toBe('no-cache');
	});

	it('serves hashed assets with the deploy step’s immutable Cache-Control', async () => {
		const response = await get('/_console/_app/immutable/entry/start.A1.js');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
		expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
	});

	it('serves config.json uncached, and a missing file as missing', async () => {
		const response = await get('/_console/config.json');
		expect(response.headers.get('cache-control')).toBe('no-cache');
		expect(await response.json()).toEqual(config);
		expect((await get('/_console/_app/immutable/entry/gone.js')).status).toBe(404);
	});

	it('serves nothing from a sibling folder whose name starts like the build’s', async () => {
		// `%2f` survives URL parsing, so the server is the one resolving `..`.
		const sibling = `${root}-old`;
		mkdirSync(sibling);
		writeFileSync(join(sibling, 'secret.js'), 'secret');
		try {
			const name = basename(sibling);
			const response = await get(`/_console/..%2f${name}%2fsecret.js`);
			expect(response.status).toBe(403);
			expect(await response.text()).not.toContain('secret');
		} finally {
			rmSync(sibling, { recursive: true });
		}
	});

	it('refuses to serve a config.json the deploy step would refuse', async () => {
		const bad = { ...(config as object), region: 'moon-1' };
		await expect(
			startConsoleServer({ port: 0, root, base: '/_console', config: bad, connectSrc })
		).rejects.toThrow(/region: must be an AWS Region/);
	});
});
