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

/**
 * One message about the paste, as plain data: what it is (`code`), where, and the few values its
 * words need. The words, severity and one-click fixes come from messages.ts when the message is
 * shown: a 100,000-line paste may have tens of thousands of messages, and only the few on screen
 * are ever read (building them all was a quarter of the parse).
 */
export type Diagnostic = {
	/** 1-based line in the text; 0 for the whole batch (limits). */
	line: number;
	/** The piece of the line it is about (see Edit): its fixes replace that piece. */
	piece: number;
	/** The piece of the line it is about, as typed. */
	input: string;
} & DiagnosticData;

/** A message's code and the values its words and fixes need (messages.ts). */
export type DiagnosticData =
	| { code: PlainCode }
	/** `value`: the item as it will be sent (for url-path: the URL's path). */
	| { code: ValueCode; value: string }
	| { code: 'url-elsewhere'; host: string; hosts: readonly string[] }
	/** `wildcard`: the prefix before the `~`, as a wildcard. */
	| { code: 'tilde'; wildcard: string }
	| { code: 'too-long' | 'tag-too-long'; length: number }
	/** A list on one line: how many items, and the first. */
	| { code: 'list'; count: number; first: string }
	/** `of`: the line of the first such item. */
	| { code: 'duplicate'; of: number }
	| { code: 'case-twin'; of: number; twin: string }
	/** Folded under the wildcard `by`, on line `of`. */
	| { code: 'folded'; by: string; of: number }
	/** `count` files sent in directory `dir`; the fix keeps the first and removes the others. */
	| {
			code: 'siblings';
			count: number;
			dir: string;
			/** The other files, as in Fix.remove. */
			remove: { lines: Int32Array; pieces: Int32Array };
	  }
	| { code: 'items-over' | 'wildcards-over'; count: number }
	/** `tags`: whether tags count with the files. */
	| { code: 'files-over'; count: number; tags: boolean };

export type DiagnosticCode = DiagnosticData['code'];

/** Messages whose words need nothing but the item. */
export type PlainCode =
	| 'url-not-path'
	| 'control-character'
	| 'query-kept'
	| 'root'
	| 'everything'
	| 'tags-off'
	| 'tag-empty'
	| 'tag-characters';

/** Messages about the value to send. */
export type ValueCode =
	| 'url-path'
	| 'slash-added'
	| 'encoded'
	| 'star-inside'
	| 'encoded-star'
	| 'query'
	| 'separator-at-end'
	| 'bare-name';

/** A message in words, as shown (messages.ts describe()). */
export interface Message {
	line: number;
	severity: Severity;
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
