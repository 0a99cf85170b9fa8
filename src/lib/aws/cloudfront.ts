/**
 * The CloudFront API, thin: build the client, send, map SDK shapes to domain types. The only
 * importer of @aws-sdk/client-cloudfront; loaded lazily so the sign-in path stays small.
 * SDK errors are told apart by `name` only (errors.ts), never by `instanceof` an SDK error class:
 * the build drops those classes (scripts/sdk-error-classes.mjs).
 */
import {
	CloudFrontClient,
	CreateInvalidationCommand,
	GetDistributionCommand,
	GetInvalidationCommand,
	ListDistributionsCommand,
	ListInvalidationsCommand,
	type DistributionSummary as SdkDistributionSummary,
	type Invalidation as SdkInvalidation
} from '@aws-sdk/client-cloudfront';
import type { Config } from '$lib/config';
import { AppFailure, isCredentialError, toAppError } from '$lib/errors';
import { newestFirst } from '$lib/history/order';
import type { Distribution, DistributionSummary } from '$lib/distributions/types';
import type { Invalidation, InvalidationPage } from '$lib/history/invalidation';
import { identityPoolCredentials } from './credentials';

export interface CloudFrontApi {
	listDistributions(): Promise<DistributionSummary[]>;
	getDistribution(id: string): Promise<Distribution>;
	createInvalidation(
		distributionId: string,
		callerReference: string,
		items: string[]
	): Promise<Invalidation>;
	/** One invalidation with its paths and CallerReference. */
	getInvalidation(distributionId: string, invalidationId: string): Promise<Invalidation>;
	/**
	 * One page of history, newest first whatever order the server used, and never more than
	 * `maxItems` even from a server that ignores MaxItems; `next` is the marker of the next page.
	 */
	listInvalidations(
		distributionId: string,
		maxItems: number,
		marker?: string
	): Promise<InvalidationPage>;
}

export function createCloudFrontApi(
	config: Config,
	userIdentifier: string,
	idToken: () => Promise<string>
): CloudFrontApi {
	const newClient = () =>
		new CloudFrontClient({
			// CloudFront is global: signing region us-east-1 whatever the pool's region
			// (https://docs.aws.amazon.com/general/latest/gr/cf_region.html).
			region: 'us-east-1',
			endpoint: config.endpoints.cloudfront ?? undefined,
			credentials: identityPoolCredentials(config, userIdentifier, idToken),
			// The SDK retries Throttling and 5xx itself, resending the identical request; a few more
			// attempts than the default 3 ride out 503 bursts. Default attempts:
			// https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html; what is retried:
			// https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts
			maxAttempts: 5
		});
	let client = newClient();

	/**
	 * Every call goes through here. Credentials revoked or expired early: get new ones (a fresh ID
	 * token) and try once more. Whatever still fails leaves as an AppFailure, so pages only render.
	 */
	async function send<T>(call: (c: CloudFrontClient) => Promise<T>): Promise<T> {
		try {
			try {
				return await call(client);
			} catch (e) {
				if (!isCredentialError(e)) throw e;
				client = newClient();
				return await call(client);
			}
		} catch (e) {
			throw new AppFailure(toAppError(e), { cause: e });
		}
	}

	return {
		async listDistributions() {
			const out: DistributionSummary[] = [];
			let marker: string | undefined;
			do {
				const { DistributionList: list } = await send((c) =>
					c.send(new ListDistributionsCommand({ Marker: marker, MaxItems: 100 }))
				);
				out.push(...(list?.Items ?? []).map(toSummary));
				marker = list?.NextMarker;
			} while (marker);
			return out;
		},
		async getDistribution(id) {
			const { Distribution: d } = await send((c) => c.send(new GetDistributionCommand({ Id: id })));
			if (!d)
				throw new AppFailure({ kind: 'unknown', message: 'CloudFront returned no distribution.' });
			const cfg = d.DistributionConfig;
			return {
				id: d.Id ?? id,
				domainName: d.DomainName ?? '',
				aliases: cfg?.Aliases?.Items ?? [],
				status: d.Status ?? 'Unknown',
				comment: cfg?.Comment ?? '',
				enabled: cfg?.Enabled ?? true,
				tagsEnabled: Boolean(cfg?.CacheTagConfig?.HeaderName)
			};
		},
		async createInvalidation(distributionId, callerReference, items) {
			const { Invalidation: inv } = await send((c) =>
				c.send(
					new CreateInvalidationCommand({
						DistributionId: distributionId,
						InvalidationBatch: {
							CallerReference: callerReference,
							// Quantity always derived from the items (InconsistentQuantities otherwise).
							Paths: { Quantity: items.length, Items: items }
						}
					})
				)
			);
			// The ID comes from the body: CloudFront's CORS does not expose the Location header to
			// browsers (recorded by the AWS SDK team: https://github.com/AllanZhengYP/cors-test, output.md).
			return toInvalidation(inv);
		},
		async getInvalidation(distributionId, invalidationId) {
			const { Invalidation: inv } = await send((c) =>
				c.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: invalidationId }))
			);
			return toInvalidation(inv);
		},
		async listInvalidations(distributionId, maxItems, marker) {
			const { InvalidationList: list } = await send((c) =>
				c.send(
					new ListInvalidationsCommand({
						DistributionId: distributionId,
						MaxItems: maxItems,
						Marker: marker
					})
				)
			);
			const items = (list?.Items ?? []).map((s) => ({
				id: s.Id ?? '',
				status: toStatus(s.Status),
				createTime: s.CreateTime ?? new Date(0)
			}));
			// NextMarker is present only when there is another page
			// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html).
			return { items: newestFirst(items).slice(0, maxItems), next: list?.NextMarker };
		}
	};
}

/** As sent: an undocumented status is shown as it is, never guessed to be in progress. */
const toStatus = (s: string | undefined) => s ?? 'Unknown';

function toSummary(d: SdkDistributionSummary): DistributionSummary {
	return {
		id: d.Id ?? '',
		domainName: d.DomainName ?? '',
		aliases: d.Aliases?.Items ?? [],
		status: d.Status ?? 'Unknown',
		comment: d.Comment ?? '',
		enabled: d.Enabled ?? true
	};
}

function toInvalidation(inv: SdkInvalidation | undefined): Invalidation {
	if (!inv?.Id)
		throw new AppFailure({ kind: 'unknown', message: 'CloudFront returned no invalidation.' });
	return {
		id: inv.Id,
		status: toStatus(inv.Status),
		createTime: inv.CreateTime ?? new Date(),
		callerReference: inv.InvalidationBatch?.CallerReference ?? '',
		paths: inv.InvalidationBatch?.Paths?.Items ?? []
	};
}
