/**
 * The path rules' verdicts as the worker sends them to the page. A structured clone of a
 * 100,000-item PathBatch copies every item string and every message object one by one, on both
 * threads (9 MB, ~60-80 ms of the page's main thread to decode); here the items travel as one
 * string and the messages (plain data: their words are built on the page, messages.ts) as one
 * JSON text, which the page turns back into a PathBatch in a fraction of that (two native calls:
 * `split` and `JSON.parse`).
 */
import type { PathBatch } from '$lib/paths/parse-paste';

/** Between items in `items`: never inside one (items come from lines, split at line ends). */
const SEPARATOR = '\n';

export interface PackedBatch {
	/** The items joined with '\n', or the array itself if an item ever held a line end. */
	items: string | string[];
	count: number;
	itemLines: Int32Array;
	/** The diagnostics as JSON. */
	diagnostics: string;
	summary: PathBatch['summary'];
	errorCount: number;
}

type Diagnostics = PathBatch['diagnostics'];

/**
 * A wildcard suggestion lists the items its fix removes in typed arrays (compact for 100,000
 * items), which JSON would turn into objects keyed by index: they travel as plain arrays and are
 * typed again on arrival. Only those few messages are touched (a reviver or replacer would run on
 * every key of every message, doubling the parse).
 */
const removalsAsArrays = (diagnostics: Diagnostics): Diagnostics =>
	diagnostics.map((d) =>
		d.code === 'siblings'
			? {
					...d,
					remove: {
						lines: Array.from(d.remove.lines),
						pieces: Array.from(d.remove.pieces)
					} as unknown as typeof d.remove
				}
			: d
	);

function typeRemovals(diagnostics: Diagnostics): Diagnostics {
	for (const d of diagnostics)
		if (d.code === 'siblings')
			d.remove = {
				lines: Int32Array.from(d.remove.lines),
				pieces: Int32Array.from(d.remove.pieces)
			};
	return diagnostics;
}

/** In the worker: the batch in the compact form. `itemLines` is shared, so it can be transferred. */
export function packBatch(batch: PathBatch): PackedBatch {
	const { items } = batch;
	const joinable = !items.some((item) => item.includes(SEPARATOR));
	return {
		items: joinable ? items.join(SEPARATOR) : items,
		count: items.length,
		itemLines: batch.itemLines,
		diagnostics: JSON.stringify(removalsAsArrays(batch.diagnostics)),
		summary: batch.summary,
		errorCount: batch.errorCount
	};
}

/** In the page: the batch back, equal to the one packed. */
export function unpackBatch(packed: PackedBatch): PathBatch {
	const { items, count } = packed;
	return {
		items: typeof items !== 'string' ? items : count === 0 ? [] : items.split(SEPARATOR),
		itemLines: packed.itemLines,
		diagnostics: typeRemovals(JSON.parse(packed.diagnostics) as Diagnostics),
		summary: packed.summary,
		errorCount: packed.errorCount
	};
}
