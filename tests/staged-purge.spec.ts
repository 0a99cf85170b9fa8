import type { Page, Route } from '@playwright/test';
import { DIST, expect, openSignedIn, test, paste } from './fixtures';
import { stack } from './stack-control';

// The purge page comes in two stages: the form first, then (right after it is painted) the path
// rules in a worker, the messages, the dialogs, the queue and the recent list.

const field = (page: Page) => page.getByLabel(/Paths to invalidate/);

/**
 * Holds every script holding `marker` until `release()`: a slow network for one part of the page.
 * Chunk names are content hashes, so the parts are told apart by text only they carry.
 */
async function holdScripts(page: Page, marker: string) {
	let release: () => void = () => {};
	const released = new Promise<void>((r) => (release = r));
	const held: string[] = [];
	await page.route('**/_app/immutable/**/*.js', async (route: Route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes(marker)) {
			held.push(route.request().url());
			await released;
		}
		await route.fulfill({ response, body });
	});
	return { release, held };
}

// A label only the path rules carry (parse-paste's list fix).
const RULES = 'Put one per line';

test('a 20,000-line paste is checked in the worker, with the right verdicts', async ({ page }) => {
	test.slow(); // 20,000 lines through the clipboard on a shared machine
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const lines = Array.from({ length: 20_000 }, (_, i) => `/big/${i % 40}/f${i}.html`);
	lines[100] = '/big/0/f0.html'; // a repeat of line 1
	lines[200] = 'big/ok.html'; // relative: fixed, with a message
	lines[300] = '/bad~name.js'; // "~" is refused
	await paste(page, lines);
	await expect(page.getByTestId('summary-items')).toHaveText('19,998');
	await expect(page.getByTestId('summary-duplicates')).toHaveText('1');
	const messages = page.getByRole('region', { name: 'Messages about the paths' });
	await expect(messages.getByTestId('filter-error')).toHaveText(/1 error/);
	await expect(page.getByRole('button', { name: 'Invalidate 19998 paths' })).toBeDisabled();
	expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
		expect.stringMatching(/\/_console\/_app\/immutable\/workers\/path-check\.worker-[\w-]+\.js$/)
	]);
});

test('a wildcard suggested for a big paste replaces exactly its own files', async ({ page }) => {
	test.slow();
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	// 20,000 files in 40 directories: checked in the worker, whose reply carries each fix's removals.
	const lines = Array.from({ length: 20_000 }, (_, i) => `/sib/${i % 40}/f${i}.html`);
	await paste(page, lines);
	await expect(page.getByTestId('summary-items')).toHaveText('20,000');
	const messages = page.getByRole('region', { name: 'Messages about the paths' });
	await messages.getByRole('button', { name: 'Use /sib/1/*' }).click();
	// The 500 files of /sib/1/ become one wildcard; the other 19,500 stay.
	await expect(page.getByTestId('summary-items')).toHaveText('19,501');
	await expect(page.getByTestId('summary-wildcards')).toHaveText('1');
});

test('where the worker cannot start, a big paste is checked on the main thread', async ({
	page
}) => {
	test.slow();
	const failed: string[] = [];
	await page.route('**/_app/immutable/workers/**', (route) => {
		failed.push(route.request().url());
		return route.abort();
	});
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const lines = Array.from({ length: 20_000 }, (_, i) => `/fallback/${i % 40}/f${i}.html`);
	lines[300] = '/bad~name.js';
	await paste(page, lines);
	await expect(page.getByTestId('summary-items')).toHaveText('19,999');
	await expect(page.getByText('Fix the errors listed above first.')).toBeVisible();
	expect(failed).toHaveLength(1);
	await field(page).press('Enter');
	await field(page).pressSequentially('/z.html'); // typing on: checked again once it pauses
	await expect(page.getByTestId('summary-items')).toHaveText('20,000');
	await expect(page.getByText('Checking the paths…')).toHaveCount(0);
});

test('a click before the rules arrived waits for them, then sends once', async ({ page }) => {
	const rules = await holdScripts(page, RULES);
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const tag = `/early-${Date.now()}`;
	const made = async () =>
		(await stack.invalidations(DIST.www)).filter((i) => i.paths[0]?.startsWith(tag));
	await field(page).fill(`${tag}/a.html\n${tag}/b.html`);
	// The form is usable at once: typing is kept, and the button takes the click.
	await expect(page.getByText('Checking the paths…')).toBeVisible();
	await page.getByRole('button', { name: 'Invalidate', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Checking the paths…' })).toBeDisabled();
	await field(page).press('Control+Enter'); // a second try while waiting does nothing more
	expect(rules.held.length).toBeGreaterThan(0);
	expect(await made()).toEqual([]);

	rules.release();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = await made();
	expect(sent.map((i) => i.id)).toEqual([id]);
	expect(sent[0].paths).toEqual([`${tag}/a.html`, `${tag}/b.html`]);
	await expect(field(page)).toHaveValue('');
	expect(await made()).toHaveLength(1);
});

test('a click before the rules arrived sends nothing when they find an error', async ({ page }) => {
	const rules = await holdScripts(page, RULES);
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const before = (await stack.invalidations(DIST.www)).length;
	await field(page).fill('/fine.html\n/bad~name.js');
	await page.getByRole('button', { name: 'Invalidate', exact: true }).click();
	rules.release();
	await expect(page.getByText('Fix the errors listed above first.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Invalidate 1 path' })).toBeDisabled();
	expect(await stack.invalidations(DIST.www)).toHaveLength(before);
	await expect(field(page)).toHaveValue('/fine.html\n/bad~name.js');
});

test('the recent list and the messages come after the form, and typing meanwhile is kept', async ({
	page
}) => {
	const recent = await holdScripts(page, 'No invalidations yet on this distribution');
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill('/while/loading.html?v=1');
	await expect(page.getByRole('heading', { name: 'Recent invalidations' })).toHaveCount(0);
	// The rules and the messages are not held: they arrive on their own.
	await expect(page.getByTestId('diagnostic')).toContainText('cache key includes query strings');
	recent.release();
	await expect(page.getByRole('heading', { name: 'Recent invalidations' })).toBeVisible();
	await expect(page.getByTestId('recent-row').first()).toBeVisible();
	await expect(field(page)).toHaveValue('/while/loading.html?v=1');
});
