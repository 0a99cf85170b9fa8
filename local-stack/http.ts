import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Plumbing shared by the three listeners: no framework, so the wire stays exactly as written.

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export type Headers = Record<string, string | string[]>;

/** Large enough for a 3,001-path BatchTooLarge probe; far above any real request. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		size += buf.length;
		if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
		chunks.push(buf);
	}
	return Buffer.concat(chunks);
}

export function send(
	res: ServerResponse,
	status: number,
	headers: Headers,
	body?: string | Buffer
) {
	if (res.headersSent || res.destroyed) return;
	const payload = body === undefined ? undefined : Buffer.from(body);
	res.writeHead(status, { ...headers, 'Content-Length': String(payload?.length ?? 0) });
	res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, headers: Headers, value: unknown) {
	send(res, status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(value));
}

/** Every AWS response carries a request id; the SDK copies it into `$metadata.requestId`. */
export const newRequestId = (): string => randomUUID();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Path and query of `req.url`, with the path left percent-encoded (SigV4 needs it raw). */
export function splitUrl(req: IncomingMessage): { rawPath: string; query: URLSearchParams } {
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	return q < 0
		? { rawPath: url, query: new URLSearchParams() }
		: { rawPath: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) };
}

export function header(req: IncomingMessage, name: string): string | undefined {
	const v = req.headers[name.toLowerCase()];
	return Array.isArray(v) ? v.join(',') : v;
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
	const out = new Map<string, string>();
	for (const part of (header(req, 'cookie') ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
	}
	return out;
}
