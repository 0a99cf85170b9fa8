/**
 * Rules across the items of one batch: duplicates, case twins, items folded under a wildcard of
 * the same list, `/dir` without `/dir/`, and a wildcard suggested for many siblings.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * (paths are case-sensitive; `*` matches zero or more characters at the end; `/dir` and `/dir/`
 * are different objects)
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * (a wildcard is billed as one path however many files it covers)
 *
 * Built for 100,000 items: each item's characters are read once (path-shape.ts), for its hash and
 * its directory's. Directories are found by hash as items arrive; duplicates and case twins once
 * all have arrived, from the items sorted by hash (sorted-hashes.ts), comparing strings only on a
 * hash match.
 */
import { HashSlots } from './hash-slots';
import { firstAt, sortByHash, type SortedHashes } from './sorted-hashes';
import {
	fnv,
	fnvView,
	FNV_OFFSET,
	hashOf,
	hashParts,
	hashWithSlash,
	HAS_UPPER,
	measure
} from './path-shape';
import type { BatchSummary, Diagnostic, ItemKind } from './types';

/** Files in one directory from which `/dir/*` is suggested. */
export const DEFAULT_SIBLING_THRESHOLD = 10;

const KIND_FILE = 0;
const KIND_WILDCARD = 1;
const KIND_TAG = 2;
const KIND_MASK = 3;
const KINDS: ItemKind[] = ['file', 'wildcard', 'tag'];
const NOT_SENT = 4;
const BARE_NAME = 8; // no `.` or `?` after the last `/`, and not ending in `/`
const UPPER = 16; // has a letter in A-Z: may have a case twin
const DUPLICATE = 32; // repeats an earlier item (then also NOT_SENT)
const IN_TEXT = 64; // a plain line whose string is sliced from the pasted text in finish()

export class BatchRules {
	#diagnostics: Diagnostic[];
	/** Allocated at the expected size: pushed one by one, it was copied at each growth. */
	#values: string[];
	#count = 0;
	/**
	 * The typed text of the items whose value differs from it (a URL, an unencoded path): their
	 * numbers, ascending, and those texts. A Map keyed by item cost more than the rest of #add.
	 */
	#inputItems: number[] = [];
	#inputTexts: string[] = [];
	// Numbers per item in typed arrays grown together: plain arrays' push cost a third of the parse.
	#capacity: number;
	#lines: Int32Array;
	#pieces: Int32Array;
	/** Kind (KIND_* bits) and NOT_SENT / BARE_NAME / UPPER / DUPLICATE flags. */
	#meta: Uint8Array;
	/** Each item's hash (of its value; of its lower-cased value for a tag). */
	#hashes: Int32Array;
	/**
	 * Where the IN_TEXT items start in #text (they end where #pieces says until then: a whole
	 * line is piece 0). Their strings are made after the last line: made as the lines are read,
	 * 100,000 strings outlived each young-generation garbage collection of the parse and were
	 * copied by it (a sixth of the parse).
	 */
	#text = '';
	#from: Int32Array;
	/** Each file's directory (an index into the #dir arrays; -1: none). */
	#dirOf: Int32Array;
	/** All items sorted by hash, once all have arrived (finish). */
	#sorted: SortedHashes | undefined;
	/** Items with an upper-case letter, by the hash of their lower-cased value; the first of each. */
	#lowerCased = new HashSlots();
	#upper = 0;
	/** Directories (parentDirectory) by hash; their names, first files, file counts and hashes. */
	#dirs = new HashSlots();
	#dirNames: string[] = [];
	#dirFirst: number[] = [];
	#dirCount: number[] = [];
	#dirHashes: number[] = [];
	#lastDir = -1;
	/** fnv() of #lastDir's name, for hashParts. */
	#lastDirPart = 0;
	/**
	 * Where #lastDir's name can be read: in the pasted text, at the line that had it (charCodeAt
	 * on the pasted text is several times faster than on a slice of it, such as the name).
	 */
	#lastDirText = '';
	#lastDirAt = 0;
	/** The pasted text's bytes (path-shape asciiBytes), when #lastDirText is that text. */
	#lastDirBytes: DataView | undefined;
	#files = 0;
	#wildcards = 0;
	#tags = 0;
	#duplicates = 0;
	#folded = 0;

	constructor(diagnostics: Diagnostic[], expected = 256) {
		this.#diagnostics = diagnostics;
		this.#capacity = Math.max(expected, 16);
		this.#lines = new Int32Array(this.#capacity);
		this.#pieces = new Int32Array(this.#capacity);
		this.#meta = new Uint8Array(this.#capacity);
		this.#dirOf = new Int32Array(this.#capacity);
		this.#hashes = new Int32Array(this.#capacity);
		this.#from = new Int32Array(this.#capacity);
		this.#values = new Array<string>(this.#capacity);
	}

	#grow() {
		const grown = <T extends Int32Array | Uint8Array>(a: T): T => {
			const b = new (a.constructor as { new (n: number): T })(a.length * 2);
			b.set(a);
			return b;
		};
		this.#capacity *= 2;
		this.#lines = grown(this.#lines);
		this.#pieces = grown(this.#pieces);
		this.#meta = grown(this.#meta);
		this.#dirOf = grown(this.#dirOf);
		this.#hashes = grown(this.#hashes);
		this.#from = grown(this.#from);
	}

	#kind(i: number): ItemKind {
		return KINDS[this.#meta[i] & KIND_MASK];
	}

	#key(i: number): string {
		const v = this.#values[i];
		return (this.#meta[i] & KIND_MASK) === KIND_TAG ? v.toLowerCase() : v;
	}

	/** The first item whose key is `key` (its hash: `hash`), or -1. After #sortByHash. */
	#find(hash: number, key: string): number {
		const { keys, items } = this.#sorted!;
		for (let at = firstAt(keys, hash); at < keys.length && keys[at] === hash; at++)
			if (this.#key(items[at]) === key) return items[at];
		return -1;
	}

	/**
	 * Whether `v` + "/" is an item, without building that string (hashing or comparing a
	 * concatenation flattens it: a copy per bare name). After #sortByHash.
	 */
	#hasSlashed(v: string): boolean {
		const { keys, items } = this.#sorted!;
		const hash = hashWithSlash(v);
		const length = v.length + 1;
		for (let at = firstAt(keys, hash); at < keys.length && keys[at] === hash; at++) {
			const w = this.#values[items[at]];
			// A tag starts with "#", never with v's "/": no need to lower-case keys here.
			if (w.length === length && w.charCodeAt(length - 1) === 0x2f && w.startsWith(v)) return true;
		}
		return false;
	}

	/** The first item with an upper-case letter whose lower-cased value is `lower`, or -1. */
	#findLowerCased(hash: number, lower: string): number {
		const table = this.#lowerCased;
		table.seek(hash);
		for (let j = table.next(); j !== -1; j = table.next())
			if (this.#values[j].toLowerCase() === lower) return j;
		return -1;
	}

	/** Record one checked item. */
	add(value: string, kind: ItemKind, line: number, piece: number, input: string) {
		if (kind === 'tag') {
			const key = value.toLowerCase(); // tags are case-insensitive
			const index = this.#add(value, KIND_TAG, line, piece, input, measure(key).hash);
			this.#noDir(index, KIND_TAG);
			return;
		}
		const shape = measure(value);
		const { hash, flags, slash, dirPart } = shape;
		const bare = slash < value.length - 1 && shape.dot === -1 && shape.query === -1;
		const file = kind === 'file';
		const index = this.#add(value, file ? KIND_FILE : KIND_WILDCARD, line, piece, input, hash);
		const upper = flags & HAS_UPPER ? UPPER : 0;
		if (file) this.#countDir(index, slash, dirPart, bare, value, 0, upper);
		else this.#noDir(index, KIND_WILDCARD | upper);
		if (upper) this.#upper++;
	}

	/**
	 * Record a plain file path (the paste's plain lines: "/" then only `[\w\-./!$&'()+:=@]`, no
	 * `?`), checked by the caller. The common case costs a few native string operations and a
	 * hash of the file name: a file in the previous file's directory reuses that directory's
	 * hash and number.
	 */
	addPlainFile(
		text: string,
		start: number,
		end: number,
		line: number,
		piece: number,
		hasUpper: boolean,
		bytes?: DataView
	) {
		// Read in place in the pasted text (charCodeAt on a slice of it is several times slower),
		// or better, in its bytes when it is all ASCII.
		const last = this.#lastDir;
		const length = last === -1 ? 0 : this.#dirNames[last].length;
		// The file's directory, if it has one, ends at its last "/" (there is one at `start`).
		let slash: number;
		let dot = false;
		if (bytes !== undefined) {
			// One pass back over the file name (String#lastIndexOf and #indexOf call into the
			// runtime), four bytes a step while none is a "/" (there is one at `start`).
			let i = end;
			for (let w: number; i - 4 >= start; i -= 4) {
				w = bytes.getInt32(i - 4, true);
				if (hasByte(w ^ 0x2f2f2f2f)) break;
				if (hasByte(w ^ 0x2e2e2e2e)) dot = true;
			}
			let c = bytes.getUint8(--i);
			for (; c !== 0x2f; c = bytes.getUint8(--i)) if (c === 0x2e) dot = true;
			slash = i - start;
		} else slash = text.lastIndexOf('/', end - 1) - start;
		const sameDir =
			slash === length - 1 &&
			last !== -1 &&
			(bytes !== undefined && this.#lastDirBytes === bytes
				? sameBytes(bytes, start, this.#lastDirAt, length)
				: sameChars(text, start, this.#lastDirText, this.#lastDirAt, length));
		let dirPart: number;
		let rest: number;
		if (bytes !== undefined) {
			dirPart = sameDir ? this.#lastDirPart : fnvView(bytes, start, start + slash + 1);
			rest = fnvView(bytes, start + slash + 1, end);
		} else {
			dirPart = sameDir ? this.#lastDirPart : fnv(text, start, start + slash + 1);
			rest = fnv(text, start + slash + 1, end);
		}
		const hash = hashParts(dirPart, rest);
		let index: number;
		let upper = hasUpper ? UPPER : 0;
		if (bytes !== undefined) {
			// Its string is made in finish(), as a slice of the text.
			index = this.#add('', KIND_FILE, line, piece, '', hash);
			this.#text = text;
			this.#from[index] = start;
			this.#pieces[index] = end;
			upper |= IN_TEXT;
		} else {
			const value = start === 0 && end === text.length ? text : text.slice(start, end);
			index = this.#add(value, KIND_FILE, line, piece, value, hash);
			// In the line's own string: in the whole text, a line without a dot would search on to
			// the next dot anywhere below it (quadratic for a paste of extensionless paths).
			dot = value.indexOf('.', slash) !== -1;
		}
		const bare = slash < end - start - 1 && !dot;
		if (hasUpper) this.#upper++;
		if (sameDir) {
			this.#meta[index] = KIND_FILE | (bare ? BARE_NAME : 0) | upper;
			this.#dirOf[index] = last;
			this.#dirCount[last]++;
		} else this.#countDir(index, slash, dirPart, bare, text, start, upper, bytes);
	}

	/** The new item's number. Repeats are found once all items have arrived (finish). */
	#add(
		value: string,
		kind: number,
		line: number,
		piece: number,
		input: string,
		hash: number
	): number {
		const index = this.#count++;
		if (index === this.#capacity) this.#grow();
		this.#hashes[index] = hash;
		this.#values[index] = value;
		if (input !== value) {
			this.#inputItems.push(index);
			this.#inputTexts.push(input);
		}
		this.#lines[index] = line;
		this.#pieces[index] = piece;
		if (kind === KIND_FILE) this.#files++;
		else if (kind === KIND_WILDCARD) this.#wildcards++;
		else this.#tags++;
		return index;
	}

	#noDir(index: number, kind: number) {
		this.#meta[index] = kind;
		this.#dirOf[index] = -1;
	}

	/**
	 * Mark the items that repeat an earlier one (their keys equal): not sent, and counted out of
	 * their directory. Items with equal hashes sit side by side in the sorted order, earliest first.
	 * Gives each repeat's first item, or undefined when there is none.
	 */
	#markDuplicates(): Int32Array | undefined {
		const { keys, items } = this.#sorted!;
		let firstOf: Int32Array | undefined;
		for (let at = 0; at < keys.length - 1; at++) {
			if (keys[at] !== keys[at + 1]) continue;
			const run = at;
			while (at + 1 < keys.length && keys[at + 1] === keys[run]) at++;
			for (let k = run + 1; k <= at; k++) {
				const item = items[k];
				const key = this.#key(item);
				for (let e = run; e < k; e++) {
					const earlier = items[e];
					if (this.#meta[earlier] & DUPLICATE || this.#key(earlier) !== key) continue;
					firstOf ??= new Int32Array(this.#count);
					firstOf[item] = earlier;
					this.#meta[item] |= DUPLICATE | NOT_SENT;
					this.#duplicates++;
					if (this.#dirOf[item] !== -1) this.#dirCount[this.#dirOf[item]]--;
					break;
				}
			}
		}
		return firstOf;
	}

	/** Note repeats and case twins, in the order of the items. */
	#noteRepeatsAndTwins(firstOf: Int32Array | undefined) {
		for (let i = 0; i < this.#count; i++) {
			const meta = this.#meta[i];
			if (firstOf !== undefined && meta & DUPLICATE) {
				this.#diagnostics.push({
					line: this.#lines[i],
					piece: this.#pieces[i],
					input: this.#input(i),
					code: 'duplicate',
					of: this.#lines[firstOf[i]]
				});
			} else if (this.#upper > 0 && (meta & KIND_MASK) !== KIND_TAG && !(meta & DUPLICATE))
				this.#checkCase(i, meta);
		}
	}

	/** Case twins need an upper-case letter on one side: only such items pay for lower-casing. */
	#checkCase(index: number, meta: number) {
		const value = this.#values[index];
		let twin: number;
		if (meta & UPPER) {
			const lower = value.toLowerCase();
			const lowerHash = hashOf(lower);
			const first = this.#findLowerCased(lowerHash, lower);
			twin = this.#find(lowerHash, lower);
			if (twin > index) twin = -1; // only an earlier one
			if (twin === -1) twin = first;
			if (first === -1) this.#lowerCased.add(lowerHash, index);
		} else if (this.#lowerCased.size > 0) twin = this.#findLowerCased(this.#hashes[index], value);
		else return;
		if (twin === -1) return;
		this.#diagnostics.push({
			line: this.#lines[index],
			piece: this.#pieces[index],
			input: this.#input(index),
			code: 'case-twin',
			of: this.#lines[twin],
			twin: this.#values[twin]
		});
	}

	/**
	 * Count a file in its directory (parentDirectory(value), ending at `slash`: path-shape.spec.ts
	 * checks that measure() and parentDirectory agree), by the hash of the directory.
	 */
	#countDir(
		index: number,
		slash: number,
		dirPart: number,
		bare: boolean,
		text: string,
		start: number,
		upper: number,
		bytes?: DataView
	) {
		this.#meta[index] = KIND_FILE | (bare ? BARE_NAME : 0) | upper;
		if (slash <= 0) {
			this.#dirOf[index] = -1;
			return;
		}
		const dirHash = hashParts(dirPart, FNV_OFFSET);
		const length = slash + 1;
		// Pasted lists mostly come in runs of one directory: try the previous file's first.
		let dir = this.#lastDir;
		if (dir === -1 || !this.#isIn(text, start, length, dirHash, dir)) {
			const dirs = this.#dirs;
			dirs.seek(dirHash);
			do dir = dirs.next();
			while (dir !== -1 && !this.#isIn(text, start, length, dirHash, dir));
		}
		if (dir === -1) {
			dir = this.#dirNames.length;
			this.#dirNames.push(text.slice(start, start + length));
			this.#dirFirst.push(index);
			this.#dirCount.push(0);
			this.#dirHashes.push(dirHash);
			this.#dirs.add(dirHash, dir);
		}
		this.#dirOf[index] = dir;
		this.#dirCount[dir]++;
		this.#lastDir = dir;
		this.#lastDirPart = dirPart;
		this.#lastDirText = text;
		this.#lastDirAt = start;
		this.#lastDirBytes = bytes;
	}

	/** Whether the directory `length` long at `start` in `text` is directory `dir`. */
	#isIn(text: string, start: number, length: number, hash: number, dir: number): boolean {
		const name = this.#dirNames[dir];
		if (this.#dirHashes[dir] !== hash || name.length !== length) return false;
		// Compared in place: a slice per file to compare was a third of the garbage of a parse.
		for (let i = length - 2; i > 0; i--)
			if (text.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
		return true;
	}

	#input(i: number): string {
		const items = this.#inputItems;
		let lo = 0;
		let hi = items.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			if (items[mid] < i) lo = mid + 1;
			else if (items[mid] > i) hi = mid - 1;
			else return this.#inputTexts[mid];
		}
		return this.#values[i];
	}

	/** Apply the cross-item rules; true when it added messages (they then need sorting). */
	finish(siblingThreshold = DEFAULT_SIBLING_THRESHOLD): boolean {
		const before = this.#diagnostics.length;
		const text = this.#text;
		if (text !== '')
			for (let i = 0; i < this.#count; i++)
				if (this.#meta[i] & IN_TEXT) {
					this.#values[i] = text.slice(this.#from[i], this.#pieces[i]);
					this.#pieces[i] = 0;
				}
		this.#sorted = sortByHash(this.#hashes, this.#count);
		const firstOf = this.#markDuplicates();
		if (firstOf !== undefined || this.#upper > 0) this.#noteRepeatsAndTwins(firstOf);
		if (this.#wildcards > 0) this.#fold();
		for (let i = 0; i < this.#count; i++)
			if ((this.#meta[i] & (NOT_SENT | BARE_NAME)) === BARE_NAME) this.#bareName(i);
		let crowded = false;
		for (let d = 0; d < this.#dirNames.length; d++)
			if (this.#dirCount[d] >= siblingThreshold && !(this.#meta[this.#dirFirst[d]] & NOT_SENT))
				crowded = true;
		if (crowded) this.#suggestWildcards(siblingThreshold);
		return this.#diagnostics.length > before;
	}

	/**
	 * Fold items a wildcard of the same list covers. Reduced to the wildcards no other one covers,
	 * the prefixes are prefix-free, so in sorted order the only candidate for an item is the
	 * greatest prefix not after it: one binary search per item.
	 */
	#fold() {
		const byPrefix = new Map<string, number>();
		for (let i = 0; i < this.#count; i++)
			if ((this.#meta[i] & (KIND_MASK | DUPLICATE)) === KIND_WILDCARD)
				byPrefix.set(this.#values[i].slice(0, -1), i);
		const kept: string[] = [];
		for (const p of [...byPrefix.keys()].sort())
			if (kept.length === 0 || !p.startsWith(kept[kept.length - 1])) kept.push(p);
		const keptSet = new Set(kept);
		// A cheap first filter: the character after the leading "/" of every kept prefix. Values
		// are ASCII once encoded (encode.ts), so 128 entries, not one per UTF-16 code unit.
		const second = new Uint8Array(128);
		for (const p of kept) second[p.charCodeAt(1) & 127] = 1;
		const everything = kept[0] === '/';
		// A file's second character is its directory's: filtered once per directory, most items
		// are skipped without reading their string.
		const dirs = this.#dirNames.length;
		const dirPasses = new Uint8Array(dirs);
		for (let d = 0; d < dirs; d++) dirPasses[d] = second[this.#dirNames[d].charCodeAt(1) & 127];
		for (let i = 0; i < this.#count; i++) {
			const dir = this.#dirOf[i];
			if (!everything && dir !== -1 && !dirPasses[dir]) continue;
			const kind = this.#kind(i);
			if (kind === 'tag' || this.#meta[i] & DUPLICATE) continue;
			if (!everything && !second[this.#values[i].charCodeAt(1) & 127]) continue;
			const own = kind === 'wildcard' ? this.#values[i].slice(0, -1) : this.#values[i];
			if (kind === 'wildcard' && keptSet.has(own)) continue;
			const prefix = greatestNotAfter(kept, own);
			if (prefix === undefined || !own.startsWith(prefix)) continue;
			const w = byPrefix.get(prefix)!;
			this.#meta[i] |= NOT_SENT;
			this.#folded++;
			if (this.#dirOf[i] !== -1) this.#dirCount[this.#dirOf[i]]--;
			this.#diagnostics.push({
				line: this.#lines[i],
				piece: this.#pieces[i],
				input: this.#input(i),
				code: 'folded',
				by: this.#values[w],
				of: this.#lines[w]
			});
		}
	}

	/** `/docs` and `/docs/` are different objects: offer `/docs/` too, or `/docs*`. */
	#bareName(i: number) {
		const v = this.#values[i];
		if (this.#hasSlashed(v)) return;
		this.#diagnostics.push({
			line: this.#lines[i],
			piece: this.#pieces[i],
			input: this.#input(i),
			code: 'bare-name',
			value: v
		});
	}

	/** Many files in one directory: one wildcard costs one path (pricing page). */
	#suggestWildcards(threshold: number) {
		// Groups in the order of their first item sent. The others' removals go in two typed
		// arrays shared by all groups, each group a view of its own stretch (the count of files
		// sent in its directory, less the first): no object and no JS array per item, nothing
		// for the garbage collector to trace, and one buffer each to copy to the page.
		const next = new Int32Array(this.#dirNames.length).fill(-1); // a directory's next slot
		const firsts: number[] = [];
		const starts: number[] = [];
		const lines = new Int32Array(this.#files);
		const pieces = new Int32Array(this.#files);
		let used = 0;
		for (let i = 0; i < this.#count; i++) {
			const d = this.#dirOf[i];
			if (d === -1 || this.#meta[i] & NOT_SENT || this.#dirCount[d] < threshold) continue;
			const at = next[d];
			if (at === -1) {
				firsts.push(i);
				starts.push(used);
				next[d] = used;
				used += this.#dirCount[d] - 1;
			} else {
				lines[at] = this.#lines[i];
				pieces[at] = this.#pieces[i];
				next[d] = at + 1;
			}
		}
		for (let g = 0; g < firsts.length; g++) {
			const first = firsts[g];
			const d = this.#dirOf[first];
			const rest = this.#dirCount[d] - 1;
			this.#diagnostics.push({
				line: this.#lines[first],
				piece: this.#pieces[first],
				input: this.#input(first),
				code: 'siblings',
				count: rest + 1,
				dir: this.#dirNames[d],
				remove: {
					lines: lines.subarray(starts[g], starts[g] + rest),
					pieces: pieces.subarray(starts[g], starts[g] + rest)
				}
			});
		}
	}

	result(): { items: string[]; itemLines: Int32Array; summary: BatchSummary } {
		const summary: BatchSummary = {
			items: 0,
			files: this.#files,
			wildcards: this.#wildcards,
			tags: this.#tags,
			folded: this.#folded,
			duplicates: this.#duplicates,
			errorLines: 0,
			errors: 0,
			warnings: 0,
			infos: 0
		};
		const count = this.#count;
		if (this.#folded === 0 && this.#duplicates === 0) {
			summary.items = count;
			const items = this.#values;
			items.length = count;
			return { items, itemLines: this.#lines.slice(0, count), summary };
		}
		const items: string[] = [];
		const itemLines = new Int32Array(count - this.#folded - this.#duplicates);
		for (let i = 0; i < count; i++) {
			if (this.#meta[i] & NOT_SENT) {
				const kind = this.#kind(i);
				if (kind === 'file') summary.files--;
				else if (kind === 'wildcard') summary.wildcards--;
				else summary.tags--;
				continue;
			}
			itemLines[items.length] = this.#lines[i];
			items.push(this.#values[i]);
		}
		summary.items = items.length;
		return { items, itemLines, summary };
	}
}

/**
 * Whether `a` from `i` and `b` from `j` hold the same `length` characters. Compared from the end,
 * where the directories of a paste differ.
 */
function sameChars(a: string, i: number, b: string, j: number, length: number): boolean {
	for (let k = length - 1; k >= 0; k--)
		if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
	return true;
}

/**
 * Whether one of the four bytes of `x` is 0, for ASCII bytes (below 0x80) xor-ed with the byte
 * sought: https://graphics.stanford.edu/~seander/bithacks.html#ZeroInWord
 */
const hasByte = (x: number): boolean => ((x - 0x01010101) & ~x & 0x80808080) !== 0;

/** sameChars within bytes, four at a time. */
function sameBytes(v: DataView, i: number, j: number, length: number): boolean {
	let k = 0;
	for (; k + 3 < length; k += 4)
		if (v.getInt32(i + k, true) !== v.getInt32(j + k, true)) return false;
	for (; k < length; k++) if (v.getUint8(i + k) !== v.getUint8(j + k)) return false;
	return true;
}

/** The greatest string in sorted `list` that is not after `s`, if any. */
function greatestNotAfter(list: string[], s: string): string | undefined {
	let lo = 0;
	let hi = list.length - 1;
	let found: string | undefined;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (list[mid] <= s) {
			found = list[mid];
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}
