/**
 * The history page's filters live in the URL so a search can be bookmarked and shared:
 * `?path=/checkout/*&status=InProgress&from=2026-11-01&to=2026-11-30&by=alice@example.com`.
 * Parsing never throws: a value that makes no sense is dropped, the rest is kept.
 */

export type StatusFilter = 'any' | 'InProgress' | 'Completed';

export interface HistoryQuery {
	/** A path, a substring, or a CloudFront-style prefix ending in `*`; '' for any. */
	path: string;
	status: StatusFilter;
	/** Calendar days `YYYY-MM-DD`, both inclusive; null for open-ended. */
	from: string | null;
	to: string | null;
	/** Part of the submitter's email, any case; '' for anyone. */
	by: string;
}

export const anyQuery: HistoryQuery = { path: '', status: 'any', from: null, to: null, by: '' };

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in `YYYY-MM-DD` form, or null (`2026-02-30` is not one). */
export function calendarDay(value: string | null): string | null {
	const m = value ? dayPattern.exec(value.trim()) : null;
	if (!m) return null;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === m[0] && Number(m[1]) >= 1970 ? m[0] : null;
}

/**
 * @example parseHistoryQuery(new URLSearchParams('path=/checkout/*&status=Completed&from=2026-13-01'))
 * // → { path: '/checkout/*', status: 'Completed', from: null, to: null, by: '' }
 */
export function parseHistoryQuery(params: URLSearchParams): HistoryQuery {
	const status = params.get('status');
	return {
		path: (params.get('path') ?? '').trim(),
		status: status === 'InProgress' || status === 'Completed' ? status : 'any',
		from: calendarDay(params.get('from')),
		to: calendarDay(params.get('to')),
		by: (params.get('by') ?? '').trim()
	};
}

/**
 * The query string for `query`, defaults left out, in a fixed order (so equal queries give equal
 * URLs). Pass it to `goto('?' + …, { replaceState: true, keepFocus: true, noScroll: true })`.
 * @example serialiseHistoryQuery({ ...anyQuery, path: '/a b', status: 'InProgress' })
 * // 'path=%2Fa+b&status=InProgress'
 */
export function serialiseHistoryQuery(query: HistoryQuery): string {
	const params = new URLSearchParams();
	if (query.path.trim()) params.set('path', query.path.trim());
	if (query.status !== 'any') params.set('status', query.status);
	const from = calendarDay(query.from);
	const to = calendarDay(query.to);
	if (from) params.set('from', from);
	if (to) params.set('to', to);
	if (query.by.trim()) params.set('by', query.by.trim());
	return params.toString();
}
