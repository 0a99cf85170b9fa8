/**
 * "Did anyone purge /checkout today?": does an invalidation's item match what the user searched?
 * A trailing `*` is CloudFront's wildcard (zero or more characters, last position only), so an
 * invalidation of `/checkout/*` purged `/checkout/cart.html` and matches a search for it.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * Tags are case-insensitive:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 */
import { encodePath } from '$lib/paths/encode';
import { classify } from '$lib/paths/parse-paste';

/**
 * @example pathMatches('/checkout/*', '/checkout/cart.html') // true: the wildcard purged it
 * @example pathMatches('/checkout/cart.html', 'cart') // true: a substring
 * @example pathMatches('/checkout/cart.html', '/check*') // true: a prefix search
 * @example pathMatches('/img/*', '/img/logos/*') // true: the two wildcards overlap
 * @example pathMatches('#Sale', '#sale') // true: tags ignore case
 */
export const pathMatches = (item: string, search: string): boolean => matcher(search)(item);

/** The items of an invalidation that match, in their order (for highlighting). */
export const matchingPaths = (items: readonly string[], search: string): string[] =>
	items.filter(matcher(search));

/** Whether any item matches: stops at the first, for filtering rows. */
export const anyPathMatches = (items: readonly string[], search: string): boolean =>
	items.some(matcher(search));

/** The test for one search, its forms worked out once rather than once per item. */
function matcher(search: string): (item: string) => boolean {
	const term = search.trim();
	if (term === '') return () => true;
	const lowerTerm = term.toLowerCase();
	const forms = searchForms(term);
	return (item) =>
		classify(item) === 'tag'
			? item.toLowerCase().includes(lowerTerm)
			: forms.some((form) => matchesForm(item, form));
}

/** What the user typed, and the encoded form CloudFront stores (`/a b` is sent as `/a%20b`). */
function searchForms(term: string): string[] {
	if (!term.startsWith('/')) return [term];
	const encoded = encodePath(term);
	return encoded === term ? [term] : [term, encoded];
}

function matchesForm(item: string, term: string): boolean {
	const itemPrefix = item.endsWith('*') ? item.slice(0, -1) : null;
	if (term.endsWith('*')) {
		const prefix = term.slice(0, -1);
		if (itemPrefix === null) return item.startsWith(prefix);
		return prefix.startsWith(itemPrefix) || itemPrefix.startsWith(prefix);
	}
	if (item.includes(term)) return true;
	return itemPrefix !== null && term.startsWith('/') && term.startsWith(itemPrefix);
}
