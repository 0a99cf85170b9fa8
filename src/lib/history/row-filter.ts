/**
 * Applies a HistoryQuery to history rows. Status and dates need only the ListInvalidations
 * summary; path and submitter need the GetInvalidation detail, so a row without one is
 * `needs-detail`: the page fetches it (through the detail cache) and asks again.
 */
import type { Invalidation, InvalidationSummary } from './invalidation';
import { anyPathMatches } from './path-search';
import type { HistoryQuery } from './query';
import { submitterOf } from './submitter';

export interface HistoryRow {
	summary: InvalidationSummary;
	detail?: Invalidation;
}

export type RowMatch = 'match' | 'no-match' | 'needs-detail';

/** When a calendar day starts. The page passes `localDayStart`; tests use the UTC default. */
export type DayStart = (day: string) => Date;
export const utcDayStart: DayStart = (day) => new Date(`${day}T00:00:00Z`);
/** Midnight in the browser's time zone, which is how the page shows times. */
export const localDayStart: DayStart = (day) => new Date(`${day}T00:00:00`);

const nextDay = (day: string) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * @example matchRow({ summary }, { ...anyQuery, status: 'Completed' }) // 'no-match' if InProgress
 * @example matchRow({ summary }, { ...anyQuery, path: '/js/app.js' }) // 'needs-detail'
 */
export function matchRow(
	row: HistoryRow,
	query: HistoryQuery,
	dayStart: DayStart = utcDayStart
): RowMatch {
	const { status, createTime } = row.summary;
	if (query.status !== 'any' && status !== query.status) return 'no-match';
	if (query.from && createTime < dayStart(query.from)) return 'no-match';
	if (query.to && createTime >= dayStart(nextDay(query.to))) return 'no-match';
	if (query.path === '' && query.by === '') return 'match';
	if (!row.detail) return 'needs-detail';
	if (query.path !== '' && !anyPathMatches(row.detail.paths, query.path)) return 'no-match';
	if (query.by !== '') {
		const who = submitterOf(row.detail.callerReference);
		if (who === null || !who.toLowerCase().includes(query.by.toLowerCase())) return 'no-match';
	}
	return 'match';
}

/** The rows that match, and those still waiting for their details, both in the order given. */
export function filterRows(
	rows: readonly HistoryRow[],
	query: HistoryQuery,
	dayStart: DayStart = utcDayStart
): { matches: HistoryRow[]; needsDetail: HistoryRow[] } {
	const matches: HistoryRow[] = [];
	const needsDetail: HistoryRow[] = [];
	for (const row of rows) {
		const result = matchRow(row, query, dayStart);
		if (result === 'match') matches.push(row);
		else if (result === 'needs-detail') needsDetail.push(row);
	}
	return { matches, needsDetail };
}
