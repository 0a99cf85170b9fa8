import { distributionArn } from './constants';

// The three demo distributions of the README's contract table.

export interface DemoDistribution {
	id: string;
	domainName: string;
	aliases: string[];
	/** `DistributionConfig.CacheTagConfig.HeaderName`: tag items are accepted only when set. */
	cacheTagHeader?: string;
	comment: string;
	origin: { id: string; domainName: string; kind: 's3' | 'custom' };
	callerReference: string;
	etag: string;
	priceClass: 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All';
}

export const DISTRIBUTIONS: readonly DemoDistribution[] = [
	{
		id: 'E1LOCALWWW0001',
		domainName: 'd1localwww0001.cloudfront.net',
		aliases: ['www.example.test', 'example.test'],
		comment: 'www: marketing site',
		origin: { id: 'site-bucket', domainName: 'site-bucket.s3.us-east-1.amazonaws.com', kind: 's3' },
		callerReference: 'cdk-www-2026',
		etag: 'E3W1LOCALETAG1',
		priceClass: 'PriceClass_All'
	},
	{
		id: 'E2LOCALSHOP001',
		domainName: 'd2localshop001.cloudfront.net',
		aliases: ['shop.example.test'],
		cacheTagHeader: 'Cache-Tag',
		comment: 'shop: storefront',
		origin: { id: 'shop-alb', domainName: 'shop-origin.example.test', kind: 'custom' },
		callerReference: 'cdk-shop-2026',
		etag: 'E3W2LOCALETAG2',
		priceClass: 'PriceClass_100'
	},
	{
		id: 'E3LOCALDATA001',
		domainName: 'd3localdata001.cloudfront.net',
		aliases: ['data.example.test'],
		comment: 'data: public datasets',
		origin: { id: 'data-bucket', domainName: 'data-bucket.s3.us-east-1.amazonaws.com', kind: 's3' },
		callerReference: 'cdk-data-2026',
		etag: 'E3W3LOCALETAG3',
		priceClass: 'PriceClass_200'
	}
];

export const DISTRIBUTION_IDS = DISTRIBUTIONS.map((d) => d.id);

export const findDistribution = (id: string): DemoDistribution | undefined =>
	DISTRIBUTIONS.find((d) => d.id === id);

export const arnOf = (d: DemoDistribution) => distributionArn(d.id);
