/**
 * Rules across the items of one batch: duplicates, case twins, items folded under a wildcard of
 * the same list, `/dir` without `/dir/`, and a wildcard suggested for many siblings.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * (paths are case-sensitive; `*` matches zero or more characters at the end; `/dir` and `/dir/`
 * are different objects)
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 * (a wildcard is billed as one path however many files it covers)
 *
 * Built for 100,000 items: one pass over each item's characters hashes it and its directory;
 * everything else is table lookups on numbers.
 */
import { formatCount } from './format-count';
import type { BatchSummary, Diagnostic, Fix, ItemKind, Severity } from './types';

/** Files in one directory from which `/dir/*` is suggested. */
export const DEFAULT_SIBLING_THRESHOLD = 10;

const HAS_UPPER = /[A-Z]/;

const KIND_FILE = 0;
const KIND_WILDCARD = 1;
const KIND_TAG = 2;
const KIND_MASK = 3;
const KINDS: ItemKind[] = ['file', 'wildcard', 'tag'];
const NOT_SENT = 4;
const BARE_NAME = 8; // no `.` or `?` after the last `/`, and not ending in `/`

export class BatchRules {
	#diagnostics: Diagnostic[];
	#values: string[] = [];
	/** The typed text of an item when it differs from its value (a URL, an unencoded path). */
	#inputs = new Map<number, string>();
	// Numbers per item in typed arrays grown together: plain arrays' push cost a third of the parse.
	#capacity: number;
	#lines: Int32Array;
	#pieces: Int32Array;
	/** Kind (KIND_* bits) and NOT_SENT / BARE_NAME flags. */
	#meta: Uint8Array;
	/** The first item of this file's directory (-1: none), the directory's length, and, on that
	 * first item, how many files the directory holds. */
	#dirOf: Int32Array;
	#dirLength: Int32Array;
	#dirCount: Int32Array;
	/** Exact value (tags: lower-cased) → index; lower-cased paths with an upper-case letter → index. */
	#exact = new Map<string, number>();
	#lowerCased = new Map<string, number>();
	/** Directory (up to its last `/`) → the index of its first file. */
	#dirIds = new Map<string, number>();
	#lastDir = -1;
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
		this.#dirLength = new Int32Array(this.#capacity);
		this.#dirCount = new Int32Array(this.#capacity);
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
		this.#dirLength = grown(this.#dirLength);
		this.#dirCount = grown(this.#dirCount);
	}

	#kind(i: number): ItemKind {
		return KINDS[this.#meta[i] & KIND_MASK];
	}

	/**
	 * Record one checked item. Duplicates use a Map on the exact value (V8 caches string hashes);
	 * case twins need an upper-case letter on one side, so only such items pay for lower-casing.
	 */
	add(
		value: string,
		kind: ItemKind,
		line: number,
		piece: number,
		input: string,
		isLowerCase = false
	) {
		const key = kind === 'tag' ? value.toLowerCase() : value; // tags are case-insensitive
		const same = this.#exact.get(key);
		if (same !== undefined) {
			this.#duplicates++;
			const message = `Same as line ${this.#lines[same]}: sent once.`;
			this.#note(line, 'info', input, message, removeFix(line, piece));
			return;
		}
		const index = this.#values.length;
		if (index === this.#capacity) this.#grow();
		this.#exact.set(key, index);
		this.#values.push(value);
		if (input !== value) this.#inputs.set(index, input);
		this.#lines[index] = line;
		this.#pieces[index] = piece;
		if (kind !== 'tag') {
			if (!isLowerCase || this.#lowerCased.size > 0)
				this.#checkCase(value, index, line, piece, input);
		}
		if (kind === 'file') {
			this.#files++;
			this.#countDir(value, index);
		} else {
			if (kind === 'wildcard') this.#wildcards++;
			else this.#tags++;
			this.#meta[index] = kind === 'wildcard' ? KIND_WILDCARD : KIND_TAG;
			this.#dirOf[index] = -1;
		}
	}

	#checkCase(value: string, index: number, line: number, piece: number, input: string) {
		let twin: number | undefined;
		if (HAS_UPPER.test(value)) {
			const lower = value.toLowerCase();
			twin = this.#exact.get(lower) ?? this.#lowerCased.get(lower);
			if (!this.#lowerCased.has(lower)) this.#lowerCased.set(lower, index);
		} else if (this.#lowerCased.size > 0) twin = this.#lowerCased.get(value);
		if (twin === undefined) return;
		this.#note(
			line,
			'warning',
			input,
			`Differs from line ${this.#lines[twin]} (${this.#values[twin]}) only by case. Paths are case-sensitive: both are sent, as two objects.`,
			removeFix(line, piece)
		);
	}

	/**
	 * Count a file in its directory. Pasted lists are mostly grouped by directory, so the previous
	 * item's directory is tried first, without building a string.
	 */
	#countDir(value: string, index: number) {
		const slash = value.lastIndexOf('/');
		const bare = slash < value.length - 1 && value.indexOf('.', slash) === -1;
		this.#meta[index] = KIND_FILE | (bare && value.indexOf('?') === -1 ? BARE_NAME : 0);
		if (slash <= 0) {
			this.#dirOf[index] = -1;
			return;
		}
		const last = this.#lastDir;
		let dir: number;
		if (
			last !== -1 &&
			this.#dirLength[last] === slash + 1 &&
			sameStart(this.#values[last], value, slash + 1)
		)
			dir = last;
		else {
			const name = value.slice(0, slash + 1);
			const known = this.#dirIds.get(name);
			if (known === undefined) {
				this.#dirIds.set(name, index);
				this.#dirLength[index] = slash + 1;
				dir = index;
			} else dir = known;
			this.#lastDir = dir;
		}
		this.#dirOf[index] = dir;
		this.#dirCount[dir]++;
	}

	#input(i: number): string {
		return this.#inputs.get(i) ?? this.#values[i];
	}

	#note(line: number, severity: Severity, input: string, message: string, fix?: Fix) {
		this.#diagnostics.push({ line, severity, input, message, fixes: fix ? [fix] : [] });
	}

	/** Apply the cross-item rules; true when it added messages (they then need sorting). */
	finish(siblingThreshold = DEFAULT_SIBLING_THRESHOLD): boolean {
		const before = this.#diagnostics.length;
		if (this.#wildcards > 0) this.#fold();
		let crowded = false;
		for (let i = 0; i < this.#values.length; i++) {
			const flags = this.#meta[i];
			if (flags & NOT_SENT) continue;
			if (flags & BARE_NAME) this.#bareName(i);
			if (this.#dirCount[i] >= siblingThreshold) crowded = true;
		}
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
		for (let i = 0; i < this.#values.length; i++)
			if (this.#kind(i) === 'wildcard') byPrefix.set(this.#values[i].slice(0, -1), i);
		const kept: string[] = [];
		for (const p of [...byPrefix.keys()].sort())
			if (kept.length === 0 || !p.startsWith(kept[kept.length - 1])) kept.push(p);
		const keptSet = new Set(kept);
		// A cheap first filter: the character after the leading "/" of every kept prefix.
		const second = new Set(kept.map((p) => p.charCodeAt(1)));
		const everything = kept[0] === '/';
		for (let i = 0; i < this.#values.length; i++) {
			const kind = this.#kind(i);
			if (kind === 'tag') continue;
			if (!everything && !second.has(this.#values[i].charCodeAt(1))) continue;
			const own = kind === 'wildcard' ? this.#values[i].slice(0, -1) : this.#values[i];
			if (kind === 'wildcard' && keptSet.has(own)) continue;
			const prefix = greatestNotAfter(kept, own);
			if (prefix === undefined || !own.startsWith(prefix)) continue;
			const w = byPrefix.get(prefix)!;
			this.#meta[i] |= NOT_SENT;
			this.#folded++;
			if (this.#dirOf[i] !== -1) this.#dirCount[this.#dirOf[i]]--;
			this.#note(
				this.#lines[i],
				'info',
				this.#input(i),
				`Covered by ${this.#values[w]} (line ${this.#lines[w]}): not sent separately.`
			);
		}
	}

	/** `/docs` and `/docs/` are different objects: offer `/docs/` too, or `/docs*`. */
	#bareName(i: number) {
		const v = this.#values[i];
		if (this.#exact.has(v + '/')) return;
		const line = this.#lines[i];
		const piece = this.#pieces[i];
		this.#diagnostics.push({
			line,
			severity: 'warning',
			input: this.#input(i),
			message: `${v} and ${v}/ are different objects in CloudFront's cache. If ${v} is a directory, purge ${v}/ too, or use ${v}* for it and everything under it.`,
			fixes: [
				{ label: `Add ${v}/`, edits: [{ line, piece, text: `${v}\n${v}/` }] },
				{ label: `Use ${v}*`, edits: [{ line, piece, text: `${v}*` }] }
			]
		});
	}

	/** Many files in one directory: one wildcard costs one path (pricing page). */
	#suggestWildcards(threshold: number) {
		const groups = new Map<number, number[]>();
		for (let i = 0; i < this.#values.length; i++) {
			const d = this.#dirOf[i];
			if (d === -1 || this.#meta[i] & NOT_SENT || this.#dirCount[d] < threshold) continue;
			const group = groups.get(d);
			if (group) group.push(i);
			else groups.set(d, [i]);
		}
		for (const [d, group] of groups) {
			const first = group[0];
			const dir = this.#values[d].slice(0, this.#dirLength[d]);
			const wildcard = dir + '*';
			// Removals as two number arrays, not one object per item: 100,000 siblings stay cheap.
			const rest = group.slice(1);
			const remove = {
				lines: rest.map((i) => this.#lines[i]),
				pieces: rest.map((i) => this.#pieces[i])
			};
			const line = this.#lines[first];
			const edits = [{ line, piece: this.#pieces[first], text: wildcard }];
			this.#note(
				line,
				'info',
				this.#input(first),
				`${formatCount(group.length)} paths are in ${dir}: one wildcard, ${wildcard}, would save ${formatCount(group.length - 1)} paths (it also purges everything else under ${dir}).`,
				{ label: `Use ${wildcard}`, edits, remove }
			);
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
		const count = this.#values.length;
		if (this.#folded === 0) {
			summary.items = count;
			return { items: this.#values, itemLines: this.#lines.slice(0, count), summary };
		}
		const items: string[] = [];
		const itemLines = new Int32Array(count - this.#folded);
		for (let i = 0; i < count; i++) {
			if (this.#meta[i] & NOT_SENT) {
				const kind = this.#kind(i);
				if (kind === 'file') summary.files--;
				else if (kind === 'wildcard') summary.wildcards--;
				continue;
			}
			itemLines[items.length] = this.#lines[i];
			items.push(this.#values[i]);
		}
		summary.items = items.length;
		return { items, itemLines, summary };
	}
}

const removeFix = (line: number, piece: number): Fix => ({
	label: 'Remove this line',
	edits: [{ line, piece, text: '' }]
});

function sameStart(a: string, b: string, length: number): boolean {
	for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
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
