import { describe, expect, it } from 'vitest';
import type { Invalidation } from '$lib/history/invalidation';
import { RECENT_PAGE, readInFlight, type InFlightReads } from './in-flight';

const at = new Date('2026-11-30T12:00:00Z');

/**
 * A distribution's invalidations, oldest first, read as CloudFront does: ListInvalidations gives
 * the newest `maxItems` without paths; GetInvalidation gives one by ID. Counts what is asked.
 */
function distribution(all: Invalidation[]) {
	const asked = { paths: [] as string[], detail: [] as string[] };
	const byId = (id: string) => {
		const found = all.find((i) => i.id === id);
		if (!found) throw new Error(`NoSuchInvalidation ${id}`);
		return found;
	};
	const reads: InFlightReads = {
		listRecent: async (_d, maxItems) => ({
			items: all
				.slice()
				.reverse()
				.slice(0, maxItems)
				.map(({ id, status, createTime }) => ({ id, status, createTime })),
			next: all.length > maxItems ? 'more' : undefined
		}),
		paths: async (_d, id) => (asked.paths.push(id), byId(id).paths),
		detail: async (_d, id) => (asked.detail.push(id), byId(id))
	};
	return { reads, asked };
}

const inv = (id: string, status: string, paths = [`/${id}/*`]): Invalidation => ({
	id,
	status,
	createTime: at,
	callerReference: `ref-${id}`,
	paths
});
/** `n` completed invalidations by other senders. */
const others = (n: number) => Array.from({ length: n }, (_, i) => inv(`O${i}`, 'Completed'));

describe('readInFlight', () => {
	it('reads the items of every invalidation not Completed, an unknown status included', async () => {
		const { reads, asked } = distribution([
			inv('I1', 'Completed'),
			inv('I2', 'Queued'),
			inv('I3', 'InProgress')
		]);
		expect(await readInFlight('E1', reads, new Map())).toEqual([
			{ id: 'I3', status: 'InProgress', paths: ['/I3/*'] },
			{ id: 'I2', status: 'Queued', paths: ['/I2/*'] }
		]);
		expect(asked).toEqual({ paths: ['I3', 'I2'], detail: [] });
	});

	it('asks nothing for the queue’s own invalidations on the page: their items are known', async () => {
		const { reads, asked } = distribution([inv('I2', 'InProgress'), inv('I3', 'InProgress')]);
		const flights = await readInFlight('E1', reads, new Map([['I3', ['/mine']]]));
		expect(flights).toContainEqual({ id: 'I3', status: 'InProgress', paths: ['/mine'] });
		expect(asked).toEqual({ paths: ['I2'], detail: [] });
	});

	it.each([
		{ later: RECENT_PAGE - 1, detail: [], why: 'still on the page: no GetInvalidation' },
		{ later: RECENT_PAGE, detail: ['Q1'], why: 'pushed off the page: asked by its ID' },
		{ later: 250, detail: ['Q1'], why: 'far off the page: asked by its ID' }
	])(
		'a queue invalidation still running with $later newer ones by others is running ($why)',
		async ({ later, detail }) => {
			const { reads, asked } = distribution([inv('Q1', 'InProgress', ['/q/1']), ...others(later)]);
			const flights = await readInFlight('E1', reads, new Map([['Q1', ['/q/1']]]));
			expect(flights).toEqual([{ id: 'Q1', status: 'InProgress', paths: ['/q/1'] }]);
			expect(asked).toEqual({ paths: [], detail });
		}
	);

	it('a queue invalidation off the page that CloudFront reports Completed is not running', async () => {
		const { reads, asked } = distribution([inv('Q1', 'Completed'), ...others(150)]);
		expect(await readInFlight('E1', reads, new Map([['Q1', ['/q/1']]]))).toEqual([]);
		expect(asked.detail).toEqual(['Q1']);
	});

	it('fails rather than guess when the check by ID fails', async () => {
		const { reads } = distribution(others(150));
		await expect(readInFlight('E1', reads, new Map([['Q9', ['/q']]]))).rejects.toThrow('Q9');
	});
});
