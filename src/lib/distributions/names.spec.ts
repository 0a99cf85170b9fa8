import { describe, expect, it } from 'vitest';
import { distributionHosts, distributionLabel } from './names';

const d = (fields: Partial<{ comment: string; aliases: string[]; domainName: string }>) => ({
	id: 'E1ABCDEF',
	comment: '',
	aliases: [],
	domainName: '',
	...fields
});

describe('distributionLabel', () => {
	it.each([
		{ why: 'the configured label wins', dist: d({ comment: 'c' }), label: 'www', out: 'www' },
		{ why: 'then the comment', dist: d({ comment: 'Shop', aliases: ['a.example'] }), out: 'Shop' },
		{
			why: 'then the first alias',
			dist: d({ aliases: ['a.example', 'b.example'] }),
			out: 'a.example'
		},
		{
			why: 'then the domain',
			dist: d({ domainName: 'd1.cloudfront.net' }),
			out: 'd1.cloudfront.net'
		},
		{ why: 'then the ID', dist: d({}), out: 'E1ABCDEF' },
		{ why: 'an empty configured label is no label', dist: d({}), label: '', out: 'E1ABCDEF' }
	])('$why', ({ dist, label, out }) => expect(distributionLabel(dist, label)).toBe(out));
});

describe('distributionHosts', () => {
	it.each([
		{
			dist: d({ aliases: ['a.example'], domainName: 'd1.cloudfront.net' }),
			out: ['a.example', 'd1.cloudfront.net']
		},
		{ dist: d({ domainName: 'd1.cloudfront.net' }), out: ['d1.cloudfront.net'] },
		{ dist: d({}), out: [] }
	])('$out', ({ dist, out }) => expect(distributionHosts(dist)).toEqual(out));
});
