import { describe, expect, it } from 'vitest';
import { parsePaste } from '$lib/paths/parse-paste';
import { WARM_UP_ROUNDS, warmUpPaste } from './warm-up';

describe('warmUpPaste', () => {
	it('takes every path through the rules: each kind of item, fold, duplicate and message', () => {
		const total = { files: 0, wildcards: 0, tags: 0, folded: 0, duplicates: 0 };
		const severities = new Set<string>();
		for (let round = 0; round < WARM_UP_ROUNDS; round++) {
			const { text, options } = warmUpPaste(round);
			const { summary, diagnostics } = parsePaste(text, options);
			for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += summary[k];
			for (const d of diagnostics) severities.add(d.severity);
		}
		for (const [kind, n] of Object.entries(total)) expect(n, kind).toBeGreaterThan(0);
		expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
	});
});
