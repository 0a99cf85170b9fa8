/** One-click fixes: the edits a Fix names, applied to the text. Pure, so the UI only assigns. */
import { splitList } from './split-list';
import type { Fix } from './types';

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The text with `fix` applied. An edited line holding a list is rewritten one item per line; an
 * item edited to '' is removed, and so is a line left empty.
 * @example applyFix('/a?x=1\n/b', { label: 'Use /a', edits: [{ line: 1, piece: 0, text: '/a' }] }) // '/a\n/b'
 */
export function applyFix(text: string, fix: Fix): string {
	const lines = text.split(LINE_BREAK);
	const byLine = new Map<number, Fix['edits']>();
	const edits = [...fix.edits];
	const remove = fix.remove;
	if (remove)
		remove.lines.forEach((line, i) => edits.push({ line, piece: remove.pieces[i], text: '' }));
	for (const e of edits) {
		const list = byLine.get(e.line);
		if (list) list.push(e);
		else byLine.set(e.line, [e]);
	}
	const removed = new Set<number>();
	for (const [line, edits] of byLine) {
		const index = line - 1;
		if (index < 0 || index >= lines.length) continue;
		const pieces = splitList(lines[index].trim());
		for (const e of edits) if (e.piece < pieces.length) pieces[e.piece] = e.text;
		const kept = pieces.filter((p) => p !== '');
		if (kept.length === 0) removed.add(index);
		else lines[index] = kept.join('\n');
	}
	return removed.size === 0 ? lines.join('\n') : lines.filter((_, i) => !removed.has(i)).join('\n');
}

/** Where line `line` (1-based) starts and ends in `text`, for selecting it in the editor. */
export function lineRange(text: string, line: number): [number, number] {
	let start = 0;
	for (let l = 1; l < line; l++) {
		const next = text.indexOf('\n', start);
		if (next === -1) return [text.length, text.length];
		start = next + 1;
	}
	const end = text.indexOf('\n', start);
	const stop = end === -1 ? text.length : end;
	return [start, text[stop - 1] === '\r' ? stop - 1 : stop];
}
