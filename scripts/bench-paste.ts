/**
 * Benchmark (issue #7): 100,000 lines pasted into the BUILT console's purge form, in Debian's
 * Chromium against the local stack. Measures, inside the page:
 *   - paste → verdicts painted: from the paste event to the first frame painted after the summary
 *     shows the item count the rules give for the text (budget 1,000 ms);
 *   - keystrokes afterwards: from each keydown to the first frame painted after its input event
 *     (budget 100 ms for the slowest).
 * Then the same paste and keystrokes in a bare <textarea> (no app code) in the same browser: what
 * Chromium itself costs, for reading the figures above. Prints the figures; exit code 1 when the
 * console is over budget. A script with a budget, not a test: run it after `npm run build`
 * (npm run bench:paste).
 */
import { DEMO_PASSWORD } from '../local-stack/constants';
import { DISTRIBUTIONS } from '../local-stack/distributions';
import { distributionHosts } from '../src/lib/distributions/names';
import { formatCount } from '../src/lib/paths/format-count';
import { parsePaste } from '../src/lib/paths/parse-paste';
import { freePort, launchChromium } from './browser';
import { startLocalConsole } from './local-console';
import { samplePaste } from './sample-paste';
import { startTrace, summariseTrace } from './paste-trace';

const LINES = 100_000;
const BUDGET_MS = { paint: 1000, keystroke: 100 };
const KEYS = '/typed.html';
/** Between keystrokes: a brisk typist. */
const KEY_GAP_MS = 120;

/**
 * In the page: timings on the page's clock. A task queued from a requestAnimationFrame callback
 * runs after that frame is painted. A string, not a function: tsx would wrap a function's inner
 * functions in a helper the page lacks.
 */
const TIMING = `
window.bench = { keys: [] };
const afterPaint = (f) => requestAnimationFrame(() => setTimeout(f));
const field = () => document.querySelector('textarea#paths');
// On the document, captured: the field may be re-rendered between this call and the paste.
window.bench.whenPainted = (expected) => new Promise((done) => {
	document.addEventListener('paste', (e) => {
		const start = e.timeStamp;
		const check = () => {
			const items = document.querySelector('[data-testid=summary-items]');
			if (items?.textContent.trim() === expected && !document.body.textContent.includes('Checking the paths')) {
				observer.disconnect();
				afterPaint(() => done(performance.now() - start));
			}
		};
		const observer = new MutationObserver(check);
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	}, { once: true, capture: true });
});
let down = 0;
let since = 0;
window.bench.watchKeys = () => {
	window.bench.keys = [];
	since = performance.now(); // a key pressed before (Enter) is not counted
	if (window.bench.watching) return;
	window.bench.watching = true;
	// On the document: after a large paste the console's field is the large-text editor.
	document.addEventListener('keydown', (e) => (down = e.timeStamp), true);
	document.addEventListener('input', () => {
		const start = down;
		if (start >= since) afterPaint(() => window.bench.keys.push(performance.now() - start));
	}, true);
};
window.bench.bare = () => new Promise((done) => {
	document.body.replaceChildren(Object.assign(document.createElement('textarea'), { id: 'paths', rows: 10, cols: 80, spellcheck: false }));
	window.bench.keys = [];
	field().focus();
	field().addEventListener('paste', (e) => {
		const start = e.timeStamp;
		field().addEventListener('input', () => afterPaint(() => done(performance.now() - start)), { once: true });
	}, { once: true });
});
`;

const distribution = DISTRIBUTIONS[0];
const text = samplePaste(LINES);
const expected = parsePaste(text, {
	hosts: distributionHosts(distribution),
	tagsEnabled: false
}).summary.items;

const local = await startLocalConsole({
	consolePort: await freePort(),
	stackPorts: { auth: 0, identity: 0, cloudfront: 0 },
	seedCount: 30
});
const browser = await launchChromium();
let failed: boolean;
try {
	const context = await browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const page = await context.newPage();
	await page.goto(`${local.consoleUrl}d/${distribution.id}`);
	await page.getByLabel('Username').fill('alice@example.com');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	const field = page.getByLabel(/Paths to invalidate/);
	await field.waitFor();
	await page.waitForLoadState('networkidle'); // the page's second stage (rules, worker) is in
	await page.evaluate(TIMING);
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await field.focus();
	const painted = page.evaluate(
		(n) =>
			(
				window as unknown as { bench: { whenPainted: (n: string) => Promise<number> } }
			).bench.whenPainted(n),
		formatCount(expected)
	);
	const stopTrace = process.argv.includes('--profile') ? await startTrace(page) : null;
	await page.keyboard.press('ControlOrMeta+V');
	const paint = await Promise.race([
		painted,
		new Promise<never>((_, fail) =>
			setTimeout(() => {
				void page
					.evaluate(() => ({
						items: document.querySelector('[data-testid=summary-items]')?.textContent,
						field: document.querySelector('#paths')?.tagName,
						checking: document.body.textContent?.includes('Checking the paths')
					}))
					.then((state) =>
						fail(new Error(`No verdicts painted within 60 s: ${JSON.stringify(state)}`))
					);
			}, 60_000)
		)
	]);
	const trace = await stopTrace?.();

	const typing = async () => {
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.press('Enter');
		// Typed characters only: the large editor handles Enter in its keymap, with no input event.
		await page.evaluate(() =>
			(window as unknown as { bench: { watchKeys: () => void } }).bench.watchKeys()
		);
		await page.keyboard.type(KEYS, { delay: KEY_GAP_MS });
		await page.waitForTimeout(500); // the last frames
		const keys = await page.evaluate(
			() => (window as unknown as { bench: { keys: number[] } }).bench.keys
		);
		if (keys.length < KEYS.length) throw new Error(`Saw ${keys.length} keystrokes.`);
		// The typed characters: a slow textarea may report Enter's input after the watch began.
		const sorted = keys.slice(-KEYS.length).sort((x, y) => x - y);
		return {
			n: sorted.length,
			median: sorted[sorted.length >> 1],
			slowest: sorted.at(-1) ?? 0
		};
	};
	const keys = await typing();
	const slowest = keys.slowest;

	// The same in a bare textarea: Chromium's own share.
	const barePainted = page.evaluate(() =>
		(window as unknown as { bench: { bare: () => Promise<number> } }).bench.bare()
	);
	await page.keyboard.press('ControlOrMeta+V');
	const barePaint = await barePainted;
	const bareKeys = await typing();

	const ms = (x: number) => `${x.toFixed(0)} ms`;
	console.log(
		`${LINES.toLocaleString('en-US')} lines (${(text.length / 1e6).toFixed(1)} M characters, ${formatCount(expected)} items):`
	);
	console.log(`  paste → verdicts painted: ${ms(paint)} (budget ${BUDGET_MS.paint} ms)`);
	console.log(
		`  keystrokes afterwards (${keys.n}): median ${ms(keys.median)}, slowest ${ms(slowest)} (budget ${BUDGET_MS.keystroke} ms)`
	);
	console.log(
		`  for reference, a bare <textarea> in this browser: paste painted ${ms(barePaint)}, keystrokes median ${ms(bareKeys.median)}, slowest ${ms(bareKeys.slowest)}`
	);
	if (trace) {
		console.log('  profile (paste → verdicts painted, traced):');
		summariseTrace(trace, paint);
	}
	const over = [
		paint > BUDGET_MS.paint && `paste → painted ${paint.toFixed(0)} ms > ${BUDGET_MS.paint} ms`,
		slowest > BUDGET_MS.keystroke &&
			`slowest keystroke ${slowest.toFixed(0)} ms > ${BUDGET_MS.keystroke} ms`
	].filter(Boolean);
	for (const o of over) console.error(`OVER BUDGET: ${o}`);
	failed = over.length > 0;
} finally {
	await browser.close();
	await local.close();
}
process.exit(failed ? 1 : 0);
