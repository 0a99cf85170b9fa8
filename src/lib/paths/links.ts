/**
 * Links into the console: `/d/<id>?path=/a&path=/b` adds paths to the draft (they are never sent
 * without a click), and a "purge this page" bookmarklet opens that link for the page it runs on.
 */

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The draft text with the linked paths added at the end, each on its own line, skipping any line
 * already in the draft (so reloading the link adds nothing twice) and blank values.
 * @example withLinkedPaths('/a', ['/a', '/b']) // '/a\n/b'
 */
export function withLinkedPaths(draft: string, paths: readonly string[]): string {
	const present = new Set(draft.split(LINE_BREAK).map((l) => l.trim()));
	const added: string[] = [];
	for (const raw of paths) {
		// A value is a line: a link cannot smuggle several lines (or control characters) in one.
		// eslint-disable-next-line no-control-regex -- control characters are what it removes
		const path = raw.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
		if (path === '' || present.has(path)) continue;
		present.add(path);
		added.push(path);
	}
	if (added.length === 0) return draft;
	const base = draft.replace(/\s+$/, '');
	return (base === '' ? '' : base + '\n') + added.join('\n');
}

/** The `path` values of a console link, in order. */
export const linkedPaths = (params: URLSearchParams): string[] => params.getAll('path');

/**
 * A bookmarklet for "purge this page". The console is served by the same distribution it purges,
 * under `base`, so on any page of that site the console is at the same origin: the bookmarklet
 * opens `base/open?path=…`, and the console finds the distribution serving the page's host.
 */
export function bookmarklet(base: string): string {
	const target = JSON.stringify(`${base}/open?path=`);
	return `javascript:void(location.href=location.origin+${target}+encodeURIComponent(location.pathname+location.search))`;
}

/**
 * The distribution serving `host` among those the user can see (by domain name or alias; host
 * names are case-insensitive), if exactly one does.
 */
export function distributionForHost<D extends { id: string; hosts: readonly string[] }>(
	host: string,
	distributions: readonly D[]
): D | undefined {
	const h = host.toLowerCase().replace(/\.$/, '');
	const matches = distributions.filter((d) => d.hosts.some((x) => x.toLowerCase() === h));
	return matches.length === 1 ? matches[0] : undefined;
}
