/**
 * The rules for one item on its own. Sources:
 * Paths: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * Tags:  https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import { encodePath, hasControlCharacter } from './encode';
import type { Diagnostic, DiagnosticData, ItemKind, PlainCode, ValueCode } from './types';

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
 * as plain data (their words: messages.ts). One per parse, reset for each item.
 */
export class ItemReport {
	line = 0;
	piece = 0;
	input = '';
	kind: ItemKind = 'file';
	hasError = false;
	constructor(readonly diagnostics: Diagnostic[]) {}

	/** A message that needs no value (its fixes, if any, are fixed texts). */
	say(code: PlainCode) {
		this.diagnostics.push({ line: this.line, piece: this.piece, input: this.input, code });
	}

	/** A message about the value to send (one line in ten of a 100,000-line paste comes here). */
	sayValue(code: ValueCode, value: string) {
		this.diagnostics.push({ line: this.line, piece: this.piece, input: this.input, code, value });
	}

	/** An error with the data its words need: the item is not sent. */
	fail(data: DiagnosticData): undefined {
		this.hasError = true;
		this.diagnostics.push({ line: this.line, piece: this.piece, input: this.input, ...data });
		return undefined;
	}
}

// A fragment never reaches CloudFront (RFC 3986 §3.5), so it is no part of the cached path.
const URL_PATTERN = /^https?:\/\/([^/?#]+)([^#]*)/i;

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
			return report.fail(
				options.hosts.length > 0
					? { code: 'url-elsewhere', host, hosts: options.hosts }
					: { code: 'url-not-path' }
			);
		// Paths are relative to the distribution (paths page), so a URL on its own host is its path.
		path = url[2] === '' ? '/' : url[2].startsWith('/') ? url[2] : '/' + url[2];
		report.sayValue('url-path', path);
	}
	if (hasControlCharacter(path)) return report.fail({ code: 'control-character' });
	// "~" is not supported, encoded or not: %7E is accepted but invalidates nothing (paths page).
	const tilde = path.includes('~') || path.includes('%') ? /~|%7e/i.exec(path) : null;
	if (tilde) {
		const before = path.slice(0, tilde.index);
		const wildcard = encodePath(before.startsWith('/') ? before : '/' + before) + '*';
		return report.fail({ code: 'tilde', wildcard });
	}
	const slashAdded = !path.startsWith('/');
	if (slashAdded) path = '/' + path;
	const value = encodePath(path);
	if (slashAdded) report.sayValue('slash-added', value);
	if (value.length > MAX_PATH_LENGTH)
		return report.fail({ code: 'too-long', length: value.length });
	if (value !== path) report.sayValue('encoded', value);
	report.kind = classify(value);
	checkStars(value, report);
	if (report.kind === 'file') checkQuery(value, options.keepQueryStrings, report);
	// A legal character, but a list's separator more often than part of a name: suggest, never drop.
	const last = value.charCodeAt(value.length - 1);
	if (last === 0x2c || last === 0x3b) report.sayValue('separator-at-end', value); // , or ;
	if (value === '/') report.say('root');
	if (value === '/*') report.say('everything');
	return value;
}

/** `*` is a wildcard only as the last character; `%2A` never is (paths page). */
function checkStars(value: string, report: ItemReport) {
	const star = value.indexOf('*');
	if (star !== -1 && star < value.length - 1) report.sayValue('star-inside', value);
	if (value.includes('%') && /%2a/i.test(value)) report.sayValue('encoded-star', value);
}

/**
 * A query string matters only when the cache key includes query strings (paths page, "Invalidating
 * objects with query strings"); otherwise the variant is not cached apart and nothing is purged.
 */
function checkQuery(value: string, keep: boolean, report: ItemReport) {
	if (!value.includes('?')) return;
	if (keep) report.say('query-kept');
	else report.sayValue('query', value);
}

function checkTag(input: string, tagsEnabled: boolean, report: ItemReport): string | undefined {
	report.kind = 'tag';
	const tag = input.slice(1);
	if (!tagsEnabled) return report.fail({ code: 'tags-off' });
	if (tag === '') return report.fail({ code: 'tag-empty' });
	if (!/^[\x21-\x7e]+$/.test(tag) || tag.includes(','))
		return report.fail({ code: 'tag-characters' });
	if (tag.length > MAX_TAG_LENGTH) return report.fail({ code: 'tag-too-long', length: tag.length });
	return input;
}
