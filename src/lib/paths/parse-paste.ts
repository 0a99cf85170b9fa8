/**
 * Turns the text typed or pasted into the paths field into a batch CloudFront will accept, with
 * messages per line that say what is wrong, what was done, and how to fix it (recorded as plain
 * data: their words are built when shown, messages.ts). Rules and sources:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 *
 * Built for 100,000-line pastes: a plain path is recognised by one native regular expression test
 * and recorded without further checks; only lines that need more go through the full checks.
 */
import { checkItem, ItemReport, MAX_PATH_LENGTH, type ItemOptions } from './check-item';
import { BatchRules } from './batch-rules';
import { limitDiagnostics } from './limits';
import { SEVERITY_OF } from './messages';
import { splitList } from './split-list';
import { asciiBytes } from './path-shape';
import type { Diagnostic, ParseOptions, PathBatch } from './types';

export { classify, MAX_PATH_LENGTH, MAX_TAG_LENGTH } from './check-item';
export { describe, fixesOf, messageOf, severityOf } from './messages';
export type * from './types';

/**
 * Parse a paste into the batch to send and the messages to show.
 * @example parsePaste('/a, /b\nimages/c d.png').items // ['/a', '/b', '/images/c%20d.png']
 */
export function parsePaste(text: string, options: ParseOptions = {}): PathBatch {
	return parse(text, options, true);
}

/**
 * The same, every line through the full checks: the reference the fast path must agree with.
 * For tests.
 */
export function parsePasteFully(text: string, options: ParseOptions = {}): PathBatch {
	return parse(text, options, false);
}

// A plain path: "/", then only characters sent as typed (no `*`, `?`, `%`, `~`, `#`, `,`, `;`,
// blanks or non-ASCII), which the full checks would send as it is without a word ("/" alone and
// paths over the limit get messages). Sticky, so a line is tested in place in the text: one
// native test per line, and lower case first, as most paths are.
const PLAIN_LOWER = /\/[a-z0-9_\-./!$&'()+:=@]+/y;
const PLAIN = /\/[\w\-./!$&'()+:=@]+/y;

/** 0: not plain; 1: plain, lower case; 2: plain, with an upper-case letter. */
function plainness(s: string, start: number, end: number): number {
	if (end - start > MAX_PATH_LENGTH) return 0;
	PLAIN_LOWER.lastIndex = start;
	if (PLAIN_LOWER.test(s) && PLAIN_LOWER.lastIndex === end) return 1;
	PLAIN.lastIndex = start;
	return PLAIN.test(s) && PLAIN.lastIndex === end ? 2 : 0;
}

function parse(text: string, options: ParseOptions, fastPath: boolean): PathBatch {
	const itemOptions: ItemOptions = {
		hosts: (options.hosts ?? []).map((h) => h.toLowerCase()),
		tagsEnabled: options.tagsEnabled ?? false,
		keepQueryStrings: options.keepQueryStrings ?? false
	};
	const diagnostics: Diagnostic[] = [];
	let errorLines = 0;
	const rules = new BatchRules(diagnostics, text.length >> 5);
	const bytes = fastPath ? asciiBytes(text) : undefined;
	const report = new ItemReport(diagnostics);
	// Lines end at \r\n, \n or \r, as text.split(/\r\n|\n|\r/) would cut them, without the array.
	const length = text.length;
	let lf = text.indexOf('\n');
	let cr = text.indexOf('\r');
	let next: number;
	for (let start = 0, line = 1; start <= length; start = next, line++) {
		if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
		if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
		const end = lf === -1 ? (cr === -1 ? length : cr) : cr === -1 || lf < cr ? lf : cr;
		// \r\n: the line ends at a \r with the next \n right after it (no charCodeAt: slow on text).
		next = end === cr && lf === end + 1 ? end + 2 : end + 1;
		const plain = fastPath ? plainness(text, start, end) : 0;
		if (plain !== 0) {
			rules.addPlainFile(text, start, end, line, 0, plain === 2, bytes);
			continue;
		}
		const input = text.slice(start, end).trim();
		if (input === '') continue;
		// A line that trim left as it was has just failed the plain test as a whole.
		const tested = fastPath && input.length === end - start;
		if (parseLine(input, line, itemOptions, rules, report, fastPath, tested)) errorLines++;
	}
	const crossed = rules.finish(options.siblingThreshold);
	if (crossed) diagnostics.sort((a, b) => a.line - b.line); // two sorted runs: linear in V8
	const { items, itemLines, summary } = rules.result();
	const limits = limitDiagnostics(summary);
	diagnostics.unshift(...limits);
	summary.errorLines = errorLines;
	for (const d of diagnostics) {
		const severity = SEVERITY_OF[d.code];
		if (severity === 'error') summary.errors++;
		else if (severity === 'warning') summary.warnings++;
		else summary.infos++;
	}
	return { items, itemLines, diagnostics, summary, errorCount: errorLines };
}

/** Check every item on one line; true when the line has an error. */
function parseLine(
	input: string,
	line: number,
	options: ItemOptions,
	rules: BatchRules,
	report: ItemReport,
	fastPath: boolean,
	testedWhole: boolean
): boolean {
	const pieces = splitList(input);
	if (pieces.length > 1 || pieces[0] !== input)
		report.diagnostics.push({
			line,
			piece: 0,
			input,
			code: 'list',
			count: pieces.length,
			first: pieces[0]
		});
	// Plain loops, no callbacks: this runs for one line in ten of a 100,000-line paste.
	report.line = line;
	report.hasError = false;
	for (let index = 0; index < pieces.length; index++) {
		const piece = pieces[index];
		const plain =
			fastPath && !(testedWhole && piece === input) ? plainness(piece, 0, piece.length) : 0;
		if (plain !== 0) {
			rules.addPlainFile(piece, 0, piece.length, line, index, plain === 2);
			continue;
		}
		report.piece = index;
		const value = checkItem(piece, options, report);
		if (value !== undefined) rules.add(value, report.kind, line, index, piece);
	}
	return report.hasError;
}
