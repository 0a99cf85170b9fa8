import { describe, expect, it } from 'vitest';
import { newestFirst } from './order';

const row = (id: string, iso: string) => ({ id, createTime: new Date(iso) });

describe('newestFirst', () => {
	it.each([
		{
			why: 'a server that lists oldest first',
			rows: [row('A', '2026-01-01T00:00:00Z'), row('B', '2026-01-02T00:00:00Z')],
			ids: ['B', 'A']
		},
		{
			why: 'already newest first stays as it is',
			rows: [row('B', '2026-01-02T00:00:00Z'), row('A', '2026-01-01T00:00:00Z')],
			ids: ['B', 'A']
		},
		{
			why: 'equal times keep the server order',
			rows: [row('X', '2026-01-01T00:00:00Z'), row('Y', '2026-01-01T00:00:00Z')],
			ids: ['X', 'Y']
		},
		{ why: 'nothing', rows: [], ids: [] }
	])('$why', ({ rows, ids }) => {
		expect(newestFirst(rows).map((r) => r.id)).toEqual(ids);
	});

	it('does not reorder its input', () => {
		const rows = [row('A', '2026-01-01T00:00:00Z'), row('B', '2026-01-02T00:00:00Z')];
		newestFirst(rows);
		expect(rows.map((r) => r.id)).toEqual(['A', 'B']);
	});
});
