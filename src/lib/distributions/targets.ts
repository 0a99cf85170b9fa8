/**
 * The distributions one purge goes to, as the bookmarkable query `?d=<id>&d=<id>`. IDs are upper
 * case (a hand-typed lower-case one still counts), listed once each, in the order given.
 */
import { distributionIdPattern } from '$lib/config';

/** More than this on one page is more reads and queues than one screen can follow. */
export const MAX_TARGETS = 10;

export interface Targets {
	ids: string[];
	/** Values of `d` that are not distribution IDs, as given, for the message. */
	rejected: string[];
	/** True when more than MAX_TARGETS were asked for (the first ones are kept). */
	truncated: boolean;
}

/**
 * @example parseTargets(new URLSearchParams('d=e1abc&d=E2DEF&d=E1ABC')).ids // ['E1ABC', 'E2DEF']
 */
export function parseTargets(sp: URLSearchParams): Targets {
	const ids: string[] = [];
	const rejected: string[] = [];
	for (const raw of sp.getAll('d')) {
		const id = raw.trim().toUpperCase();
		if (!distributionIdPattern.test(id)) rejected.push(raw);
		else if (!ids.includes(id)) ids.push(id);
	}
	return { ids: ids.slice(0, MAX_TARGETS), rejected, truncated: ids.length > MAX_TARGETS };
}

/** The query for a set of distributions: `d=E1…&d=E2…`. */
export const targetsQuery = (ids: readonly string[]): string =>
	new URLSearchParams(ids.map((id) => ['d', id])).toString();
