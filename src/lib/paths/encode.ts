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
const UNSAFE = new Set([' ', '"', '<', '>', '#', '{', '}', '|', '\\', '^', '[', ']', '`']);

/** Anything outside printable ASCII, an unsafe character, or a `%` not starting a valid escape. */
const NEEDS_ENCODING = /[^\x21-\x7e]|["#<>\\^`{|}[\]]|%(?![0-9A-Fa-f]{2})/;

const hex = (byte: number) => '%' + byte.toString(16).toUpperCase().padStart(2, '0');
const utf8 = new TextEncoder();

/**
 * Encode what CloudFront needs encoded and nothing else.
 * @example encodePath('/a b/ü.png') // '/a%20b/%C3%BC.png'
 * @example encodePath('/100%25 done') // '/100%25%20done' (an existing escape is kept)
 * @example encodePath('/50%') // '/50%25'
 */
export function encodePath(path: string): string {
	if (!NEEDS_ENCODING.test(path)) return path; // most paths: no string built
	let out = '';
	for (let i = 0; i < path.length; i++) {
		const ch = path[i];
		const code = ch.charCodeAt(0);
		if (ch === '%') {
			out += /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3)) ? '%' : '%25';
		} else if (UNSAFE.has(ch)) {
			out += hex(code);
		} else if (code > 0x7e) {
			// Non-ASCII: UTF-8 bytes, one escape each. codePointAt keeps surrogate pairs together.
			const cp = path.codePointAt(i)!;
			const char = String.fromCodePoint(cp);
			for (const byte of utf8.encode(char)) out += hex(byte);
			i += char.length - 1;
		} else {
			out += ch;
		}
	}
	return out;
}

/** Control characters can't be sent raw and mean nothing as a URL (RFC 1738 §2.2). */
export const hasControlCharacter = (s: string): boolean =>
	[...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
