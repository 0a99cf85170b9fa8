import type { CloudFrontError } from './cloudfront-errors';
import { arnOf, type DemoDistribution } from './distributions';
import { statusOf, type Invalidation } from './invalidation-store';
import { document, list, node, text } from './xml';

// Response documents with the element names of the CloudFront model
// (https://github.com/aws/aws-sdk-js-v3/blob/main/codegen/sdk-codegen/aws-models/cloudfront.json).
// Every member the model marks required is present, so app code may rely on it.

const iso = (ms: number) => new Date(ms).toISOString();

function origins(d: DemoDistribution): string {
	const o = d.origin;
	const config =
		o.kind === 's3'
			? node('S3OriginConfig', text('OriginAccessIdentity', ''))
			: node(
					'CustomOriginConfig',
					text('HTTPPort', 80),
					text('HTTPSPort', 443),
					text('OriginProtocolPolicy', 'https-only')
				);
	return list('Origins', [
		node(
			'Origin',
			text('Id', o.id),
			text('DomainName', o.domainName),
			text('OriginPath', ''),
			config
		)
	]);
}

const defaultCacheBehavior = (d: DemoDistribution) =>
	node(
		'DefaultCacheBehavior',
		text('TargetOriginId', d.origin.id),
		text('ViewerProtocolPolicy', 'redirect-to-https'),
		text('CachePolicyId', '658327ea-f89d-4fab-a63d-7e88639e58f6'),
		text('Compress', true)
	);

const aliases = (d: DemoDistribution) =>
	list(
		'Aliases',
		d.aliases.map((a) => text('CNAME', a))
	);

const viewerCertificate = () =>
	node('ViewerCertificate', text('CloudFrontDefaultCertificate', true));
const restrictions = () =>
	node(
		'Restrictions',
		node('GeoRestriction', text('RestrictionType', 'none'), text('Quantity', 0))
	);

/** The members a DistributionSummary and a DistributionConfig have in common, in model order. */
const configMembers = (d: DemoDistribution) => [
	origins(d),
	defaultCacheBehavior(d),
	list('CacheBehaviors', []),
	list('CustomErrorResponses', []),
	text('Comment', d.comment),
	text('PriceClass', d.priceClass),
	text('Enabled', true),
	viewerCertificate(),
	restrictions(),
	text('WebACLId', ''),
	text('HttpVersion', 'http2and3'),
	text('IsIPV6Enabled', true),
	text('Staging', false)
];

/** One `DistributionSummary` with all 19 required members. */
export const distributionSummary = (d: DemoDistribution, lastModified: number) =>
	node(
		'DistributionSummary',
		text('Id', d.id),
		text('ARN', arnOf(d)),
		text('ETag', d.etag),
		text('Status', 'Deployed'),
		text('LastModifiedTime', iso(lastModified)),
		text('DomainName', d.domainName),
		aliases(d),
		...configMembers(d),
		text('ConnectionMode', 'direct')
	);

export const distributionListDocument = (
	items: string[],
	marker: string,
	maxItems: number,
	nextMarker?: string
) =>
	document(
		'DistributionList',
		text('Marker', marker),
		nextMarker ? text('NextMarker', nextMarker) : '',
		text('MaxItems', maxItems),
		text('IsTruncated', nextMarker !== undefined),
		text('Quantity', items.length),
		items.length ? node('Items', ...items) : ''
	);

export const distributionDocument = (
	d: DemoDistribution,
	lastModified: number,
	inProgress: number
) =>
	document(
		'Distribution',
		text('Id', d.id),
		text('ARN', arnOf(d)),
		text('Status', 'Deployed'),
		text('LastModifiedTime', iso(lastModified)),
		text('InProgressInvalidationBatches', inProgress),
		text('DomainName', d.domainName),
		node('ActiveTrustedSigners', text('Enabled', false), text('Quantity', 0)),
		node('ActiveTrustedKeyGroups', text('Enabled', false), text('Quantity', 0)),
		node(
			'DistributionConfig',
			text('CallerReference', d.callerReference),
			aliases(d),
			text('DefaultRootObject', 'index.html'),
			...configMembers(d),
			d.cacheTagHeader ? node('CacheTagConfig', text('HeaderName', d.cacheTagHeader)) : ''
		)
	);

/**
 * CloudFront documents no order for the paths it echoes back
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Paths.html): the stack sorts
 * them, so a client that depends on getting back the order it sent fails here, not in production.
 */
const echoOrder = (paths: string[]) => [...paths].sort();

export const invalidationDocument = (inv: Invalidation, now = Date.now()) =>
	document(
		'Invalidation',
		text('Id', inv.id),
		text('Status', statusOf(inv, now)),
		text('CreateTime', iso(inv.createTime)),
		node(
			'InvalidationBatch',
			list(
				'Paths',
				echoOrder(inv.paths).map((p) => text('Path', p))
			),
			text('CallerReference', inv.callerReference)
		)
	);

/**
 * `NextMarker` only when there is a next page
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_InvalidationList.html): the SDK
 * paginator stops on its absence, not on `IsTruncated` (our observation with the pinned SDK).
 */
export const invalidationListDocument = (
	items: Invalidation[],
	marker: string,
	maxItems: number,
	nextMarker: string | undefined,
	now = Date.now()
) =>
	document(
		'InvalidationList',
		text('Marker', marker),
		nextMarker ? text('NextMarker', nextMarker) : '',
		text('MaxItems', maxItems),
		text('IsTruncated', nextMarker !== undefined),
		text('Quantity', items.length),
		items.length
			? node(
					'Items',
					...items.map((i) =>
						node(
							'InvalidationSummary',
							text('Id', i.id),
							text('CreateTime', iso(i.createTime)),
							text('Status', statusOf(i, now))
						)
					)
				)
			: ''
	);

export const errorDocument = (e: CloudFrontError, requestId: string) =>
	`<?xml version="1.0"?>\n<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">${node(
		'Error',
		text('Type', e.type),
		text('Code', e.code),
		text('Message', e.message)
	)}${text('RequestId', requestId)}</ErrorResponse>`;
