/**
 * Turns the text typed or pasted into the paths field into a batch CloudFront will accept, with a
 * message per line that says what is wrong and how to fix it. Rules and their sources:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import { encodePath, hasControlCharacter } from './encode';

export type ItemKind = 'file' | 'wildcard' | 'tag';

export interface PathLine {
	/** 1-based line number in the text, for messages. */
	line: number;
	input: string;
	/** What will be sent, once encoded; absent when the line has an error. */
	value?: string;
	kind: ItemKind;
	errors: string[];
	warnings: string[];
}

export interface PathBatch {
	lines: PathLine[];
	/** Distinct items to send, in the order typed (order is never changed: see cloudfront.md §6). */
	items: string[];
	errorCount: number;
}

export interface ParseOptions {
	/** Host names of the distribution (domain and aliases): a full URL on one of them is cut to its path. */
	hosts?: string[];
	/** Whether the distribution has a CacheTagConfig, so `#tag` items work. */
	tagsEnabled?: boolean;
}

export const MAX_PATH_LENGTH = 4000; // "The maximum length of a path is 4,000 characters."
export const MAX_TAG_LENGTH = 256; // tags page: "up to 256 characters"

export const classify = (item: string): ItemKind =>
	item.startsWith('#') ? 'tag' : item.endsWith('*') ? 'wildcard' : 'file';

export function parsePaste(text: string, options: ParseOptions = {}): PathBatch {
	const lines: PathLine[] = [];
	const seen = new Map<string, number>();
	const items: string[] = [];
	text.split(/\r\n|\n|\r/).forEach((raw, index) => {
		const input = raw.trim();
		if (input === '') return;
		const line = checkLine(input, index + 1, options);
		if (line.value !== undefined) {
			// Tags are case-insensitive, paths case-sensitive.
			const key = line.kind === 'tag' ? line.value.toLowerCase() : line.value;
			const first = seen.get(key);
			if (first !== undefined) {
				line.warnings.push(`Same as line ${first}: sent once.`);
			} else {
				seen.set(key, line.line);
				items.push(line.value);
			}
		}
		lines.push(line);
	});
	return { lines, items, errorCount: lines.filter((l) => l.errors.length > 0).length };
}

function checkLine(input: string, line: number, options: ParseOptions): PathLine {
	if (input.startsWith('#')) return checkTag(input, line, options.tagsEnabled ?? false);
	const result: PathLine = { line, input, kind: classify(input), errors: [], warnings: [] };
	let path = input;
	// A fragment never reaches CloudFront (RFC 3986 §3.5), so it is no part of the cached path.
	const url = /^https?:\/\/([^/?#]+)([^#]*)/i.exec(path);
	if (url) {
		const host = url[1].toLowerCase().replace(/:\d+$/, '');
		const hosts = (options.hosts ?? []).map((h) => h.toLowerCase());
		if (!hosts.includes(host)) {
			result.errors.push(
				hosts.length > 0
					? `${host} is not served by this distribution (it serves ${hosts.join(', ')}). Paste a URL on one of those hosts, or just its path.`
					: 'Paste the path (such as /images/a.jpg), not the full URL.'
			);
			return result;
		}
		path = url[2] === '' ? '/' : url[2];
		result.warnings.push(`Full URL: only the path ${path} is sent.`);
	}
	if (hasControlCharacter(path)) {
		result.errors.push('Contains a control character (such as a tab). Remove it.');
		return result;
	}
	// "~" is not supported, encoded or not: %7E is accepted but invalidates nothing (cloudfront.md §3.1).
	const tilde = /~|%7e/i.exec(path);
	if (tilde) {
		const before = path.slice(0, tilde.index);
		result.errors.push(
			`CloudFront does not support "~" in paths, encoded or not. Use a wildcard that stops before it, such as ${before.startsWith('/') ? before : '/' + before}*`
		);
		return result;
	}
	if (!path.startsWith('/')) {
		path = '/' + path;
		result.warnings.push('Paths start with "/": added.');
	}
	const value = encodePath(path);
	if (value.length > MAX_PATH_LENGTH) {
		result.errors.push(
			`Too long: ${value.length.toLocaleString('en-US')} characters once encoded; CloudFront allows ${MAX_PATH_LENGTH.toLocaleString('en-US')}. Use a wildcard for a shorter prefix.`
		);
		return result;
	}
	if (value !== path) result.warnings.push(`Sent encoded as ${value}`);
	const star = value.indexOf('*');
	if (star !== -1 && star < value.length - 1)
		result.warnings.push(
			'"*" is a wildcard only as the last character; here it means a literal asterisk.'
		);
	if (/%2a/i.test(value))
		result.warnings.push('"%2A" is not a wildcard: it matches a literal "*" only.');
	result.kind = classify(value);
	result.value = value;
	return result;
}

function checkTag(input: string, line: number, tagsEnabled: boolean): PathLine {
	const result: PathLine = { line, input, kind: 'tag', errors: [], warnings: [] };
	const tag = input.slice(1);
	if (!tagsEnabled)
		result.errors.push(
			'Cache tags work only on a distribution with a cache tag header configured, and this one has none. To purge a path that starts with "#", encode it as %23.'
		);
	else if (tag === '')
		result.errors.push('Empty tag: write the tag after "#", such as #product-42.');
	else if (!/^[\x21-\x7e]+$/.test(tag) || tag.includes(','))
		result.errors.push('Tags use visible ASCII characters only, with no spaces or commas.');
	else if (tag.length > MAX_TAG_LENGTH)
		result.errors.push(
			`Tags are at most ${MAX_TAG_LENGTH} characters; this one has ${tag.length}.`
		);
	else result.value = input;
	return result;
}
