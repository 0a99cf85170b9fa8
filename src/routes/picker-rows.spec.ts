import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DistributionEntry } from '$lib/config';
import type { DistributionSummary } from '$lib/distributions/types';
import { pickerRows } from './picker-rows';

/** A ListDistributions summary, as the AWS layer maps it. */
function summary(id: string, fields: Partial<DistributionSummary> = {}): DistributionSummary {
	return {
		id,
		domainName: `${id.toLowerCase()}.cloudfront.net`,
		aliases: [],
		status: 'Deployed',
		comment: '',
		enabled: true,
		...fields
	};
}

describe('pickerRows', () => {
	const configured: DistributionEntry[] = [{ id: 'E1ABCDEF', label: 'www (production)' }];

	it.each([
		{
			listed: summary('E1ABCDEF', { comment: 'site', aliases: ['www.example.com'] }),
			label: 'www (production)',
			why: 'the config names it: its label wins'
		},
		{
			listed: summary('E2GHIJKL', { comment: 'Staging site', aliases: ['staging.example.com'] }),
			label: 'Staging site',
			why: 'otherwise the distribution comment'
		},
		{
			listed: summary('E2GHIJKL', { aliases: ['staging.example.com', 'beta.example.com'] }),
			label: 'staging.example.com',
			why: 'no comment: the first alternate domain name'
		},
		{
			listed: summary('E2GHIJKL'),
			label: 'e2ghijkl.cloudfront.net',
			why: 'no alias: the CloudFront domain name'
		},
		{
			listed: summary('E2GHIJKL', { domainName: '' }),
			label: 'E2GHIJKL',
			why: 'nothing else: the ID'
		}
	])('labels a listed distribution: $why', ({ listed, label }) => {
		const [row] = pickerRows([listed], configured);
		expect(row.id).toBe(listed.id);
		expect(row.label).toBe(label);
	});

	it('gives the hosts a pasted URL may use: aliases, then the CloudFront domain', () => {
		const [row] = pickerRows(
			[summary('E1ABCDEF', { aliases: ['www.example.com', 'example.com'] })],
			[]
		);
		expect(row.hosts).toEqual(['www.example.com', 'example.com', 'e1abcdef.cloudfront.net']);
	});

	it('drops an empty domain name from the hosts', () => {
		const [row] = pickerRows([summary('E1ABCDEF', { domainName: '' })], []);
		expect(row.hosts).toEqual([]);
	});

	it('lists what ListDistributions returned, in its order, not the config list', () => {
		const rows = pickerRows([summary('E3MNOPQR'), summary('E2GHIJKL')], configured);
		expect(rows.map((r) => r.id)).toEqual(['E3MNOPQR', 'E2GHIJKL']);
	});

	it('shows an empty list when ListDistributions returned none', () => {
		expect(pickerRows([], configured)).toEqual([]);
	});

	it("falls back to the config's list when ListDistributions is not allowed", () => {
		expect(
			pickerRows(null, [
				{ id: 'E1ABCDEF', label: 'www (production)' },
				{ id: 'E2GHIJKL', label: 'E2GHIJKL' }
			])
		).toEqual([
			{ id: 'E1ABCDEF', label: 'www (production)', hosts: [] },
			{ id: 'E2GHIJKL', label: 'E2GHIJKL', hosts: [] }
		]);
	});

	it('gives every listed distribution exactly one row with a non-empty label', () => {
		const id = fc.stringMatching(/^E[A-Z0-9]{5,13}$/);
		const listed = fc.uniqueArray(
			fc.record({
				id,
				domainName: fc.oneof(fc.constant(''), fc.domain()),
				aliases: fc.array(fc.domain(), { maxLength: 3 }),
				status: fc.constant('Deployed'),
				comment: fc.string(),
				enabled: fc.boolean()
			}),
			{ selector: (d) => d.id, maxLength: 8 }
		);
		const configuredList = fc.array(fc.record({ id, label: fc.string({ minLength: 1 }) }), {
			maxLength: 4
		});
		fc.assert(
			fc.property(listed, configuredList, (l, c) => {
				const rows = pickerRows(l, c);
				expect(rows.map((r) => r.id)).toEqual(l.map((d) => d.id));
				for (const row of rows) {
					expect(row.label).not.toBe('');
					expect(row.hosts.every((h) => h !== '')).toBe(true);
				}
			})
		);
	});
});
