/**
 * The directory a file path is in, for suggesting one wildcard for its siblings: up to and
 * including the last `/` of the path part (a `/` in a query string does not count,
 * https://www.rfc-editor.org/rfc/rfc3986#section-3.4). Null for a file at the root, whose
 * wildcard would be `/*`, the whole distribution.
 * @example parentDirectory('/img/a.jpg?v=/2') // '/img/'
 * @example parentDirectory('/a.jpg') // null
 */
export function parentDirectory(path: string): string | null {
	const length = directoryLength(path);
	return length > 1 ? path.slice(0, length) : null;
}

/**
 * The length of `path`'s directory, `/` included (what parentDirectory returns, without making
 * the string; 1 for a file at the root). No array or string per call: this runs for every item
 * of a 100,000-line paste on each edit.
 * @example directoryLength('/img/a.jpg?v=/2') // 5
 */
export function directoryLength(path: string): number {
	const query = path.indexOf('?');
	return path.lastIndexOf('/', query === -1 ? path.length : query - 1) + 1;
}
