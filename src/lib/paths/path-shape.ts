/**
 * What the batch rules need to know about a path: a hash (duplicates), where its directory ends
 * and that directory's part of the hash (sibling counts), a `.` after its last `/` and its first
 * `?` (`/dir` without `/dir/`), and whether it has an upper-case letter. Built for 100,000-line
 * pastes: the result goes into one reused object.
 */

/** A character in `A-Z`: the item may have a case twin. */
export const HAS_UPPER = 2;

const UPPER = /[A-Z]/;

export interface PathShape {
	/** A hash of the string (see hashParts): equal strings, equal hashes. */
	hash: number;
	/** Offset of the last `/` before any `?` (-1: none): where the directory ends. */
	slash: number;
	/** fnv() of the same: the directory's part of hashParts. */
	dirPart: number;
	/** Offset of the first `.` after `slash` (-1: none). */
	dot: number;
	/** Offset of the first `?` (-1: none). */
	query: number;
	/** HAS_UPPER or 0. */
	flags: number;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Hashes leave as small integers (V8's Smis): a full 32-bit value would be boxed on the heap
 * whenever it is stored or passed, and that garbage cost more than the hashing.
 */
const SMALL = 0x3fffffff;

/**
 * FNV-1a over `s` from `start` to `end`, four UTF-16 code units a step, each shifted 8 bits more
 * than the one before (a quarter of the multiplications; the last ones, fewer than four, take a
 * step each), continuing from `hash`. On ASCII text a step is a little-endian 32-bit word of its
 * bytes, so fnvView gives the same hash reading them four at a time.
 */
export function fnv(s: string, start: number, end: number, hash = FNV_OFFSET): number {
	let i = start;
	for (; i + 3 < end; i += 4)
		hash = Math.imul(
			hash ^
				(s.charCodeAt(i) |
					(s.charCodeAt(i + 1) << 8) |
					(s.charCodeAt(i + 2) << 16) |
					(s.charCodeAt(i + 3) << 24)),
			FNV_PRIME
		);
	for (; i < end; i++) hash = Math.imul(hash ^ s.charCodeAt(i), FNV_PRIME);
	return hash;
}

/**
 * fnv() over bytes `start` to `end` of `v`: the same hash as fnv() over the same characters when
 * they are ASCII (one byte each). A DataView reads four bytes at once; `charCodeAt` reads one
 * code unit and checks the kind of string it reads on every call.
 */
export function fnvView(v: DataView, start: number, end: number, hash = FNV_OFFSET): number {
	let i = start;
	for (; i + 3 < end; i += 4) hash = Math.imul(hash ^ v.getInt32(i, true), FNV_PRIME);
	for (; i < end; i++) hash = Math.imul(hash ^ v.getUint8(i), FNV_PRIME);
	return hash;
}

let asciiView = new DataView(new ArrayBuffer(0));
const encoder = new TextEncoder();

/**
 * `text` as bytes, one per character, when it is all ASCII (so byte offsets are character
 * offsets); undefined otherwise. One native call (a few tenths of a millisecond for 100,000
 * lines). The bytes are overwritten by the next call: read them before calling again.
 */
export function asciiBytes(text: string): DataView | undefined {
	if (asciiView.byteLength < text.length)
		asciiView = new DataView(new ArrayBuffer(text.length + (text.length >> 2)));
	const bytes = new Uint8Array(asciiView.buffer, 0, text.length);
	// UTF-8 writes a character outside ASCII as two bytes or more: then it cannot all fit.
	const { read, written } = encoder.encodeInto(text, bytes);
	return read === text.length && written === text.length ? asciiView : undefined;
}

/**
 * A path's hash from two parts: the FNV hash of its directory (up to and including the last `/`
 * before any `?`) and that of the rest. Pasted paths come in runs of one directory, so the
 * directory's part is reused from the line before and only the file name is read.
 */
export const hashParts = (dir: number, rest: number): number =>
	(Math.imul(dir, 0x85ebca6b) ^ rest) & SMALL;

const shape: PathShape = {
	hash: 0,
	slash: -1,
	dirPart: 0,
	dot: -1,
	query: -1,
	flags: 0
};

/**
 * Measure `p`. Returns a shared object, overwritten by the next call: read it before measuring
 * again. Native searches, and JS only for the hash: a loop over the characters with a flag table
 * cost more.
 */
export function measure(p: string): PathShape {
	const query = p.indexOf('?');
	// The directory is that of the path part: a `/` in a query string does not count
	// (https://www.rfc-editor.org/rfc/rfc3986#section-3.4).
	const slash = query === 0 ? -1 : p.lastIndexOf('/', query === -1 ? p.length : query - 1);
	const dir = fnv(p, 0, slash + 1);
	shape.hash = hashParts(dir, fnv(p, slash + 1, p.length));
	shape.flags = UPPER.test(p) ? HAS_UPPER : 0;
	shape.slash = slash;
	shape.dirPart = dir;
	// The first "." after the last "/": String#indexOf is a builtin, #lastIndexOf a runtime call.
	shape.dot = p.indexOf('.', slash + 1);
	shape.query = query;
	return shape;
}

/**
 * hashOf(s + '/') for an `s` without `?`, without building that string: a directory's name from
 * a bare name (the batch rules' `/dir` without `/dir/`).
 */
export function hashWithSlash(s: string): number {
	const n = s.length;
	// fnv() reads four code units a step, then one: the "/" joins the last step of four when
	// s + "/" has a multiple of four, and takes a step of its own otherwise.
	const whole = (n + 1) & ~3;
	let dir: number;
	if (whole === n + 1)
		dir = Math.imul(
			fnv(s, 0, n - 3) ^
				(s.charCodeAt(n - 3) |
					(s.charCodeAt(n - 2) << 8) |
					(s.charCodeAt(n - 1) << 16) |
					(0x2f << 24)),
			FNV_PRIME
		);
	else dir = Math.imul(fnv(s, whole, n, fnv(s, 0, whole)) ^ 0x2f, FNV_PRIME);
	return hashParts(dir, FNV_OFFSET);
}

/** The hash `measure` gives for `s`. */
export const hashOf = (s: string): number => measure(s).hash;
