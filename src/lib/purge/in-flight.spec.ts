import { describe, expect, it } from 'vitest';
import { readInFlight, type InFlightReads } from './in-flight';

const at = new Date('2026-11-30T12:00:00Z');
const reads = (asked: string[]): InFlightReads => ({
	listRecent: async () => ({
		items: [
			{ id: 'I3', status: 'InProgress', createTime: at },
			{ id: 'I2', status: 'Queued', createTime: at },
			{ id: 'I1', status: 'Completed', createTime: at }
		]
	}),
	paths: async (_d, id) => (asked.push(id), [`/${id}/*`])
});

describe('readInFlight', () => {
	it('reads the items of every invalidation not Completed, an unknown status included', async () => {
		const asked: string[] = [];
		expect(await readInFlight('E1', reads(asked), new Map())).toEqual([
			{ id: 'I3', status: 'InProgress', paths: ['/I3/*'] },
			{ id: 'I2', status: 'Queued', paths: ['/I2/*'] }
		]);
		expect(asked).toEqual(['I3', 'I2']);
	});

	it('asks nothing for the queue’s own invalidations: their items are known', async () => {
		const asked: string[] = [];
		const flights = await readInFlight('E1', reads(asked), new Map([['I3', ['/mine']]]));
		expect(flights[0].paths).toEqual(['/mine']);
		expect(asked).toEqual(['I2']);
	});
});
