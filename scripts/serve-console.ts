/**
 * Serves the built console the way production does (auth-and-hosting.md §6): under a base path,
 * deep links rewritten to index.html like the CloudFront Function, `config.json` beside it, and the
 * deployment's Content-Security-Policy header on top of the build's meta policy. Dev/test only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { styleSrc } from '../csp.js';

export interface ConsoleServerOptions {
	port: number;
	root: string;
	/** e.g. `/_console`; '' serves at the root. */
	base: string;
	/** The object served as `${base}/config.json`. */
	config: unknown;
	/** Origins the app may call (Cognito, CloudFront): the header policy's connect-src. */
	connectSrc: string[];
}

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

/** The deployment's header policy (auth-and-hosting.md §6.7): no script-src here, the meta has it. */
export function headerPolicy(connectSrc: string[]): string {
	return [
		`connect-src 'self' ${connectSrc.join(' ')}`,
		"img-src 'self' data:",
		`style-src ${styleSrc.map((s) => `'${s}'`).join(' ')}`,
		"font-src 'self'",
		"object-src 'none'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"form-action 'self'"
	].join('; ');
}

export function startConsoleServer(options: ConsoleServerOptions): Promise<Server> {
	const root = resolve(options.root);
	const { base } = options;
	const security = {
		'content-security-policy': headerPolicy(options.connectSrc),
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer',
		'cross-origin-opener-policy': 'same-origin'
	};
	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path: string;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			res.writeHead(400, { 'content-type': 'text/plain' }).end('Malformed URL.');
			return;
		}
		if (base && (path === '/' || path === base)) {
			res.writeHead(301, { location: `${base}/${url.search}` }).end();
			return;
		}
		if (!path.startsWith(`${base}/`)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not part of the console.');
			return;
		}
		if (path === `${base}/config.json`) {
			res.writeHead(200, {
				'content-type': types['.json'],
				'cache-control': 'no-cache',
				...security
			});
			res.end(JSON.stringify(options.config));
			return;
		}
		// The CloudFront Function's rule: a last segment without a dot is a route of the SPA.
		const rel = path.slice(base.length);
		const last = rel.slice(rel.lastIndexOf('/') + 1);
		const file = last.includes('.') ? normalize(join(root, rel)) : join(root, 'index.html');
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		try {
			if (!(await stat(file)).isFile()) throw new Error('not a file');
			const body = await readFile(file);
			const immutable = rel.startsWith('/_app/immutable/');
			res.writeHead(200, {
				'content-type': types[extname(file)] ?? 'application/octet-stream',
				'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
				...security
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
		}
	};
	// Node ignores a listener's promise; handle answers its own errors (404/400), hence `void`.
	const server = createServer((req, res) => void handle(req, res));
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(options.port, '127.0.0.1', () => ok(server));
	});
}
