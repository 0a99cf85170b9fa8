import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	anyQuery,
	calendarDay,
	parseHistoryQuery,
	serialiseHistoryQuery,
	type HistoryQuery
} from './query';

const parse = (qs: string) => parseHistoryQuery(new URLSearchParams(qs));

describe('parseHistoryQuery', () => {
	it.each([
		['', anyQuery, 'no filters'],
		['path=/checkout/*', { ...anyQuery, path: '/checkout/*' }, 'a wildcard path'],
		['path=%20/a%20b%20', { ...anyQuery, path: '/a b' }, 'spaces around are trimmed'],
		['status=InProgress', { ...anyQuery, status: 'InProgress' }, 'in progress'],
		['status=Completed', { ...anyQuery, status: 'Completed' }, 'completed'],
		['status=completed', anyQuery, 'status names are exact'],
		['status=Deleted', anyQuery, 'an unknown status is dropped'],
		[
			'from=2026-11-01&to=2026-11-30',
			{ ...anyQuery, from: '2026-11-01', to: '2026-11-30' },
			'a range'
		],
		['from=2026-02-30', anyQuery, 'not a real day'],
		['from=2026-13-01', anyQuery, 'month 13'],
		['to=26-11-01', anyQuery, 'a short year'],
		['to=2026-11-01T00:00', anyQuery, 'a time is not a day'],
		['from=2024-02-29', { ...anyQuery, from: '2024-02-29' }, 'a leap day'],
		['by=Alice@Example.com', { ...anyQuery, by: 'Alice@Example.com' }, 'a submitter, as typed'],
		['path=/a&path=/b', { ...anyQuery, path: '/a' }, 'the first of repeated keys']
	] as [string, HistoryQuery, string][])('%s → %o (%s)', (qs, expected) =>
		expect(parse(qs)).toEqual(expected)
	);
});

describe('serialiseHistoryQuery', () => {
	it.each([
		[anyQuery, '', 'defaults leave the URL clean'],
		[
			{ ...anyQuery, path: '/a b', status: 'InProgress' },
			'path=%2Fa+b&status=InProgress',
			'encoded'
		],
		[
			{ ...anyQuery, by: 'bob', from: '2026-11-01', path: '/x' },
			'path=%2Fx&from=2026-11-01&by=bob',
			'fixed order'
		],
		[{ ...anyQuery, from: 'soon', path: '  ' }, '', 'invalid and blank values left out']
	] as [HistoryQuery, string, string][])('%o → %s (%s)', (query, qs) =>
		expect(serialiseHistoryQuery(query)).toBe(qs)
	);
});

describe('history query properties (fast-check seed 20261130)', () => {
	const params = { seed: 20261130, numRuns: 500 };
	const day = fc
		.date({
			min: new Date('1970-01-01T00:00:00Z'),
			max: new Date('2099-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.map((d) => d.toISOString().slice(0, 10));
	const text = fc.string({ unit: 'grapheme' }).map((s) => s.trim());
	const query: fc.Arbitrary<HistoryQuery> = fc.record({
		path: text,
		status: fc.constantFrom('any', 'InProgress', 'Completed'),
		from: fc.option(day, { nil: null }),
		to: fc.option(day, { nil: null }),
		by: text
	});

	it('a query survives the URL unchanged', () => {
		fc.assert(
			fc.property(query, (q) => {
				expect(parse(serialiseHistoryQuery(q))).toEqual(q);
			}),
			params
		);
	});

	it('parsing any URL never throws and is stable once serialised', () => {
		fc.assert(
			fc.property(fc.string(), (qs) => {
				const once = serialiseHistoryQuery(parse(qs));
				expect(serialiseHistoryQuery(parse(once))).toBe(once);
			}),
			params
		);
	});

	it('calendarDay accepts exactly the days Date agrees with', () => {
		fc.assert(
			fc.property(day, (d) => {
				expect(calendarDay(d)).toBe(d);
			}),
			params
		);
	});
});
