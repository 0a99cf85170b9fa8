import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkItem,
	classifyItem,
	countBuckets,
	exceededLimit,
	MAX_FILES_IN_PROGRESS,
	MAX_WILDCARDS_IN_PROGRESS
} from './invalidation-rules';

const noTags = { cacheTags: false };
const tags = { cacheTags: true };

describe('checkItem', () => {
	it.each([
		['/index.html', undefined, 'a plain file path'],
		['/', undefined, 'the root object is an ordinary path'],
		['/assets/*', undefined, 'a trailing wildcard'],
		['/img/*.png', undefined, 'a non-final * is a literal asterisk: accepted'],
		['/img/%2A', undefined, '%2A is accepted (it matches nothing)'],
		['/%7Euser/', undefined, '%7E is accepted (it matches nothing)'],
		['/a.jpg?x=1', undefined, 'query strings are accepted'],
		["/a!$&'()+,;=:@.html", undefined, 'reserved characters need no encoding'],
		['/a%20b', undefined, 'a valid percent escape'],
		['index.html', 'no-leading-slash', 'the API needs the leading slash'],
		['', 'no-leading-slash', 'empty'],
		['/a b', 'unsafe-character', 'raw space'],
		['/~user', 'tilde', 'raw ~ (aws/aws-sdk-js-v3#4042)'],
		['/50%', 'bad-percent-escape', 'a lone %'],
		['/50%zz', 'bad-percent-escape', 'a % without two hex digits'],
		['/a#b', 'unsafe-character', '# inside a path'],
		['/é', 'non-ascii', 'raw non-ASCII'],
		['/a\nb', 'control-character', 'newline'],
		['/' + 'a'.repeat(3999), undefined, 'exactly 4,000 characters'],
		['/' + 'a'.repeat(4000), 'too-long', '4,001 characters'],
		['#tag', 'tags-not-enabled', 'a tag without CacheTagConfig']
	])('%j → %s (%s)', (item, expected, why) => {
		expect(checkItem(item, noTags), why).toBe(expected);
	});

	it.each([
		['#product:red-shoes', undefined],
		['#' + 'x'.repeat(256), undefined],
		['#' + 'x'.repeat(257), 'bad-tag'],
		['#', 'bad-tag'],
		['#a,b', 'bad-tag'],
		['#a b', 'bad-tag'],
		['#é', 'bad-tag']
	])('tag %j → %s', (item, expected) => {
		expect(checkItem(item, tags)).toBe(expected);
	});

	it('never throws and accepts every path made of unreserved characters', () => {
		fc.assert(fc.property(fc.string(), (s) => void expect(() => checkItem(s, tags)).not.toThrow()));
		const safe = fc.stringMatching(/^[A-Za-z0-9._\-/]{0,200}$/);
		fc.assert(fc.property(safe, (s) => void expect(checkItem('/' + s, noTags)).toBeUndefined()));
	});
});

describe('limits', () => {
	it('classifies tags, wildcards and files', () => {
		expect(['#t', '/a*', '/a', '/a*b'].map(classifyItem)).toEqual([
			'tag',
			'wildcard',
			'file',
			'file'
		]);
		expect(countBuckets(['#t', '/a*', '/a'])).toEqual({ files: 2, wildcards: 1 });
	});

	it('allows exactly the limits and refuses one more', () => {
		const none = { files: 0, wildcards: 0 };
		expect(
			exceededLimit(none, { files: MAX_FILES_IN_PROGRESS, wildcards: MAX_WILDCARDS_IN_PROGRESS })
		).toBeUndefined();
		expect(exceededLimit({ files: 0, wildcards: 15 }, { files: 0, wildcards: 1 })).toBe(
			'wildcards'
		);
		expect(exceededLimit({ files: 3000, wildcards: 0 }, { files: 1, wildcards: 0 })).toBe('files');
	});
});
