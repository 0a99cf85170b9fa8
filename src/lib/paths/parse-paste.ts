/**
 * Turns the text typed or pasted into the paths field into a batch CloudFront will accept, with
 * messages per line that say what is wrong, what was done, and how to fix it. Rules and sources:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html
 *
 * Built for 100,000-line pastes: a plain path takes one regex test and one map lookup; only lines
 * that need more go through the full checks.
 */
import { checkItem, MAX_PATH_LENGTH, type ItemOptions } from './check-item';
import { BatchRules } from './batch-rules';
import { limitDiagnostics } from './limits';
import { splitList } from './split-list';
import type { Diagnostic, Fix, ParseOptions, PathBatch } from './types';

export { classify, MAX_PATH_LENGTH, MAX_TAG_LENGTH } from './check-item';
export type * from './types';

/**
 * A path that needs no encoding, no explanation and no splitting: a leading `/`, then only
 * characters sent as typed (no `*`, `?`, `%`, `~`, `#`, `,`, `;`, blanks or non-ASCII).
 */
const PLAIN = /^\/[\w\-./!$&'()+:=@]+$/;
const PLAIN_LOWER_CASE = /^\/[a-z0-9_\-./!$&'()+:=@]+$/;
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * Parse a paste into the batch to send and the messages to show.
 * @example parsePaste('/a, /b\nimages/c d.png').items // ['/a', '/b', '/images/c%20d.png']
 */
export function parsePaste(text: string, options: ParseOptions = {}): PathBatch {
	const itemOptions: ItemOptions = {
		hosts: (options.hosts ?? []).map((h) => h.toLowerCase()),
		tagsEnabled: options.tagsEnabled ?? false,
		keepQueryStrings: options.keepQueryStrings ?? false
	};
	const diagnostics: Diagnostic[] = [];
	let errorLines = 0;
	const lines = text.split(LINE_BREAK);
	const rules = new BatchRules(diagnostics, lines.length);
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i];
		// Too long: the full checks refuse it with the count.
		if (raw.length <= MAX_PATH_LENGTH) {
			if (PLAIN_LOWER_CASE.test(raw)) {
				rules.add(raw, 'file', i + 1, 0, raw, true);
				continue;
			}
			if (PLAIN.test(raw)) {
				rules.add(raw, 'file', i + 1, 0, raw);
				continue;
			}
		}
		const input = raw.trim();
		if (input === '') continue;
		if (parseLine(input, i + 1, itemOptions, rules, diagnostics)) errorLines++;
	}
	const crossed = rules.finish(options.siblingThreshold);
	if (crossed) diagnostics.sort((a, b) => a.line - b.line); // two sorted runs: linear in V8
	const { items, itemLines, summary } = rules.result();
	const limits = limitDiagnostics(summary);
	diagnostics.unshift(...limits);
	summary.errorLines = errorLines;
	for (const d of diagnostics)
		if (d.severity === 'error') summary.errors++;
		else if (d.severity === 'warning') summary.warnings++;
		else summary.infos++;
	return { items, itemLines, diagnostics, summary, errorCount: errorLines };
}

/** Check every item on one line; true when the line has an error. */
function parseLine(
	input: string,
	line: number,
	options: ItemOptions,
	rules: BatchRules,
	diagnostics: Diagnostic[]
): boolean {
	const pieces = splitList(input);
	if (pieces.length > 1 || pieces[0] !== input)
		diagnostics.push({
			line,
			severity: 'info',
			input,
			message: `A list of ${pieces.length} on one line: each is checked and sent on its own.`,
			fixes: [{ label: 'Put one per line', edits: [{ line, piece: 0, text: pieces[0] }] }]
		});
	let hasError = false;
	pieces.forEach((piece, index) => {
		const checked = checkItem(piece, options);
		for (const m of checked.messages) {
			if (m.severity === 'error') hasError = true;
			const fixes: Fix[] = m.fixes.map((f) => ({
				label: f.label,
				edits: [{ line, piece: index, text: f.text }]
			}));
			diagnostics.push({ line, severity: m.severity, input: piece, message: m.message, fixes });
		}
		if (checked.value !== undefined) rules.add(checked.value, checked.kind, line, index, piece);
	});
	return hasError;
}
