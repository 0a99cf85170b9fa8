// CloudFront's CreateInvalidation rules, written from the AWS documentation on their own (the stack
// never imports the console's validator). Refuse what CloudFront refuses; ACCEPT what it accepts
// even when useless (non-final `*`, `%2A`, `%7E`, query strings, `/`), so the console's warnings are
// what catches those (`%2A` accepted, matching nothing:
// https://github.com/apancutt/deploy-aws-s3-cloudfront/issues/7).
// Paths: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
// Tags:  https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
// Limits: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/InvalidationLimits.html

/** "The maximum length of a path is 4,000 characters." */
export const MAX_PATH_LENGTH = 4000;
/** Tags: at most 256 characters. Whether the leading `#` counts is UNCONFIRMED; we don't count it. */
export const MAX_TAG_LENGTH = 256;
/** In progress at once per distribution: 3,000 file paths and, separately, 15 wildcard paths. */
export const MAX_FILES_IN_PROGRESS = 3000;
export const MAX_WILDCARDS_IN_PROGRESS = 15;
/** BatchTooLarge threshold: UNCONFIRMED. The limits page implies one request may carry 3,000 files. */
export const MAX_ITEMS_PER_REQUEST = 3000;

export type ItemKind = 'tag' | 'wildcard' | 'file';

/** A leading `#` makes a cache tag; a trailing `*` (and only that) a wildcard path. */
export const classifyItem = (item: string): ItemKind =>
	item.startsWith('#') ? 'tag' : item.endsWith('*') ? 'wildcard' : 'file';

export type ItemProblem =
	| 'no-leading-slash'
	| 'too-long'
	| 'control-character'
	| 'non-ascii'
	| 'tilde'
	| 'unsafe-character'
	| 'bad-percent-escape'
	| 'tags-not-enabled'
	| 'bad-tag';

/**
 * RFC 1738 §2.2 "unsafe" characters, which must be percent-encoded: space < > " # % { } | \ ^ ~ [ ] `.
 * `~` has its own problem (AWS: raw `~` → InvalidArgument, aws/aws-sdk-js-v3#4042); `%` is fine when
 * it starts a valid `%XX` escape. Rejecting the other unsafe characters is *derived* (UNCONFIRMED).
 */
const UNSAFE = new Set([' ', '<', '>', '"', '#', '{', '}', '|', '\\', '^', '[', ']', '`']);

function checkPath(path: string): ItemProblem | undefined {
	if (!path.startsWith('/')) return 'no-leading-slash';
	if (path.length > MAX_PATH_LENGTH) return 'too-long';
	for (let i = 0; i < path.length; i++) {
		const c = path[i];
		const code = path.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return 'control-character';
		if (code > 0x7f) return 'non-ascii';
		if (c === '~') return 'tilde';
		if (UNSAFE.has(c)) return 'unsafe-character';
		if (c === '%' && !/^%[0-9A-Fa-f]{2}/.test(path.slice(i, i + 3))) return 'bad-percent-escape';
	}
	return undefined;
}

/** Visible ASCII 33–126 except the comma; no wildcard semantics at all. */
function checkTag(tag: string): ItemProblem | undefined {
	const body = tag.slice(1);
	if (body.length === 0 || body.length > MAX_TAG_LENGTH) return 'bad-tag';
	for (let i = 0; i < body.length; i++) {
		const code = body.charCodeAt(i);
		if (code < 33 || code > 126 || body[i] === ',') return 'bad-tag';
	}
	return undefined;
}

/**
 * Why CloudFront would refuse this item (→ InvalidArgument), or `undefined` if it accepts it.
 * @example checkItem('/a b.html', { cacheTags: false }) // 'unsafe-character'
 * @example checkItem('/img/*.png', { cacheTags: false }) // undefined: a literal `*`, accepted
 */
export function checkItem(item: string, opts: { cacheTags: boolean }): ItemProblem | undefined {
	if (classifyItem(item) === 'tag') {
		// Tag items on a distribution without CacheTagConfig: refused here; AWS's answer is UNCONFIRMED.
		if (!opts.cacheTags) return 'tags-not-enabled';
		return checkTag(item);
	}
	return checkPath(item);
}

export interface Buckets {
	files: number;
	wildcards: number;
}

/** Tags count as one file path each (the tags page says one path; the bucket is UNCONFIRMED). */
export function countBuckets(items: readonly string[]): Buckets {
	let wildcards = 0;
	for (const item of items) if (classifyItem(item) === 'wildcard') wildcards++;
	return { files: items.length - wildcards, wildcards };
}

export type LimitHit = 'files' | 'wildcards';

/** Which in-progress limit the batch would break, if any. */
export function exceededLimit(inProgress: Buckets, batch: Buckets): LimitHit | undefined {
	if (inProgress.wildcards + batch.wildcards > MAX_WILDCARDS_IN_PROGRESS) return 'wildcards';
	if (inProgress.files + batch.files > MAX_FILES_IN_PROGRESS) return 'files';
	return undefined;
}
