/** The paste both path benchmarks use (bench-paths: the rules in Node; bench-paste: the page). */

/**
 * What people paste: mostly plain paths in runs of one directory (build output, sitemaps, logs
 * sorted by path), one line in ten needing more: URLs, lists, query strings, spaces, relative paths,
 * and a few wildcards.
 */
export function samplePaste(lines: number): string {
	const out: string[] = [];
	for (let i = 0; i < lines; i++) {
		const run = Math.floor(i / 25);
		const dir = `/assets/v${run % 97}/img${run % 13}`;
		const r = i % 50;
		if (r === 0) out.push(`https://www.example.com${dir}/photo-${i}.jpg`);
		else if (r === 1) out.push(`${dir}/a-${i}.jpg, ${dir}/b-${i}.jpg`);
		else if (r === 2) out.push(`${dir}/page-${i}.html?utm=${i}`);
		else if (r === 3) out.push(`${dir}/my file ${i}.png`);
		else if (r === 4) out.push(`  docs/section-${i}  `);
		else if (r === 5 && i % 10_000 === 5) out.push(`/private/v${i}/*`);
		else out.push(`${dir}/product-${i}.jpg`);
	}
	return out.join('\n');
}
