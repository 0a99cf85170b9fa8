import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DIST, expect, expectAccessible, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';

// A 250-invalidation history on www: three ListInvalidations pages of 100. Far east of UTC, so a
// "day" in the filters is visibly the browser's day, not UTC's.
const ZONE = 'Pacific/Auckland';
test.use({ timezoneId: ZONE });
test.beforeAll(() => stack.reset({ seedCount: 250, seed: 3, distributionId: DIST.www }));
test.afterAll(() => stack.reset({ seedCount: 300, seed: 1 }));

type Seeded = Awaited<ReturnType<typeof stack.invalidations>>[number];
const localDay = (iso: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(new Date(iso));
/** CloudFront's rule, restated: a trailing `*` covers every path with that prefix. */
const purged = (inv: Seeded, path: string) =>
	inv.paths.some((p) => p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));

const rows = (page: Page) => page.getByTestId('history-row');
const count = (page: Page) => page.getByTestId('history-count');

async function openHistory(page: Page, query = '', email = 'vera@example.com') {
	await openSignedIn(page, `/d/${DIST.www}/history${query}`, email);
	await expect(rows(page).first()).toBeVisible();
}

/** Downloads an export and returns its text. */
async function download(page: Page, name: 'Export CSV' | 'Export JSON') {
	const pending = page.waitForEvent('download');
	await page.getByRole('button', { name }).click();
	const file = await pending;
	return {
		name: file.suggestedFilename(),
		text: await readFile((await file.path()) ?? '', 'utf8')
	};
}

test('the history pages through every invalidation as the list scrolls, newest first', async ({
	page
}) => {
	const all = await stack.invalidations(DIST.www);
	await openHistory(page);
	await expect(rows(page).first()).toHaveAttribute('data-id', all[0].id);
	await expect(count(page)).toHaveText('100 invalidations read so far.');
	// Details of the rows on screen: count, who and the first paths.
	const first = rows(page).first();
	await expect(first.getByTestId('row-count')).toHaveText(
		`${all[0].paths.length} ${all[0].paths.length === 1 ? 'path' : 'paths'}`
	);
	await expect(first.getByTestId('row-paths')).toContainText(all[0].paths[0]);
	await expectAccessible(page);

	const list = page.getByTestId('history-list');
	await expect(async () => {
		await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
		await expect(count(page)).toHaveText(`${all.length} invalidations, the whole history.`, {
			timeout: 1000
		});
	}).toPass();
	await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
	await expect(rows(page).last()).toHaveAttribute('data-id', all[all.length - 1].id);
	// Only the rows on screen are in the page.
	expect(await rows(page).count()).toBeLessThan(40);
});

test('who sent a purge comes from the console CallerReference, "—" for others', async ({
	page
}) => {
	const all = await stack.invalidations(DIST.www);
	await openHistory(page);
	for (const [i, inv] of all.slice(0, 5).entries()) {
		const who = inv.callerReference.startsWith('console:')
			? inv.callerReference.split(':')[1]
			: '—';
		await expect(rows(page).nth(i).getByTestId('row-who')).toHaveText(who);
	}
});

test('the status filter lives in the URL and keeps only matching rows', async ({ page }) => {
	const all = await stack.invalidations(DIST.www);
	const running = all.filter((i) => i.status === 'InProgress');
	expect(running.length).toBeGreaterThan(0);
	await openHistory(page);
	await page.getByLabel('Status').selectOption('InProgress');
	await expect(page).toHaveURL(/\?status=InProgress$/);
	await expect(page.getByTestId('search-progress')).toHaveAttribute('data-state', 'done');
	await expect(count(page)).toHaveText(`${running.length} of ${all.length} invalidations match.`);
	await expect(rows(page)).toHaveCount(running.length);
	for (const r of await rows(page).all())
		await expect(r.getByTestId('row-status')).toHaveText('In progress');

	// Bookmarkable: the same URL opened cold shows the same filter.
	await page.reload();
	await expect(page.getByLabel('Status')).toHaveValue('InProgress');
	await expect(rows(page)).toHaveCount(running.length);
});

test('a date range keeps the days in between, in the browser time zone, both included', async ({
	page
}) => {
	const all = await stack.invalidations(DIST.www);
	const to = localDay(all[60].createTime);
	const from = localDay(all[120].createTime);
	const inRange = all.filter((i) => localDay(i.createTime) >= from && localDay(i.createTime) <= to);
	await openHistory(page);
	await page.getByLabel('From').fill(from);
	await page.getByLabel('To').fill(to);
	await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}$`));
	await expect(page.getByTestId('search-progress')).toHaveAttribute('data-state', 'done');
	await expect(count(page)).toContainText(`${inRange.length} of`);
	await expect(rows(page).first()).toHaveAttribute('data-id', inRange[0].id);
	const { text } = await download(page, 'Export JSON');
	expect((JSON.parse(text) as { id: string }[]).map((i) => i.id)).toEqual(inRange.map((i) => i.id));
});

test('the submitter filter finds the purges one person sent from the console', async ({ page }) => {
	const all = await stack.invalidations(DIST.www);
	const alices = all.filter((i) => i.callerReference.startsWith('console:alice@example.com:'));
	expect(alices.length).toBeGreaterThan(5);
	await openHistory(page, '?by=alice');
	await expect(page.getByLabel('Submitted by')).toHaveValue('alice');
	await expect(page.getByTestId('search-progress')).toHaveAttribute('data-state', 'done', {
		timeout: 90_000
	});
	await expect(count(page)).toHaveText(`${alices.length} of ${all.length} invalidations match.`);
	const { text } = await download(page, 'Export JSON');
	const exported = JSON.parse(text) as { id: string; submitter: string }[];
	expect(exported.map((i) => i.id)).toEqual(alices.map((i) => i.id));
	expect(new Set(exported.map((i) => i.submitter))).toEqual(new Set(['alice@example.com']));
});

test('a path search finds purges of that path and of a wildcard above it, and exports them', async ({
	page
}) => {
	const all = await stack.invalidations(DIST.www);
	const hits = all.filter((i) => purged(i, '/js/app.js'));
	expect(hits.some((i) => i.paths.includes('/js/*') && !i.paths.includes('/js/app.js'))).toBe(true);
	await openHistory(page);
	await page.getByLabel('Path').fill('/js/app.js');
	await page.getByLabel('Path').press('Enter');
	await expect(page).toHaveURL(/\?path=%2Fjs%2Fapp.js$/);
	await expect(page.getByTestId('search-progress')).toHaveAttribute('data-state', 'done', {
		timeout: 90_000
	});
	await expect(count(page)).toHaveText(`${hits.length} of ${all.length} invalidations match.`);
	// The matching path is shown first in each row.
	await expect(rows(page).first().getByTestId('row-paths')).toHaveText(/^\/js\/(app\.js|\*)/);

	const csv = await download(page, 'Export CSV');
	expect(csv.name).toBe(`invalidations-${DIST.www}.csv`);
	const lines = csv.text.split('\r\n');
	expect(lines[0]).toBe('id,created,status,submitter,caller_reference,path_count,paths');
	const ids = lines
		.slice(1)
		.filter((l) => /^I[A-Z0-9]{13},/.test(l))
		.map((l) => l.slice(0, 14));
	expect(ids).toEqual(hits.map((i) => i.id));
});

test('a long search shows its progress and can be stopped, then continued', async ({ page }) => {
	// Every GetInvalidation slowed down so far that the search (250 of them, 4 at a time) lasts
	// minutes: it is still running when Stop is pressed, however slow the machine.
	await stack.addFault({ kind: 'latency', operation: 'GetInvalidation', ms: 3000, count: 1000 });
	await openSignedIn(page, `/d/${DIST.www}/history?path=/nothing-matches-this`, 'vera@example.com');
	const progress = page.getByTestId('search-progress');
	await expect(progress).toHaveAttribute('data-state', 'running');
	await expect(progress).toContainText(/Searching… read \d+ invalidations back to/);
	await page.getByRole('button', { name: 'Stop searching' }).click();
	await expect(progress).toHaveAttribute('data-state', 'stopped');
	await expect(progress).toContainText('Older invalidations were not searched.');
	await stack.clearFaults();
	await page.getByRole('button', { name: 'Continue searching' }).click();
	await expect(progress).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
	await expect(page.getByTestId('no-matches')).toBeVisible();
});

/** Purges `paths` from the purge page as alice; returns the new invalidation's ID. */
async function purge(page: Page, paths: string[]) {
	const box = page.getByLabel(/Paths to invalidate/);
	await box.fill(paths.join('\n'));
	await page.getByRole('button', { name: `Invalidate ${paths.length} paths` }).click();
	const id = page.getByTestId('invalidation-id');
	await expect(id).toHaveText(/^I[A-Z0-9]+$/);
	return (await id.textContent())?.trim() ?? '';
}

test('history rows in progress turn Completed without a reload; the purge page links here', async ({
	page
}) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const id = await purge(page, ['/live/a.html', '/live/b.html']);
	await page.getByRole('link', { name: 'Invalidation history' }).click();
	const row = page.locator(`[data-testid="history-row"][data-id="${id}"]`);
	await expect(rows(page).first()).toHaveAttribute('data-id', id);
	await expect(row.getByTestId('row-status')).toHaveText('In progress');
	await expect(row.getByTestId('row-who')).toHaveText('alice@example.com');
	await stack.complete(DIST.www, id);
	await expect(row.getByTestId('row-status')).toHaveText('Completed', { timeout: 20_000 });
});

test('an older row in progress, past the first page, turns Completed without a reload', async ({
	page
}) => {
	// One purge that stays in progress, then a hundred newer ones (done at once) above it: it is
	// the first row of the second ListInvalidations page.
	await stack.settings({ completeAfterMs: 600_000 });
	const older = await stack.createInvalidation(DIST.www, ['/live/older.html']);
	await stack.settings({ completeAfterMs: 0 });
	const newer = Array.from({ length: 100 }, (_, i) => [`/live/newer-${i}.html`]);
	await stack.createInvalidations(DIST.www, newer);
	await openHistory(page);
	const row = page.locator(`[data-testid="history-row"][data-id="${older}"]`);
	const list = page.getByTestId('history-list');
	await expect(async () => {
		await list.evaluate((el) => el.scrollTo(0, 100 * 64 - 200));
		await expect(row).toBeVisible({ timeout: 1000 });
	}).toPass();
	await expect(row.getByTestId('row-status')).toHaveText('In progress');
	await page.evaluate(() => Object.assign(window, { beforeCompletion: true }));

	await stack.complete(DIST.www, older);
	await expect(row.getByTestId('row-status')).toHaveText('Completed', { timeout: 20_000 });
	// The same document: no reload happened.
	expect(await page.evaluate(() => 'beforeCompletion' in window)).toBe(true);
});
