/**
 * Serves the built console the way production does: under a base path, deep links rewritten by the
 * CloudFront Function's own code, `config.json` beside it (checked as the deploy step checks it),
 * and the response headers policy's headers on top of the build's meta policy. Every rule comes
 * from infra/rules/, which the CloudFormation template uses too. Dev/test only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { securityHeaders } from '../infra/rules/csp.js';
import { checkConsoleConfig } from '../infra/rules/console-config';
import { cacheControl, contentType } from '../infra/rules/objects';
import { isResponse, rewriteHandler, viewerRequest } from '../infra/rules/rewrite';

export interface ConsoleServerOptions {
	port: number;
	root: string;
	/** e.g. `/_console`. */
	base: string;
	/** The object served as `${base}/config.json`. */
	config: unknown;
	/** Origins the app may call (Cognito, CloudFront): the header policy's connect-src. */
	connectSrc: string[];
}

export function startConsoleServer(options: ConsoleServerOptions): Promise<Server> {
	return new Promise((ok, fail) => {
		// Refuse to start with a config.json the deploy step would refuse (a throw here rejects).
		checkConsoleConfig(options.config, options.base);
		const handle = handler(options);
		// Node ignores a listener's promise; handle answers its own errors (404/400), hence `void`.
		const server = createServer((req, res) => void handle(req, res));
		server.once('error', fail);
		server.listen(options.port, '127.0.0.1', () => ok(server));
	});
}

function handler(options: ConsoleServerOptions) {
	const root = resolve(options.root);
	const { base } = options;
	const security = securityHeaders(options.connectSrc);
	const rewrite = rewriteHandler(base);
	return async (req: IncomingMessage, res: ServerResponse) => {
		const raw = req.url ?? '/';
		// The site's own root, standing in for the distribution's other behaviours.
		if (raw === '/' || raw.startsWith('/?')) {
			res.writeHead(301, { location: `${base}/` }).end();
			return;
		}
		// Only the `/_console*` behaviour is ours.
		if (!raw.startsWith(base)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not part of the console.');
			return;
		}
		const result = rewrite({ request: viewerRequest(req.method ?? 'GET', raw) });
		if (isResponse(result)) {
			const headers = Object.fromEntries(
				Object.entries(result.headers).map(([name, { value }]) => [name, value])
			);
			res.writeHead(result.statusCode, result.statusDescription, headers).end();
			return;
		}
		let path: string;
		try {
			path = decodeURIComponent(result.uri); // S3 keys are the decoded path
		} catch {
			res.writeHead(400, { 'content-type': 'text/plain' }).end('Malformed URL.');
			return;
		}
		if (!path.startsWith(`${base}/`)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not part of the console.');
			return;
		}
		const rel = path.slice(base.length);
		const headers = {
			'content-type': contentType(rel),
			'cache-control': cacheControl(rel),
			...security
		};
		if (rel === '/config.json') {
			res.writeHead(200, headers).end(JSON.stringify(options.config));
			return;
		}
		const file = normalize(join(root, rel));
		// `root + sep`: a bare prefix test would let `/../build-old/x.js` out into a sibling folder.
		if (!file.startsWith(root + sep)) {
			res.writeHead(403).end();
			return;
		}
		try {
			if (!(await stat(file)).isFile()) throw new Error('not a file');
			res.writeHead(200, headers).end(await readFile(file));
		} catch {
			// Without s3:ListBucket, S3 answers a missing key through OAC with 403; a 404 reads better here.
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
		}
	};
}
