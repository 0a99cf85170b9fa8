/**
 * The deep-link rule, loaded from the CloudFront Function's own source (console-rewrite.js) so the
 * template, the local console server and the tests run one text.
 */
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('./console-rewrite.js', import.meta.url), 'utf8');
const baseLine = "var BASE = '/_console';";
if (!source.includes(baseLine)) throw new Error(`console-rewrite.js must declare ${baseLine}`);

/** The console's prefix: starts with `/`, doesn't end with one (SvelteKit's `paths.base`). */
export function checkBase(base: string): string {
	if (!/^(\/[\w.~-]+)+$/.test(base))
		throw new Error(
			`The base path must look like "/_console" (leading slash, none at the end), got "${base}"`
		);
	return base;
}

/** The function's code for a console under `base`, as CloudFront runs it. */
export function functionSource(base: string): string {
	return source.replace(baseLine, `var BASE = ${JSON.stringify(checkBase(base))};`);
}

/** One query parameter as CloudFront Functions present it. */
export interface QueryValue {
	value: string;
	multiValue?: { value: string }[];
}
export interface ViewerRequest {
	method: string;
	uri: string;
	querystring: Record<string, QueryValue>;
	headers: Record<string, { value: string }>;
	cookies: Record<string, { value: string }>;
}
export interface FunctionResponse {
	statusCode: number;
	statusDescription: string;
	headers: Record<string, { value: string }>;
}
export type RewriteHandler = (event: {
	request: ViewerRequest;
}) => ViewerRequest | FunctionResponse;

/** The function's `handler`, evaluated from its source (it has no exports by design). */
export function rewriteHandler(base: string): RewriteHandler {
	return new Function(`${functionSource(base)}\nreturn handler;`)() as RewriteHandler;
}

/**
 * A viewer request as CloudFront passes it to the function: `uri` without the query string, query
 * parameters by name with their raw (still encoded) values, repeated names in `multiValue`.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html
 */
export function viewerRequest(method: string, rawUrl: string): ViewerRequest {
	const q = rawUrl.indexOf('?');
	const uri = q === -1 ? rawUrl : rawUrl.slice(0, q);
	const querystring: Record<string, QueryValue> = {};
	const query = q === -1 ? '' : rawUrl.slice(q + 1);
	for (const part of query.split('&').filter(Boolean)) {
		const eq = part.indexOf('=');
		const name = eq === -1 ? part : part.slice(0, eq);
		const value = eq === -1 ? '' : part.slice(eq + 1);
		const entry = querystring[name];
		if (!entry) querystring[name] = { value };
		else entry.multiValue = [...(entry.multiValue ?? [{ value: entry.value }]), { value }];
	}
	return { method, uri, querystring, headers: {}, cookies: {} };
}

export const isResponse = (r: ViewerRequest | FunctionResponse): r is FunctionResponse =>
	'statusCode' in r;
