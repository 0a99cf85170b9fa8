import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodePath, hasControlCharacter } from './encode';

// The encoding table, from
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
// and https://www.rfc-editor.org/rfc/rfc1738#section-2.2

/** RFC 1738 §2.2 "unsafe" characters (`%` is allowed only as the start of a valid escape). */
const RFC1738_UNSAFE = [' ', '"', '<', '>', '#', '{', '}', '|', '\\', '^', '~', '[', ']', '`'];

/** Output CloudFront will match: printable ASCII, no unsafe character, `%` only in `%XX`. */
const isWellEncoded = (s: string) =>
	/^[\x21-\x7e]*$/.test(s) &&
	!RFC1738_UNSAFE.some((ch) => s.includes(ch)) &&
	!/%(?![0-9A-Fa-f]{2})/.test(s);

describe('encodePath', () => {
	it.each([
		{ input: '/images/a.jpg', expected: '/images/a.jpg', why: 'plain paths are left alone' },
		{ input: '/AZaz09-._', expected: '/AZaz09-._', why: 'unreserved characters never change' },
		{
			input: "/a?b:c@d&e=f+g$h,i;j!k'l(m)",
			expected: "/a?b:c@d&e=f+g$h,i;j!k'l(m)",
			why: 'reserved and "extra" characters are not in the unsafe set: encoding them misses'
		},
		{ input: '/images/*', expected: '/images/*', why: 'a star stays a wildcard' },
		{ input: '/a*b', expected: '/a*b', why: 'a mid-path star is never encoded either' },
		{ input: '/a b.png', expected: '/a%20b.png', why: 'space becomes %20, not +' },
		{ input: '/"q"', expected: '/%22q%22', why: 'double quote' },
		{ input: '/<x>', expected: '/%3Cx%3E', why: 'angle brackets' },
		{ input: '/{x}', expected: '/%7Bx%7D', why: 'braces' },
		{ input: '/a|b', expected: '/a%7Cb', why: 'pipe' },
		{ input: '/a\\b', expected: '/a%5Cb', why: 'backslash' },
		{ input: '/a^b', expected: '/a%5Eb', why: 'caret' },
		{ input: '/[x]', expected: '/%5Bx%5D', why: 'square brackets' },
		{ input: '/a`b', expected: '/a%60b', why: 'backtick' },
		{ input: '/a#b', expected: '/a%23b', why: 'a # inside a path is not a tag' },
		{ input: '/50%', expected: '/50%25', why: 'a lone % is encoded' },
		{ input: '/50%zz', expected: '/50%25zz', why: '% before non-hex is encoded' },
		{ input: '/50%4', expected: '/50%254', why: '% before one hex digit at the end is encoded' },
		{ input: '/100%25 done', expected: '/100%25%20done', why: 'a valid escape is not doubled' },
		{ input: '/%c3%bc', expected: '/%c3%bc', why: 'lower-case escapes are kept as typed' },
		{ input: '/[a]%41', expected: '/%5Ba%5D%41', why: 'unlike encodeURI: [ ] encoded, %41 kept' },
		{ input: '/x/%2A', expected: '/x/%2A', why: 'an encoded star is kept (parsePaste warns)' },
		{ input: '/ü.png', expected: '/%C3%BC.png', why: 'non-ASCII as UTF-8 bytes, upper-case hex' },
		{ input: '/日本', expected: '/%E6%97%A5%E6%9C%AC', why: 'three-byte characters' },
		{ input: '/😀', expected: '/%F0%9F%98%80', why: 'a surrogate pair is one code point' },
		{ input: '/\u00a0', expected: '/%C2%A0', why: 'a no-break space is non-ASCII' },
		{ input: '/a\u007f', expected: '/a%7F', why: 'DEL is encoded, never sent raw' },
		{
			input: '/\ud800x',
			expected: '/%EF%BF%BDx',
			why: 'a lone surrogate becomes U+FFFD, no throw'
		},
		{ input: '', expected: '', why: 'empty stays empty' }
	])('encodePath($input) = $expected: $why', ({ input, expected }) => {
		expect(encodePath(input)).toBe(expected);
	});

	it('leaves "~" for the validator to refuse: %7E would be accepted and match nothing', () => {
		expect(encodePath('/runtime~main.js')).toBe('/runtime~main.js');
	});

	it('never throws, on any string', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(() => encodePath(s)).not.toThrow();
			})
		);
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(() => encodePath(s)).not.toThrow();
			})
		);
	});

	it('outputs pure printable ASCII with no unsafe character except valid %XX escapes', () => {
		// Control characters and "~" are refused before encoding (parse-paste.ts), not encoded.
		const sendable = fc
			.string({ unit: 'binary' })
			.filter((s) => !hasControlCharacter(s) && !s.includes('~'));
		fc.assert(fc.property(sendable, (s) => void expect(isWellEncoded(encodePath(s))).toBe(true)));
	});

	it('is idempotent: encoding an encoded path changes nothing', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				const once = encodePath(s);
				expect(encodePath(once)).toBe(once);
			})
		);
	});

	it('decodes back to the input when the input has no "%"', () => {
		const noPercent = fc.string({ unit: 'binary' }).filter((s) => !s.includes('%'));
		fc.assert(
			fc.property(noPercent, (s) => void expect(decodeURIComponent(encodePath(s))).toBe(s))
		);
	});

	it('never touches a character outside the unsafe set (over-encoding makes it miss)', () => {
		const safeChar = fc.constantFrom(..."abcXYZ019-._/?:@&=+$,;!'()*".split(''));
		fc.assert(
			fc.property(fc.string({ unit: safeChar }), (s) => void expect(encodePath(s)).toBe(s))
		);
	});
});

describe('hasControlCharacter', () => {
	it.each([
		{ input: '/a.jpg', expected: false, why: 'printable ASCII' },
		{ input: '/a b', expected: false, why: 'a space is not a control character' },
		{ input: '/ü\u00a0', expected: false, why: 'non-ASCII is encoded, not refused' },
		{ input: '/a\tb', expected: true, why: 'tab (0x09)' },
		{ input: '\u0000', expected: true, why: 'NUL (0x00)' },
		{ input: '/a\u001f', expected: true, why: 'unit separator (0x1F), the last C0 control' },
		{ input: '/a\u007f', expected: true, why: 'DEL (0x7F)' },
		{ input: '/a\nb', expected: true, why: 'a line break inside one item' },
		{ input: '', expected: false, why: 'empty' }
	])('hasControlCharacter($input) = $expected: $why', ({ input, expected }) => {
		expect(hasControlCharacter(input)).toBe(expected);
	});
});
