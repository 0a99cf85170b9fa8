import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv, toJson } from './export';
import type { Invalidation } from './invalidation';

const inv = (over: Partial<Invalidation> = {}): Invalidation => ({
	id: 'I2J0I21PCUYOIK',
	status: 'Completed',
	createTime: new Date('2026-11-02T10:00:00Z'),
	callerReference: 'console:alice@example.com:0b9e',
	paths: ['/js/app.js', '/img/*'],
	...over
});

describe('csvCell', () => {
	it.each([
		['/js/app.js', '/js/app.js', 'plain'],
		['a,b', '"a,b"', 'a comma is quoted'],
		['say "hi"', '"say ""hi"""', 'quotes are doubled'],
		['/a\n/b', '"/a\n/b"', 'a line break is quoted'],
		['=1+1', "'=1+1", 'a formula is defused'],
		['+1', "'+1", 'plus'],
		['-1', "'-1", 'minus'],
		['@SUM(A1)', "'@SUM(A1)", 'at'],
		['\t=1', "'\t=1", 'a leading tab'],
		['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"', 'defused and quoted'],
		['#sale', '#sale', 'a tag is not a formula'],
		['', '', 'empty']
	])('%j → %j (%s)', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('toCsv', () => {
	it('writes a header and one row per invalidation, with CRLF line ends', () => {
		const csv = toCsv([inv(), inv({ id: 'I2', callerReference: '=cmd|calc', paths: [] })]);
		expect(csv).toBe(
			'id,created,status,submitter,caller_reference,path_count,paths\r\n' +
				'I2J0I21PCUYOIK,2026-11-02T10:00:00.000Z,Completed,alice@example.com,console:alice@example.com:0b9e,2,"/js/app.js\n/img/*"\r\n' +
				"I2,2026-11-02T10:00:00.000Z,Completed,,'=cmd|calc,0,\r\n"
		);
	});

	it('no cell ever starts a formula, and quoting round-trips (fast-check seed 20261130)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (value) => {
				const cell = csvCell(value);
				const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
				expect(unquoted).toMatch(/^(?![=+\-@\t\r])/);
				expect([value, `'${value}`]).toContain(unquoted);
				if (!cell.startsWith('"')) expect(cell).not.toMatch(/[",\r\n]/);
			}),
			{ seed: 20261130, numRuns: 500 }
		);
	});
});

describe('toJson', () => {
	it('gives ISO times, the submitter or null, and every path', () => {
		expect(JSON.parse(toJson([inv(), inv({ id: 'I2', callerReference: 'cli-1' })]))).toEqual([
			{
				id: 'I2J0I21PCUYOIK',
				createTime: '2026-11-02T10:00:00.000Z',
				status: 'Completed',
				submitter: 'alice@example.com',
				callerReference: 'console:alice@example.com:0b9e',
				paths: ['/js/app.js', '/img/*']
			},
			{
				id: 'I2',
				createTime: '2026-11-02T10:00:00.000Z',
				status: 'Completed',
				submitter: null,
				callerReference: 'cli-1',
				paths: ['/js/app.js', '/img/*']
			}
		]);
	});
});
