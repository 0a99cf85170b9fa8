/**
 * The rules for one item on its own. Sources:
 * Paths: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * Tags:  https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import { encodePath, hasControlCharacter } from './encode';
import type { Diagnostic, Fix, ItemKind, Severity } from './types';
import { formatCount } from './format-count';

export const MAX_PATH_LENGTH = 4000; // paths page: "The maximum length of a path is 4,000 characters."
export const MAX_TAG_LENGTH = 256; // tags page: "up to 256 characters"

export const classify = (item: string): ItemKind =>
	item.startsWith('#') ? 'tag' : item.endsWith('*') ? 'wildcard' : 'file';

export interface ItemOptions {
	hosts: readonly string[];
	tagsEnabled: boolean;
	keepQueryStrings: boolean;
}

/**
 * Where checkItem reports: messages go straight into the batch's diagnostics as they are found,
 * built once (one line in ten of a 100,000-line paste comes here, and intermediate message and
 * fix objects were half the garbage of a parse). One per parse, reset for each item.
 */
export class ItemReport {
	line = 0;
	piece = 0;
	input = '';
	kind: ItemKind = 'file';
	hasError = false;
	constructor(readonly diagnostics: Diagnostic[]) {}

	/**
	 * A message whose fixes replace the item with `text`, then `other` (labelled "Use …"). Two
	 * parameters, not a rest array: one line in ten of a 100,000-line paste comes here.
	 */
	say(severity: Severity, message: string, text?: string, other?: string) {
		const fixes: Fix[] = [];
		if (text !== undefined) fixes.push(this.#use(text));
		if (other !== undefined) fixes.push(this.#use(other));
		if (severity === 'error') this.hasError = true;
		this.diagnostics.push({ line: this.line, severity, input: this.input, message, fixes });
	}

	#use(text: string): Fix {
		return { label: `Use ${text}`, edits: [{ line: this.line, piece: this.piece, text }] };
	}
}

// A fragment never reaches CloudFront (RFC 3986 §3.5), so it is no part of the cached path.
const URL_PATTERN = /^https?:\/\/([^/?#]+)([^#]*)/i;

/** Report an error: the item is not sent. */
function fail(report: ItemReport, message: string, text?: string): undefined {
	report.say('error', message, text);
	return undefined;
}

/**
 * Check one item (already trimmed, one of a line's pieces; `report` set to its line and piece):
 * what will be sent, or undefined when the item has an error. Its kind is left in `report.kind`.
 */
export function checkItem(
	input: string,
	options: ItemOptions,
	report: ItemReport
): string | undefined {
	report.input = input;
	if (input.startsWith('#')) return checkTag(input, options.tagsEnabled, report);
	report.kind = classify(input);
	let path = input;
	// Cheap tests first: the regular expressions below run only on items that can match them
	// (one line in ten of a 100,000-line paste comes here).
	const url = (path.charCodeAt(0) | 0x20) === 0x68 ? URL_PATTERN.exec(path) : null; // h or H
	if (url) {
		const authority = url[1].toLowerCase();
		const host = authority.includes(':') ? authority.replace(/:\d+$/, '') : authority;
		if (!options.hosts.includes(host))
			return fail(
				report,
				options.hosts.length > 0
					? `${host} is not served by this distribution (it serves ${options.hosts.join(', ')}). Paste a URL on one of those hosts, or just its path.`
					: 'Paste the path (such as /images/a.jpg), not the full URL.'
			);
		// Paths are relative to the distribution (paths page), so a URL on its own host is its path.
		path = url[2] === '' ? '/' : url[2].startsWith('/') ? url[2] : '/' + url[2];
		report.say('info', `URL on this distribution: its path ${path} is used.`);
	}
	if (hasControlCharacter(path))
		return fail(report, 'Contains a control character (such as a tab). Remove it.');
	// "~" is not supported, encoded or not: %7E is accepted but invalidates nothing (paths page).
	const tilde = path.includes('~') || path.includes('%') ? /~|%7e/i.exec(path) : null;
	if (tilde) {
		const before = path.slice(0, tilde.index);
		const wildcard = encodePath(before.startsWith('/') ? before : '/' + before) + '*';
		const message = `CloudFront does not support "~" in paths, encoded or not. Use a wildcard that stops before it, such as ${wildcard}`;
		// Never offer the whole distribution as a one-click fix.
		return wildcard === '/*' ? fail(report, message) : fail(report, message, wildcard);
	}
	if (!path.startsWith('/')) {
		path = '/' + path;
		report.say('info', `Paths start with "/": sent as ${encodePath(path)}`);
	}
	const value = encodePath(path);
	if (value.length > MAX_PATH_LENGTH)
		return fail(
			report,
			`Too long: ${formatCount(value.length)} characters once encoded; CloudFront allows ${formatCount(MAX_PATH_LENGTH)}. Use a wildcard for a shorter prefix.`
		);
	if (value !== path) report.say('info', `Sent encoded as ${value}`);
	report.kind = classify(value);
	checkStars(value, report);
	if (report.kind === 'file') checkQuery(value, options.keepQueryStrings, report);
	// A legal character, but a list's separator more often than part of a name: suggest, never drop.
	const last = value.charCodeAt(value.length - 1);
	if (last === 0x2c || last === 0x3b)
		// , or ;
		report.say(
			'warning',
			`Ends with "${value.slice(-1)}", which is sent as part of the path. If it separated a list, remove it.`,
			value.slice(0, -1)
		);
	if (value === '/')
		report.say(
			'info',
			'"/" purges only the home page (the root URL). To purge everything, use /*.',
			'/*'
		);
	if (value === '/*')
		report.say(
			'info',
			'"/*" purges every object of the distribution (1 path, 1 of the 15 wildcard slots). To purge only the home page, use /.',
			'/'
		);
	return value;
}

/** `*` is a wildcard only as the last character; `%2A` never is (paths page). */
function checkStars(value: string, report: ItemReport) {
	const star = value.indexOf('*');
	if (star !== -1 && star < value.length - 1) {
		const wildcard = value.slice(0, star + 1);
		report.say(
			'warning',
			`"*" is a wildcard only as the last character; here it means a literal asterisk. To purge everything starting with ${value.slice(0, star)}, use ${wildcard}`,
			wildcard
		);
	}
	const encoded = value.includes('%') ? /%2a/i.exec(value) : null;
	if (encoded) {
		const wildcard = value.slice(0, encoded.index) + '*';
		report.say(
			'warning',
			`"%2A" is not a wildcard: it matches a literal "*" only. For a wildcard, use ${wildcard}`,
			wildcard
		);
	}
}

/**
 * A query string matters only when the cache key includes query strings (paths page, "Invalidating
 * objects with query strings"); otherwise the variant is not cached apart and nothing is purged.
 */
function checkQuery(value: string, keep: boolean, report: ItemReport) {
	const q = value.indexOf('?');
	if (q === -1) return;
	const bare = value.slice(0, q);
	if (keep) {
		report.say('info', `Sent with its query string, as you asked.`);
		return;
	}
	report.say(
		'warning',
		`CloudFront invalidates ${value} only if this distribution's cache key includes query strings. Otherwise purge ${bare}; ${bare}* purges every variant.`,
		bare,
		`${bare}*`
	);
}

function checkTag(input: string, tagsEnabled: boolean, report: ItemReport): string | undefined {
	report.kind = 'tag';
	const tag = input.slice(1);
	if (!tagsEnabled)
		return fail(
			report,
			'Cache tags work only on a distribution with a cache tag header configured, and this one has none. To purge a path that starts with "#", encode it as %23.'
		);
	if (tag === '') return fail(report, 'Empty tag: write the tag after "#", such as #product-42.');
	if (!/^[\x21-\x7e]+$/.test(tag) || tag.includes(','))
		return fail(report, 'Tags use visible ASCII characters only, with no spaces or commas.');
	if (tag.length > MAX_TAG_LENGTH)
		return fail(
			report,
			`Tags are at most ${MAX_TAG_LENGTH} characters; this one has ${tag.length}.`
		);
	return input;
}
