/**
 * A made-up paste for the path-check worker to run through the rules once it starts, before any
 * real text arrives: a first parse runs on a cold JIT, 3-4 times slower than the same parse once
 * the engine has compiled the rules' hot paths (a 100,000-line paste: ~300 ms cold, 65-125 ms
 * warm). It holds every kind of line the rules tell apart, so each path through them is warmed.
 */
import type { ParseOptions } from '$lib/paths/parse-paste';

/** Rounds of warm-up, each a task of its own, so a real request waits for one at most. */
export const WARM_UP_ROUNDS = 8;
const LINES = 2500;
const HOST = 'warm-up.example';

/** Round `round` of the warm-up: a text and the options it is checked with. */
export function warmUpPaste(round: number): { text: string; options: ParseOptions } {
	const out: string[] = [];
	for (let i = 0; i < LINES; i++) {
		const n = round * LINES + i;
		const dir = `/w${n % 7}/d${Math.floor(n / 25) % 11}`;
		switch (i % 20) {
			case 0:
				out.push(`https://${HOST}${dir}/u-${n}.js`);
				break;
			case 1:
				out.push(`${dir}/a-${n}.css, ${dir}/b-${n}.css`);
				break;
			case 2:
				out.push(`${dir}/q-${n}.html?v=${n}`);
				break;
			case 3:
				out.push(`${dir}/With Space ${n}.png`);
				break;
			case 4:
				out.push(`  rel/x-${n}  `);
				break;
			case 5:
				out.push(i % 400 === 5 ? `${dir}/*` : `${dir}/C-${n}.JPG`);
				break;
			case 6:
				out.push(`#tag-${n % 50}`);
				break;
			case 7:
				out.push(`${dir}/f-${n - 1}.jpg`); // the previous line again
				break;
			case 8:
				out.push(i % 200 === 8 ? `"${dir}/bad<${n}>"` : `${dir}/ü-${n}.html`);
				break;
			default:
				out.push(`${dir}/f-${n}.jpg`);
		}
	}
	return {
		text: out.join(round % 2 ? '\r\n' : '\n'),
		options: { hosts: [HOST], tagsEnabled: round % 2 === 0, keepQueryStrings: round % 4 === 3 }
	};
}
