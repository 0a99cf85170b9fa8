/**
 * Export of the filtered history with its paths, as CSV (RFC 4180) and JSON.
 * https://www.rfc-editor.org/rfc/rfc4180
 * A CallerReference is free text anyone with CreateInvalidation can write, so a cell starting
 * with = + - @ (or tab / carriage return) is prefixed with `'` to keep a spreadsheet from running
 * it as a formula: https://owasp.org/www-community/attacks/CSV_Injection
 */
import type { Invalidation } from './invalidation';
import { submitterOf } from './submitter';

const columns = ['id', 'created', 'status', 'submitter', 'caller_reference', 'path_count', 'paths'];

/**
 * One cell: formula-guarded, then quoted when it holds a comma, quote, CR or LF.
 * @example csvCell('=HYPERLINK("x")') // "\"'=HYPERLINK(\"\"x\"\")\""
 */
export function csvCell(value: string): string {
	const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** CSV with a header row and CRLF line ends; the paths of a row are one cell, one per line. */
export function toCsv(invalidations: readonly Invalidation[]): string {
	const rows = invalidations.map((inv) => [
		inv.id,
		inv.createTime.toISOString(),
		inv.status,
		submitterOf(inv.callerReference) ?? '',
		inv.callerReference,
		String(inv.paths.length),
		inv.paths.join('\n')
	]);
	return [columns, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** JSON with times in ISO 8601 (UTC) and the submitter, null when made outside the console. */
export function toJson(invalidations: readonly Invalidation[]): string {
	const out = invalidations.map((inv) => ({
		id: inv.id,
		createTime: inv.createTime.toISOString(),
		status: inv.status,
		submitter: submitterOf(inv.callerReference),
		callerReference: inv.callerReference,
		paths: inv.paths
	}));
	return JSON.stringify(out, null, 2) + '\n';
}
