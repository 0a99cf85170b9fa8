/**
 * The rules for one item on its own. Sources:
 * Paths: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * Tags:  https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import { encodePath, hasControlCharacter } from './encode';
import type { ItemKind, Severity } from './types';
import { formatCount } from './format-count';

export const MAX_PATH_LENGTH = 4000; // paths page: "The maximum length of a path is 4,000 characters."
export const MAX_TAG_LENGTH = 256; // tags page: "up to 256 characters"

export const classify = (item: string): ItemKind =>
	item.startsWith('#') ? 'tag' : item.endsWith('*') ? 'wildcard' : 'file';

/** A message about one item; `fixes` replace the item with the given text ('' removes it). */
export interface ItemMessage {
	severity: Severity;
	message: string;
	fixes: { label: string; text: string }[];
}

export interface CheckedItem {
	/** What will be sent; absent when the item has an error. */
	value?: string;
	kind: ItemKind;
	messages: ItemMessage[];
}

export interface ItemOptions {
	hosts: readonly string[];
	tagsEnabled: boolean;
	keepQueryStrings: boolean;
}

const msg = (severity: Severity, message: string, ...fixes: ItemMessage['fixes']): ItemMessage => ({
	severity,
	message,
	fixes
});
const use = (text: string) => ({ label: `Use ${text}`, text });

// A fragment never reaches CloudFront (RFC 3986 §3.5), so it is no part of the cached path.
const URL_PATTERN = /^https?:\/\/([^/?#]+)([^#]*)/i;

/** Add an error to `result` and return it. (Not a closure in checkItem: one item in ten of a
 * 100,000-line paste is checked here, and a closure per call showed in the profile.) */
function fail(result: CheckedItem, message: string, ...fixes: ItemMessage['fixes']): CheckedItem {
	result.messages.push(msg('error', message, ...fixes));
	return result;
}

/** Check one item (already trimmed, one of a line's pieces). */
export function checkItem(input: string, options: ItemOptions): CheckedItem {
	if (input.startsWith('#')) return checkTag(input, options.tagsEnabled);
	const result: CheckedItem = { kind: classify(input), messages: [] };
	let path = input;
	// Cheap tests first: the regular expressions below run only on items that can match them
	// (one line in ten of a 100,000-line paste comes here).
	const url = (path.charCodeAt(0) | 0x20) === 0x68 ? URL_PATTERN.exec(path) : null; // h or H
	if (url) {
		const host = url[1].toLowerCase().replace(/:\d+$/, '');
		if (!options.hosts.includes(host))
			return fail(
				result,
				options.hosts.length > 0
					? `${host} is not served by this distribution (it serves ${options.hosts.join(', ')}). Paste a URL on one of those hosts, or just its path.`
					: 'Paste the path (such as /images/a.jpg), not the full URL.'
			);
		// Paths are relative to the distribution (paths page), so a URL on its own host is its path.
		path = url[2] === '' ? '/' : url[2].startsWith('/') ? url[2] : '/' + url[2];
		result.messages.push(msg('info', `URL on this distribution: its path ${path} is used.`));
	}
	if (hasControlCharacter(path))
		return fail(result, 'Contains a control character (such as a tab). Remove it.');
	// "~" is not supported, encoded or not: %7E is accepted but invalidates nothing (paths page).
	const tilde = path.includes('~') || path.includes('%') ? /~|%7e/i.exec(path) : null;
	if (tilde) {
		const before = path.slice(0, tilde.index);
		const wildcard = encodePath(before.startsWith('/') ? before : '/' + before) + '*';
		const message = `CloudFront does not support "~" in paths, encoded or not. Use a wildcard that stops before it, such as ${wildcard}`;
		// Never offer the whole distribution as a one-click fix.
		return wildcard === '/*' ? fail(result, message) : fail(result, message, use(wildcard));
	}
	if (!path.startsWith('/')) {
		path = '/' + path;
		result.messages.push(msg('info', `Paths start with "/": sent as ${encodePath(path)}`));
	}
	const value = encodePath(path);
	if (value.length > MAX_PATH_LENGTH)
		return fail(
			result,
			`Too long: ${formatCount(value.length)} characters once encoded; CloudFront allows ${formatCount(MAX_PATH_LENGTH)}. Use a wildcard for a shorter prefix.`
		);
	if (value !== path) result.messages.push(msg('info', `Sent encoded as ${value}`));
	result.kind = classify(value);
	result.value = value;
	checkStars(value, result);
	if (result.kind === 'file') checkQuery(value, options.keepQueryStrings, result);
	// A legal character, but a list's separator more often than part of a name: suggest, never drop.
	if (/[,;]$/.test(value))
		result.messages.push(
			msg(
				'warning',
				`Ends with "${value.slice(-1)}", which is sent as part of the path. If it separated a list, remove it.`,
				use(value.slice(0, -1))
			)
		);
	if (value === '/')
		result.messages.push(
			msg(
				'info',
				'"/" purges only the home page (the root URL). To purge everything, use /*.',
				use('/*')
			)
		);
	if (value === '/*')
		result.messages.push(
			msg(
				'info',
				'"/*" purges every object of the distribution (1 path, 1 of the 15 wildcard slots). To purge only the home page, use /.',
				use('/')
			)
		);
	return result;
}

/** `*` is a wildcard only as the last character; `%2A` never is (paths page). */
function checkStars(value: string, result: CheckedItem) {
	const star = value.indexOf('*');
	if (star !== -1 && star < value.length - 1) {
		const wildcard = value.slice(0, star + 1);
		result.messages.push(
			msg(
				'warning',
				`"*" is a wildcard only as the last character; here it means a literal asterisk. To purge everything starting with ${value.slice(0, star)}, use ${wildcard}`,
				use(wildcard)
			)
		);
	}
	const encoded = value.includes('%') ? /%2a/i.exec(value) : null;
	if (encoded) {
		const wildcard = value.slice(0, encoded.index) + '*';
		result.messages.push(
			msg(
				'warning',
				`"%2A" is not a wildcard: it matches a literal "*" only. For a wildcard, use ${wildcard}`,
				use(wildcard)
			)
		);
	}
}

/**
 * A query string matters only when the cache key includes query strings (paths page, "Invalidating
 * objects with query strings"); otherwise the variant is not cached apart and nothing is purged.
 */
function checkQuery(value: string, keep: boolean, result: CheckedItem) {
	const q = value.indexOf('?');
	if (q === -1) return;
	const bare = value.slice(0, q);
	if (keep) {
		result.messages.push(msg('info', `Sent with its query string, as you asked.`));
		return;
	}
	result.messages.push(
		msg(
			'warning',
			`CloudFront invalidates ${value} only if this distribution's cache key includes query strings. Otherwise purge ${bare}; ${bare}* purges every variant.`,
			use(bare),
			use(bare + '*')
		)
	);
}

function checkTag(input: string, tagsEnabled: boolean): CheckedItem {
	const result: CheckedItem = { kind: 'tag', messages: [] };
	const tag = input.slice(1);
	if (!tagsEnabled)
		fail(
			result,
			'Cache tags work only on a distribution with a cache tag header configured, and this one has none. To purge a path that starts with "#", encode it as %23.'
		);
	else if (tag === '') fail(result, 'Empty tag: write the tag after "#", such as #product-42.');
	else if (!/^[\x21-\x7e]+$/.test(tag) || tag.includes(','))
		fail(result, 'Tags use visible ASCII characters only, with no spaces or commas.');
	else if (tag.length > MAX_TAG_LENGTH)
		fail(result, `Tags are at most ${MAX_TAG_LENGTH} characters; this one has ${tag.length}.`);
	else result.value = input;
	return result;
}
