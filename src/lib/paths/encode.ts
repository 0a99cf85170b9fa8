/**
 * Percent-encoding for invalidation paths.
 *
 * CloudFront: "URL-encode non-ASCII characters and the RFC 1738 unsafe characters; encode nothing
 * else", or the invalidation misses the cached object.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://www.rfc-editor.org/rfc/rfc1738#section-2.2
 *
 * `encodeURI`/`encodeURIComponent` encode a different set (one leaves `~` raw, the other encodes
 * `/ ? : & =`), hence this encoder.
 */

// RFC 1738 §2.2 "unsafe": space < > " # % { } | \ ^ ~ [ ] `. `~` is refused elsewhere (CloudFront
// does not support it, encoded or not); `%` is handled below so valid escapes are not doubled.
// By character code, in a table: the encoder reads a code per character, no one-character strings.
const UNSAFE = new Uint8Array(128);
for (const ch of ' "<>#{}|\\^[]`') UNSAFE[ch.charCodeAt(0)] = 1;

/** Anything outside printable ASCII, an unsafe character, or a `%` not starting a valid escape. */
const NEEDS_ENCODING = /[^\x21-\x7e]|["#<>\\^`{|}[\]]|%(?![0-9A-Fa-f]{2})/;

/** "%XX" for every byte, built once. */
const ESCAPES = Array.from(
	{ length: 256 },
	(_, byte) => '%' + byte.toString(16).toUpperCase().padStart(2, '0')
);
const utf8 = new TextEncoder();

const isHexDigit = (c: number) =>
	(c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * Encode what CloudFront needs encoded and nothing else.
 * @example encodePath('/a b/ü.png') // '/a%20b/%C3%BC.png'
 * @example encodePath('/100%25 done') // '/100%25%20done' (an existing escape is kept)
 * @example encodePath('/50%') // '/50%25'
 */
export function encodePath(path: string): string {
	if (!NEEDS_ENCODING.test(path)) return path; // most paths: no string built
	// Runs of characters sent as typed are copied as one slice, not one by one.
	let out = '';
	let run = 0;
	for (let i = 0; i < path.length; i++) {
		const code = path.charCodeAt(i);
		let escaped: string;
		if (code === 0x25) {
			// %
			if (isHexDigit(path.charCodeAt(i + 1)) && isHexDigit(path.charCodeAt(i + 2))) continue;
			escaped = '%25';
		} else if (code < 0x80 && UNSAFE[code] === 1) {
			escaped = ESCAPES[code];
		} else if (code > 0x7e) {
			// Non-ASCII: UTF-8 bytes, one escape each. codePointAt keeps surrogate pairs together.
			const cp = path.codePointAt(i)!;
			const char = String.fromCodePoint(cp);
			escaped = '';
			for (const byte of utf8.encode(char)) escaped += ESCAPES[byte];
			out += path.slice(run, i) + escaped;
			i += char.length - 1;
			run = i + 1;
			continue;
		} else continue;
		out += path.slice(run, i) + escaped;
		run = i + 1;
	}
	return out + path.slice(run);
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** Control characters can't be sent raw and mean nothing as a URL (RFC 1738 §2.2). */
export const hasControlCharacter = (s: string): boolean => CONTROL_CHARACTER.test(s);
