/**
 * Lists pasted on one line ("/a, /b; https://host/c /d"), from tickets and chat.
 *
 * A comma or a semicolon is a legal path character (RFC 1738 §2.2 reserves them; CloudFront sends
 * them as typed: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html),
 * so a line is split only where EVERY piece starts a path or URL: `/img/a,b.jpg` stays one path.
 */

const SEPARATORS = /[\s,;]+/;
const HAS_SEPARATOR = /[\s,;]/;
const STARTS_ITEM = /^(?:\/|https?:\/\/)/i;
/**
 * A separator followed by something that does not start an item: then the line is no list. One
 * test, before building the pieces (a path with a space, such as `/my file.png`, is common).
 */
const NOT_BEFORE_ITEM = /[\s,;](?!\/|https?:\/\/|[\s,;]|$)/i;

/**
 * The items on one (trimmed) line.
 * @example splitList('/a,/b , /c') // ['/a', '/b', '/c']
 * @example splitList('/img/a,b.jpg') // ['/img/a,b.jpg'] (b.jpg does not start a path)
 * @example splitList('/my file.txt') // ['/my file.txt'] (file.txt does not either)
 */
export function splitList(line: string): string[] {
	if (!HAS_SEPARATOR.test(line) || NOT_BEFORE_ITEM.test(line)) return [line];
	const pieces: string[] = [];
	for (const p of line.split(SEPARATORS)) {
		if (p === '') continue;
		if (!STARTS_ITEM.test(p)) return [line];
		pieces.push(p);
	}
	return pieces.length < 2 ? [line] : pieces;
}
