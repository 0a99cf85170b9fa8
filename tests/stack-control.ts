import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { E2E_PORTS } from './ports';

/** The local stack's control API (test-only switches; see local-stack/README.md). */
const CONTROL = `http://127.0.0.1:${E2E_PORTS.stack.cloudfront}/_stack`;

async function call(method: string, path: string, body?: unknown) {
	const res = await fetch(`${CONTROL}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
	const text = await res.text();
	return text ? (JSON.parse(text) as unknown) : undefined;
}

export type FaultKind =
	| 'throttle'
	| 'server-error'
	| 'latency'
	| 'drop-response'
	| 'expire-credentials'
	| 'fail-refresh'
	| 'identity-error'
	| 'foreign-signing-key';

export const stack = {
	addFault: (fault: { kind: FaultKind; operation?: string; count?: number; ms?: number }) =>
		call('POST', '/faults', fault),
	clearFaults: () => call('DELETE', '/faults'),
	/** Requests a latency fault is still holding. */
	delaying: async () => ((await call('GET', '/faults')) as { delaying: number }).delaying,
	/**
	 * Re-seeds the history: in-progress invalidations a test left behind are gone. `distributionId`
	 * puts the whole seeded history on that one distribution.
	 */
	reset: (opts: { seedCount?: number; seed?: number; distributionId?: string } = {}) =>
		call('POST', '/reset', opts),
	settings: (s: {
		completeAfterMs?: number;
		tokenTtlSeconds?: number;
		credentialTtlSeconds?: number;
	}) => call('POST', '/settings', s),
	/** Completes an invalidation now (the page learns it on its next read). */
	complete: (distributionId: string, id: string) =>
		call('POST', '/complete', { distributionId, id }),
	/** The CloudFront API calls the stack received since `clearRequests`, oldest first. */
	async requests(operation: string, distributionId: string) {
		const q = new URLSearchParams({ operation, distributionId });
		const body = (await call('GET', `/requests?${q}`)) as {
			requests: { operation: string; distributionId?: string; maxItems?: string; at: string }[];
		};
		return body.requests;
	},
	clearRequests: () => call('DELETE', '/requests'),
	async invalidations(distributionId: string) {
		const body = (await call('GET', `/invalidations?distributionId=${distributionId}`)) as {
			invalidations: {
				id: string;
				status: string;
				/** ISO 8601. */
				createTime: string;
				callerReference: string;
				paths: string[];
			}[];
		};
		return body.invalidations;
	},
	/**
	 * Another sender's purge (a deploy pipeline, a colleague): a real signed CreateInvalidation
	 * with the stack's all-access test credentials. Returns the new invalidation's ID.
	 */
	async createInvalidation(distributionId: string, items: string[]) {
		const [id] = await stack.createInvalidations(distributionId, [items]);
		return id;
	},
	/** Several such purges, one after the other, oldest first; returns their IDs. */
	async createInvalidations(distributionId: string, batches: string[][]) {
		const c = (await call('POST', '/credentials', {})) as {
			accessKeyId: string;
			secretAccessKey: string;
			sessionToken: string;
		};
		const client = new CloudFrontClient({
			region: 'us-east-1',
			endpoint: `http://127.0.0.1:${E2E_PORTS.stack.cloudfront}`,
			credentials: {
				accessKeyId: c.accessKeyId,
				secretAccessKey: c.secretAccessKey,
				sessionToken: c.sessionToken
			}
		});
		const ids: string[] = [];
		for (const items of batches) {
			const out = await client.send(
				new CreateInvalidationCommand({
					DistributionId: distributionId,
					InvalidationBatch: {
						CallerReference: `pipeline-${Date.now()}-${Math.random()}`,
						Paths: { Quantity: items.length, Items: items }
					}
				})
			);
			ids.push(out.Invalidation?.Id ?? '');
		}
		client.destroy();
		return ids;
	}
};
