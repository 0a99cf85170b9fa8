/** Shapes shared by the path rules. Pure data: no framework, no SDK. */

/** What an item is: a cache tag (`#…`), a wildcard path (trailing `*`) or a file path. */
export type ItemKind = 'file' | 'wildcard' | 'tag';

/** Errors block sending; warnings point at a likely mistake; information says what was done. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One change to the text: replace piece `piece` of line `line` (1-based; pieces are what list
 * splitting finds on a line, 0 when the line holds one item) with `text`; '' removes it.
 */
export interface Edit {
	line: number;
	piece: number;
	text: string;
}

/** A one-click fix: a label naming the result ("Use /docs/*") and the edits it makes. */
export interface Fix {
	label: string;
	edits: Edit[];
	/**
	 * Items to remove, as parallel arrays of line and piece: typed arrays, compact for 100,000 of
	 * them (several fixes' arrays may be views of one buffer).
	 */
	remove?: { lines: Int32Array; pieces: Int32Array };
}

export interface Diagnostic {
	/** 1-based line in the text; 0 for the whole batch (limits). */
	line: number;
	severity: Severity;
	/** The piece of the line it is about, as typed. */
	input: string;
	/** What is wrong or what was done, and how to fix it. */
	message: string;
	fixes: Fix[];
}

export interface BatchSummary {
	/** Items that will be sent (after folding and de-duplication). */
	items: number;
	files: number;
	wildcards: number;
	tags: number;
	/** Items left out because a wildcard in the same list covers them. */
	folded: number;
	/** Items left out because they repeat an earlier one. */
	duplicates: number;
	/** Lines with at least one error. */
	errorLines: number;
	errors: number;
	warnings: number;
	infos: number;
}

export interface PathBatch {
	/** Distinct items to send, in the order typed (never reordered: a retry must send the same batch). */
	items: string[];
	/** 1-based line of each item in `items`. */
	itemLines: Int32Array;
	/** Messages in line order. */
	diagnostics: Diagnostic[];
	summary: BatchSummary;
	/** Lines with an error (kept for callers that only gate the button). */
	errorCount: number;
}

export interface ParseOptions {
	/** Host names of the distribution (domain and aliases): a URL on one of them is its path. */
	hosts?: string[];
	/** Whether the distribution has a CacheTagConfig, so `#tag` items work. */
	tagsEnabled?: boolean;
	/** The user says the cache key includes query strings: keep them without a warning. */
	keepQueryStrings?: boolean;
	/** Files sharing one directory from which a wildcard is suggested. */
	siblingThreshold?: number;
}
