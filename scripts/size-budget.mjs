#!/usr/bin/env node
// Size budget (issue #3): gzip JS that the sign-in page and the purge page load, from Vite's
// manifest of the last `npm run build`. Fails over budget. 1 KB = 1,000 bytes, gzip -9 per file,
// as in toolchain.md §6.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, number>} */
// Purge page 140 → 155 KB with big purges (issue #8): the queue chunk (queue, runner, IndexedDB
// store with idb, detail cache, progress card) is 9.5 KB and the /purge route 3.7 KB; this
// script counts every route node that app.js can load, so /purge counts here too.
const BUDGET_KB = { 'sign-in page': 60, 'purge page (everything it loads)': 155 };
const out = '.svelte-kit/output/client';
const manifest = JSON.parse(readFileSync(`${out}/.vite/manifest.json`, 'utf8'));

/**
 * The manifest key of the node whose route file is `route` (e.g. 'd/[id]/+page.svelte').
 * @param {string} route
 */
function nodeFor(route) {
	for (const key of Object.keys(manifest)) {
		if (!/generated\/client-optimized\/nodes\/\d+\.js$/.test(key)) continue;
		if (readFileSync(key, 'utf8').includes(`src/routes/${route}`)) return key;
	}
	throw new Error(`No build node for src/routes/${route}`);
}

/**
 * Files loaded by these manifest entries: static imports, and dynamic ones too if asked.
 * @param {string[]} keys
 * @param {boolean} withDynamic
 */
function closure(keys, withDynamic) {
	const seen = new Set();
	/** @param {string} key */
	const visit = (key) => {
		if (seen.has(key)) return;
		seen.add(key);
		const entry = manifest[key];
		for (const k of entry.imports ?? []) visit(k);
		if (withDynamic) for (const k of entry.dynamicImports ?? []) visit(k);
	};
	keys.forEach(visit);
	return [...seen]
		.map((k) => manifest[k].file)
		.filter((/** @type {string} */ f) => f.endsWith('.js'));
}

const entries = Object.keys(manifest).filter((k) =>
	/client\/entry\.js$|client-optimized\/app\.js$/.test(k)
);
const shell = [...entries, nodeFor('+layout.svelte')];
const gz = (/** @type {string} */ file) =>
	gzipSync(readFileSync(`${out}/${file}`), { level: 9 }).length;
const pages = {
	// Everything before and during the Cognito round trip: shell + callback page, no AWS SDK.
	'sign-in page': closure([...shell, nodeFor('auth/callback/+page.svelte')], false),
	// The purge page and everything it goes on to load (the lazily imported SDK included).
	'purge page (everything it loads)': closure([...shell, nodeFor('d/[id]/+page.svelte')], true)
};

let failed = false;
for (const [name, files] of Object.entries(pages)) {
	const kb = files.reduce((sum, f) => sum + gz(f), 0) / 1000;
	const ok = kb <= BUDGET_KB[name];
	failed ||= !ok;
	console.log(
		`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb.toFixed(1)} KB gzip in ${files.length} files (budget ${BUDGET_KB[name]} KB)`
	);
}
if (failed) {
	console.error('Size budget exceeded: load the heavy module lazily or trim it.');
	process.exit(1);
}
