import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOUDFRONT_API_VERSION, distributionArn } from './constants';
import type { StackContext } from './context';
import { corsHeaders, isPreflight, preflightHeaders } from './cors';
import {
	accessDenied,
	CloudFrontError,
	invalidArgument,
	noSuchDistribution,
	noSuchInvalidation,
	serviceUnavailable,
	throttling
} from './cloudfront-errors';
import {
	distributionDocument,
	distributionListDocument,
	distributionSummary,
	errorDocument,
	invalidationDocument,
	invalidationListDocument
} from './cloudfront-xml';
import { createInvalidation } from './create-invalidation';
import { DISTRIBUTIONS, findDistribution } from './distributions';
import {
	BodyTooLargeError,
	header,
	newRequestId,
	readBody,
	send,
	splitUrl,
	type Headers,
	type Handler
} from './http';
import { accessDeniedMessage, evaluate, ROLE_POLICIES } from './iam';
import { verifySigV4 } from './sigv4-verify';

// CloudFront API 2020-05-31, REST-XML, shapes as in the model
// (https://github.com/aws/aws-sdk-js-v3/blob/main/codegen/sdk-codegen/aws-models/cloudfront.json).
// Order per request, as at AWS's front door: authenticate (SigV4) → authorise (IAM) → fault
// switches → the operation.

interface Route {
	operation: string;
	distributionId?: string;
	invalidationId?: string;
}

/** Maps method + path to an operation; labels arrive percent-encoded from the SDK. */
export function route(method: string, rawPath: string): Route | undefined {
	const parts = rawPath.split('/').slice(1);
	if (parts[0] !== CLOUDFRONT_API_VERSION || parts[1] !== 'distribution') return undefined;
	let labels: string[];
	try {
		labels = parts.slice(2).map(decodeURIComponent);
	} catch {
		return undefined;
	}
	const [distributionId, sub, invalidationId, ...rest] = labels;
	if (rest.length) return undefined;
	if (distributionId === undefined)
		return method === 'GET' ? { operation: 'ListDistributions' } : undefined;
	if (sub === undefined)
		return method === 'GET' ? { operation: 'GetDistribution', distributionId } : undefined;
	if (sub !== 'invalidation') return undefined;
	if (invalidationId !== undefined)
		return method === 'GET'
			? { operation: 'GetInvalidation', distributionId, invalidationId }
			: undefined;
	if (method === 'POST') return { operation: 'CreateInvalidation', distributionId };
	return method === 'GET' ? { operation: 'ListInvalidations', distributionId } : undefined;
}

/**
 * `MaxItems`: default 100; more than 100 is capped (both UNCONFIRMED: neither the model nor
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html states them).
 */
function maxItems(q: URLSearchParams): number {
	const raw = q.get('MaxItems');
	if (raw === null) return 100;
	if (!/^\d+$/.test(raw) || Number(raw) < 1)
		throw invalidArgument('MaxItems must be a positive integer.');
	return Math.min(Number(raw), 100);
}

export interface Reply {
	status: number;
	headers?: Headers;
	body: string;
}

export function cloudFrontApi(
	ctx: StackContext,
	control: Handler,
	lastModified: (i: number) => number
): Handler {
	const distribution = (id: string) => {
		const d = findDistribution(id);
		if (!d) throw noSuchDistribution();
		return d;
	};

	const operations: Record<
		string,
		(r: Route, q: URLSearchParams, body: Buffer, contentType?: string) => Reply
	> = {
		ListDistributions(_r, q) {
			const max = maxItems(q);
			const marker = q.get('Marker') ?? '';
			const start = marker ? DISTRIBUTIONS.findIndex((d) => d.id === marker) + 1 : 0;
			if (marker && start === 0) throw invalidArgument('The marker is not valid.');
			const page = DISTRIBUTIONS.slice(start, start + max);
			const next = start + max < DISTRIBUTIONS.length ? page[page.length - 1]?.id : undefined;
			const items = page.map((d) => distributionSummary(d, lastModified(DISTRIBUTIONS.indexOf(d))));
			return { status: 200, body: distributionListDocument(items, marker, max, next) };
		},
		GetDistribution(r) {
			const d = distribution(r.distributionId ?? '');
			const inProgress = ctx.store.inProgress(d.id).length;
			const body = distributionDocument(d, lastModified(DISTRIBUTIONS.indexOf(d)), inProgress);
			return { status: 200, headers: { ETag: d.etag }, body };
		},
		CreateInvalidation(r, _q, body, contentType) {
			const d = distribution(r.distributionId ?? '');
			const inv = createInvalidation(ctx, d, body.toString('utf8'), contentType);
			const location = `${ctx.urls.cloudfront}/${CLOUDFRONT_API_VERSION}/distribution/${d.id}/invalidation/${inv.id}`;
			return { status: 201, headers: { Location: location }, body: invalidationDocument(inv) };
		},
		GetInvalidation(r) {
			const d = distribution(r.distributionId ?? '');
			const inv = ctx.store.get(d.id, r.invalidationId ?? '');
			if (!inv) throw noSuchInvalidation();
			return { status: 200, body: invalidationDocument(inv) };
		},
		ListInvalidations(r, q) {
			const d = distribution(r.distributionId ?? '');
			const max = maxItems(q);
			const marker = q.get('Marker') ?? '';
			const page = ctx.store.page(d.id, marker || undefined, max);
			if (!page) throw invalidArgument('The marker is not valid.');
			return {
				status: 200,
				body: invalidationListDocument(page.items, marker, max, page.nextMarker)
			};
		}
	};

	/** IAM: ListDistributions has no resource type ("*"); the rest act on the distribution's ARN. */
	function authorize(roleArn: string, r: Route) {
		const action = `cloudfront:${r.operation}`;
		const d = r.distributionId;
		const resource = d === undefined ? '*' : distributionArn(d);
		const decision = evaluate(ROLE_POLICIES[roleArn], action, resource);
		if (decision !== 'allow')
			throw accessDenied(accessDeniedMessage(roleArn, action, resource, decision));
	}

	async function handle(req: IncomingMessage): Promise<Reply & { drop?: boolean }> {
		const { rawPath, query } = splitUrl(req);
		const body = await readBody(req);
		const creds = await verifySigV4({ req, rawPath, query, body }, ctx.credentials);
		const r = route(req.method ?? 'GET', rawPath);
		if (!r) throw new CloudFrontError('UnknownOperationException', 'Unknown operation.', 404);
		ctx.requests.record({
			operation: r.operation,
			distributionId: r.distributionId,
			maxItems: query.get('MaxItems') ?? undefined,
			at: new Date().toISOString()
		});
		authorize(creds.roleArn, r);
		const latency = ctx.faults.consume('latency', 'cloudfront', r.operation);
		if (latency) await ctx.faults.delay(latency.ms);
		if (ctx.faults.consume('throttle', 'cloudfront', r.operation)) throw throttling();
		if (ctx.faults.consume('server-error', 'cloudfront', r.operation)) throw serviceUnavailable();
		const reply = operations[r.operation](r, query, body, header(req, 'content-type'));
		return { ...reply, drop: !!ctx.faults.consume('drop-response', 'cloudfront', r.operation) };
	}

	return async (req: IncomingMessage, res: ServerResponse) => {
		const requestId = newRequestId();
		const base = { ...corsHeaders(), 'x-amzn-RequestId': requestId };
		if (isPreflight(req))
			return send(res, 200, { ...preflightHeaders(req), 'x-amzn-RequestId': requestId });
		if (splitUrl(req).rawPath.startsWith('/_stack/')) return control(req, res);
		try {
			const reply = await handle(req);
			// drop-response: the operation happened, but the caller never hears back.
			if (reply.drop) return void req.socket.destroy();
			send(
				res,
				reply.status,
				{ ...base, 'Content-Type': 'text/xml', ...reply.headers },
				reply.body
			);
		} catch (e) {
			const err =
				e instanceof CloudFrontError
					? e
					: e instanceof BodyTooLargeError
						? new CloudFrontError('BatchTooLarge', 'The request body is too large.', 413)
						: new CloudFrontError(
								'InternalFailure',
								'The request processing has failed because of an unknown error.',
								500
							);
			if (!(e instanceof CloudFrontError) && !(e instanceof BodyTooLargeError)) console.error(e);
			send(res, err.status, { ...base, 'Content-Type': 'text/xml' }, errorDocument(err, requestId));
		}
	};
}
