import { describe, expect, it } from 'vitest';
import { anyQuery, type HistoryQuery } from './query';
import { filterRows, matchRow, utcDayStart, type HistoryRow } from './row-filter';

const row = (
	id: string,
	createTime: string,
	status: string,
	detail?: { paths: string[]; callerReference?: string }
): HistoryRow => {
	const summary = { id, status, createTime: new Date(createTime) };
	return {
		summary,
		detail: detail && { ...summary, callerReference: detail.callerReference ?? 'cli-1', ...detail }
	};
};

const alice = 'console:Alice@Example.com:0b9e0c52';
const rows = {
	novStart: row('I1', '2026-11-01T00:00:00Z', 'Completed', {
		paths: ['/js/*'],
		callerReference: alice
	}),
	novEnd: row('I2', '2026-11-30T23:59:59.999Z', 'InProgress', { paths: ['/js/app.js'] }),
	decStart: row('I3', '2026-12-01T00:00:00Z', 'Completed', {
		paths: ['/css/site.css'],
		callerReference: alice
	}),
	octEnd: row('I4', '2026-10-31T23:59:59.999Z', 'Completed'),
	noDetail: row('I5', '2026-11-15T12:00:00Z', 'Completed')
};

describe('matchRow', () => {
	it.each<[HistoryRow, Partial<HistoryQuery>, string, string]>([
		[rows.noDetail, {}, 'match', 'no filters'],
		[rows.novEnd, { status: 'InProgress' }, 'match', 'status'],
		[rows.novStart, { status: 'InProgress' }, 'no-match', 'another status'],
		[
			row('I9', '2026-11-02T00:00:00Z', 'Queued'),
			{ status: 'Completed' },
			'no-match',
			'an unknown status is not Completed'
		],
		[rows.novStart, { from: '2026-11-01' }, 'match', 'the first instant of "from"'],
		[rows.octEnd, { from: '2026-11-01' }, 'no-match', 'just before "from"'],
		[rows.novEnd, { to: '2026-11-30' }, 'match', 'the last instant of "to" (inclusive day)'],
		[rows.decStart, { to: '2026-11-30' }, 'no-match', 'just after "to"'],
		[rows.noDetail, { path: '/js/app.js' }, 'needs-detail', 'a path search needs the paths'],
		[rows.noDetail, { by: 'alice' }, 'needs-detail', 'the submitter needs the CallerReference'],
		[
			rows.noDetail,
			{ status: 'InProgress', path: '/x' },
			'no-match',
			'summary filters decide first, no fetch'
		],
		[rows.novStart, { path: '/js/app.js' }, 'match', 'purged by its wildcard'],
		[rows.novEnd, { path: '/js/app.js' }, 'match', 'purged by its own path'],
		[rows.decStart, { path: '/js/app.js' }, 'no-match', 'another path'],
		[rows.novStart, { by: 'alice@example' }, 'match', 'submitter, any case'],
		[rows.novEnd, { by: 'alice' }, 'no-match', 'purged outside the console'],
		[rows.novStart, { by: 'alice', path: '/css/*' }, 'no-match', 'every filter must match']
	])('%#: %s', (r, query, expected) =>
		expect(matchRow(r, { ...anyQuery, ...query }, utcDayStart)).toBe(expected)
	);

	it('takes the day boundaries from the given time zone', () => {
		// 23:30 UTC on Nov 30 is Dec 1 in UTC+1.
		const late = row('I6', '2026-11-30T23:30:00Z', 'Completed');
		const plusOne = (day: string) => new Date(`${day}T00:00:00+01:00`);
		expect(matchRow(late, { ...anyQuery, to: '2026-11-30' }, utcDayStart)).toBe('match');
		expect(matchRow(late, { ...anyQuery, to: '2026-11-30' }, plusOne)).toBe('no-match');
	});
});

describe('filterRows', () => {
	it('keeps the order, and lists the rows whose details are still needed', () => {
		const all = Object.values(rows);
		const { matches, needsDetail } = filterRows(all, {
			...anyQuery,
			path: '/js/app.js',
			from: '2026-11-01'
		});
		expect(matches.map((r) => r.summary.id)).toEqual(['I1', 'I2']);
		expect(needsDetail.map((r) => r.summary.id)).toEqual(['I5']);
	});
});
