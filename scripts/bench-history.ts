/**
 * `npm run bench:history`: the history browser against a 5,000-invalidation history on the local
 * stack, in Debian's Chromium, counting requests as they leave the browser. Run `npm run build`
 * first. Prints the figures the README quotes and exits non-zero when a budget is broken:
 *  - the first rows appear after exactly one ListInvalidations round trip;
 *  - no invalidation's GetInvalidation is sent twice (calls == distinct invalidations needed);
 *  - the DOM keeps under 300 rows however far the list scrolls;
 *  - a reopened page fetches no Completed detail again (IndexedDB).
 * Timings are printed for information only: they depend on the machine.
 */
import type { Page } from '@playwright/test';
import { launchChromium } from './browser';
import { startLocalConsole } from './local-console';

const COUNT = 5000;
const DIST = 'E1LOCALWWW0001';
const offset = Number(process.env.PORT_OFFSET ?? 0);
const ports = { auth: 4710 + offset, identity: 4711 + offset, cloudfront: 4712 + offset };
const consolePort = 4790 + offset;
const MAX_DOM_ROWS = 300;

const local = await startLocalConsole({ consolePort, stackPorts: ports, seedCount: 0 });
local.stack.reseed({ seedCount: COUNT, seed: 1, distributionId: DIST });
const browser = await launchChromium();
const failures: string[] = [];
const figures: [string, string][] = [];
const note = (name: string, value: string | number) => {
	figures.push([name, String(value)]);
	console.log(`${name}: ${value}`);
};
const budget = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
};

/** Every CloudFront call the page sends, as it leaves the browser. */
function recordCalls(page: Page) {
	const lists: string[] = [];
	const gets: string[] = [];
	const api = new RegExp(`/2020-05-31/distribution/${DIST}/invalidation(?:/([A-Z0-9]+))?(?:\\?|$)`);
	page.on('request', (r) => {
		if (r.method() !== 'GET') return;
		const m = api.exec(r.url());
		if (!m) return;
		if (m[1]) gets.push(m[1]);
		else lists.push(r.url());
	});
	return { lists, gets };
}
const distinct = (xs: string[]) => new Set(xs).size;

const base = local.consoleUrl.replace(/\/$/, '');
async function signIn(page: Page) {
	await page.goto(`${base}/`);
	await page.getByLabel('Username').fill('vera@example.com');
	await page.getByLabel('Password').fill('demo-password');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.getByTestId('signed-in-user').waitFor();
}
const seeded = (await (
	await fetch(`${local.stack.urls.control}/invalidations?distributionId=${DIST}`)
).json()) as { invalidations: { id: string; status: string }[] };
const seededLive = new Set(
	seeded.invalidations.filter((i) => i.status !== 'Completed').map((i) => i.id)
);

try {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await signIn(page);

	// 1. First page.
	let calls = recordCalls(page);
	let t0 = performance.now();
	await page.goto(`${base}/d/${DIST}/history`);
	await page.getByTestId('history-row').first().waitFor();
	note('first rows shown after (ms, includes app start)', Math.round(performance.now() - t0));
	note('ListInvalidations calls before the first rows', calls.lists.length);
	budget(calls.lists.length === 1, 'first rows after one ListInvalidations call');

	// 2. Scroll the whole history, a screen per frame, as a user flinging the wheel would.
	t0 = performance.now();
	const maxRows = await page.getByTestId('history-list').evaluate(async (el) => {
		// No named helpers in here: tsx would wrap them in a __name() the page does not have.
		let most = 0;
		for (let i = 0; i < 100_000; i++) {
			el.scrollBy(0, el.clientHeight);
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			most = Math.max(most, document.querySelectorAll('[data-testid="history-row"]').length);
			const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
			const count = document.querySelector('[data-testid="history-count"]')?.textContent ?? '';
			if (atEnd && count.includes('the whole history')) break;
			if (atEnd) await new Promise((r) => setTimeout(r, 20));
		}
		return most;
	});
	note(
		'scrolled to the end of',
		(await page.getByTestId('history-count').textContent())?.trim() ?? ''
	);
	note('scrolling 5,000 rows took (ms)', Math.round(performance.now() - t0));
	const pages = calls.lists.filter((u) => u.includes('Marker=')).length + 1;
	note('ListInvalidations pages read', pages);
	note('ListInvalidations live-status reads of the newest page', calls.lists.length - pages);
	budget(pages === Math.ceil(COUNT / 100), 'each page read once');
	note('most rows in the DOM while scrolling', maxRows);
	budget(maxRows < MAX_DOM_ROWS, `DOM rows under ${MAX_DOM_ROWS}`);
	note('GetInvalidation calls for the rows shown', calls.gets.length);
	note('distinct invalidations among them', distinct(calls.gets));
	budget(calls.gets.length === distinct(calls.gets), 'no GetInvalidation twice while scrolling');
	await context.close();

	// 3. A path search over the whole history in a fresh browser profile (empty IndexedDB): every
	// detail is needed, each fetched once, at most 4 at a time.
	const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const searchPage = await fresh.newPage();
	await signIn(searchPage);
	calls = recordCalls(searchPage);
	t0 = performance.now();
	await searchPage.goto(`${base}/d/${DIST}/history?path=/js/app.js`);
	await searchPage
		.locator('[data-testid="search-progress"][data-state="done"]')
		.waitFor({ timeout: 900_000 });
	note('path search over 5,000, cold, took (ms)', Math.round(performance.now() - t0));
	note(
		'search result',
		(await searchPage.getByTestId('history-count').textContent())?.trim() ?? ''
	);
	note('GetInvalidation calls in the search', calls.gets.length);
	note('distinct invalidations needed', distinct(calls.gets));
	budget(calls.gets.length === distinct(calls.gets), 'no GetInvalidation twice in the search');
	budget(distinct(calls.gets) === COUNT, `every one of the ${COUNT} details fetched`);

	// 4. The same search, reopened: Completed details come from IndexedDB; only the few that were
	// in progress when fetched are read again.
	calls = recordCalls(searchPage);
	t0 = performance.now();
	await searchPage.reload();
	await searchPage
		.locator('[data-testid="search-progress"][data-state="done"]')
		.waitFor({ timeout: 900_000 });
	note('same search after a reload took (ms)', Math.round(performance.now() - t0));
	note('GetInvalidation calls after the reload', calls.gets.length);
	note('invalidations seeded in progress', seededLive.size);
	budget(
		calls.gets.every((id) => seededLive.has(id)),
		'no Completed detail fetched again after a reload'
	);
	await fresh.close();
} finally {
	await browser.close();
	await local.close();
}

console.log('\n| Figure | Value |\n|---|---|');
for (const [k, v] of figures) console.log(`| ${k} | ${v} |`);
if (failures.length) {
	console.error(`\nBudgets broken: ${failures.join('; ')}`);
	process.exit(1);
}
console.log('\nAll budgets kept.');
