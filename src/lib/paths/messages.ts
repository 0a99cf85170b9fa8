/**
 * The words of every message about a paste, and its one-click fixes, from the plain data the
 * rules record (types.ts Diagnostic). The only place the texts live: the rules record a code and
 * a few values, and the words are built here when a message is shown (most of a large paste's
 * messages never are). Sources of the rules:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html
 */
import { formatCount as n } from './format-count';
import { MAX_PATH_LENGTH, MAX_TAG_LENGTH } from './check-item';
import { MAX_FILES_IN_PROGRESS, MAX_ITEMS_PER_REQUEST, MAX_WILDCARDS_IN_PROGRESS } from './limits';
import type { Diagnostic, DiagnosticCode, Fix, Message, Severity } from './types';

/** Errors block sending; warnings point at a likely mistake; information says what was done. */
export const SEVERITY_OF: Readonly<Record<DiagnosticCode, Severity>> = {
	'url-elsewhere': 'error',
	'url-not-path': 'error',
	'control-character': 'error',
	tilde: 'error',
	'too-long': 'error',
	'tags-off': 'error',
	'tag-empty': 'error',
	'tag-characters': 'error',
	'tag-too-long': 'error',
	'star-inside': 'warning',
	'encoded-star': 'warning',
	query: 'warning',
	'separator-at-end': 'warning',
	'case-twin': 'warning',
	'bare-name': 'warning',
	'url-path': 'info',
	'slash-added': 'info',
	encoded: 'info',
	'query-kept': 'info',
	root: 'info',
	everything: 'info',
	list: 'info',
	duplicate: 'info',
	folded: 'info',
	siblings: 'info',
	'items-over': 'info',
	'files-over': 'info',
	'wildcards-over': 'info'
};

export const severityOf = (d: Diagnostic): Severity => SEVERITY_OF[d.code];

/** The message's words: what is wrong or what was done, and how to fix it. */
export function messageOf(d: Diagnostic): string {
	switch (d.code) {
		// Paths are relative to the distribution (paths page), so a URL on its own host is its path.
		case 'url-elsewhere':
			return `${d.host} is not served by this distribution (it serves ${d.hosts.join(', ')}). Paste a URL on one of those hosts, or just its path.`;
		case 'url-not-path':
			return 'Paste the path (such as /images/a.jpg), not the full URL.';
		case 'url-path':
			return `URL on this distribution: its path ${d.value} is used.`;
		// Control characters can't be sent raw and mean nothing as a URL (RFC 1738 §2.2).
		case 'control-character':
			return 'Contains a control character (such as a tab). Remove it.';
		// "~" is not supported, encoded or not: %7E is accepted but invalidates nothing (paths page).
		case 'tilde':
			return `CloudFront does not support "~" in paths, encoded or not. Use a wildcard that stops before it, such as ${d.wildcard}`;
		case 'slash-added':
			return `Paths start with "/": sent as ${d.value}`;
		// Paths page: "The maximum length of a path is 4,000 characters."
		case 'too-long':
			return `Too long: ${n(d.length)} characters once encoded; CloudFront allows ${n(MAX_PATH_LENGTH)}. Use a wildcard for a shorter prefix.`;
		case 'encoded':
			return `Sent encoded as ${d.value}`;
		// `*` is a wildcard only as the last character; `%2A` never is (paths page).
		case 'star-inside': {
			const star = d.value.indexOf('*');
			return `"*" is a wildcard only as the last character; here it means a literal asterisk. To purge everything starting with ${d.value.slice(0, star)}, use ${d.value.slice(0, star + 1)}`;
		}
		case 'encoded-star':
			return `"%2A" is not a wildcard: it matches a literal "*" only. For a wildcard, use ${encodedStarWildcard(d.value)}`;
		// Paths page, "Invalidating objects with query strings": a query string matters only when
		// the cache key includes query strings.
		case 'query-kept':
			return `Sent with its query string, as you asked.`;
		case 'query': {
			const bare = beforeQuery(d.value);
			return `CloudFront invalidates ${d.value} only if this distribution's cache key includes query strings. Otherwise purge ${bare}; ${bare}* purges every variant.`;
		}
		// A legal character, but a list's separator more often than part of a name.
		case 'separator-at-end':
			return `Ends with "${d.value.slice(-1)}", which is sent as part of the path. If it separated a list, remove it.`;
		case 'root':
			return '"/" purges only the home page (the root URL). To purge everything, use /*.';
		case 'everything':
			return '"/*" purges every object of the distribution (1 path, 1 of the 15 wildcard slots). To purge only the home page, use /.';
		// Tags page: cache tags need a CacheTagConfig; "up to 256 characters".
		case 'tags-off':
			return 'Cache tags work only on a distribution with a cache tag header configured, and this one has none. To purge a path that starts with "#", encode it as %23.';
		case 'tag-empty':
			return 'Empty tag: write the tag after "#", such as #product-42.';
		case 'tag-characters':
			return 'Tags use visible ASCII characters only, with no spaces or commas.';
		case 'tag-too-long':
			return `Tags are at most ${MAX_TAG_LENGTH} characters; this one has ${d.length}.`;
		case 'list':
			return `A list of ${d.count} on one line: each is checked and sent on its own.`;
		case 'duplicate':
			return `Same as line ${d.of}: sent once.`;
		// Paths are case-sensitive (paths page).
		case 'case-twin':
			return `Differs from line ${d.of} (${d.twin}) only by case. Paths are case-sensitive: both are sent, as two objects.`;
		// `*` matches zero or more characters at the end (paths page).
		case 'folded':
			return `Covered by ${d.by} (line ${d.of}): not sent separately.`;
		// `/dir` and `/dir/` are different objects (paths page).
		case 'bare-name': {
			const v = d.value;
			return `${v} and ${v}/ are different objects in CloudFront's cache. If ${v} is a directory, purge ${v}/ too, or use ${v}* for it and everything under it.`;
		}
		// A wildcard is billed as one path however many files it covers (pricing page).
		case 'siblings':
			return `${n(d.count)} paths are in ${d.dir}: one wildcard, ${d.dir}*, would save ${n(d.count - 1)} paths (it also purges everything else under ${d.dir}).`;
		// Limits page. Going over is not an error: the purge page sends a queue of invalidations.
		case 'items-over':
			return `${n(d.count)} items: one request carries at most ${n(MAX_ITEMS_PER_REQUEST)}, ${n(d.count - MAX_ITEMS_PER_REQUEST)} over: it goes out as a queue of several invalidations. Wildcards for whole directories would make it smaller.`;
		case 'files-over':
			return `${n(d.count)} file paths${d.tags ? ' and tags' : ''}: CloudFront allows ${n(MAX_FILES_IN_PROGRESS)} in progress at once, ${n(d.count - MAX_FILES_IN_PROGRESS)} over: the queue sends the rest as earlier ones complete.`;
		case 'wildcards-over':
			return `${n(d.count)} wildcard paths: CloudFront allows ${MAX_WILDCARDS_IN_PROGRESS} in progress at once, ${n(d.count - MAX_WILDCARDS_IN_PROGRESS)} over: the queue sends the rest as earlier ones complete. Fewer, broader wildcards would be quicker.`;
	}
}

/** The message's one-click fixes, each labelled with its result. */
export function fixesOf(d: Diagnostic): Fix[] {
	const { line, piece } = d;
	const replace = (label: string, text: string): Fix => ({
		label,
		edits: [{ line, piece, text }]
	});
	const use = (text: string) => replace(`Use ${text}`, text);
	switch (d.code) {
		// Never offer the whole distribution as a one-click fix.
		case 'tilde':
			return d.wildcard === '/*' ? [] : [use(d.wildcard)];
		case 'star-inside':
			return [use(d.value.slice(0, d.value.indexOf('*') + 1))];
		case 'encoded-star':
			return [use(encodedStarWildcard(d.value))];
		case 'query': {
			const bare = beforeQuery(d.value);
			return [use(bare), use(`${bare}*`)];
		}
		case 'separator-at-end':
			return [use(d.value.slice(0, -1))];
		case 'root':
			return [use('/*')];
		case 'everything':
			return [use('/')];
		// Editing a piece of a list rewrites its line one item per line (fix.ts).
		case 'list':
			return [{ label: 'Put one per line', edits: [{ line, piece: 0, text: d.first }] }];
		// Removes the one item, not its whole line (a line may hold a list): the label names it.
		case 'duplicate':
		case 'case-twin':
			return [replace(`Remove ${d.input}`, '')];
		case 'bare-name':
			return [replace(`Add ${d.value}/`, `${d.value}\n${d.value}/`), use(`${d.value}*`)];
		case 'siblings':
			return [{ ...use(`${d.dir}*`), remove: d.remove }];
		default:
			return [];
	}
}

/** The message in words, with its severity and fixes: what a row on the page shows. */
export const describe = (d: Diagnostic): Message => ({
	line: d.line,
	severity: SEVERITY_OF[d.code],
	input: d.input,
	message: messageOf(d),
	fixes: fixesOf(d)
});

const beforeQuery = (value: string) => value.slice(0, value.indexOf('?'));
const encodedStarWildcard = (value: string) => value.slice(0, /%2a/i.exec(value)!.index) + '*';
