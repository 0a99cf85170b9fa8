import type { Page } from '@playwright/test';
import { DIST, expect, expectAccessible, fillLocalStorage, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';

// The detail page of one invalidation: a 250-invalidation history on www to pick from.
test.beforeAll(() => stack.reset({ seedCount: 250, seed: 3, distributionId: DIST.www }));
test.afterAll(() => stack.reset({ seedCount: 300, seed: 1 }));

/** Purges `paths` from the purge page; returns the new invalidation's ID. */
async function purge(page: Page, paths: string[]) {
	await page.getByLabel(/Paths to invalidate/).fill(paths.join('\n'));
	await page.getByRole('button', { name: `Invalidate ${paths.length} paths` }).click();
	// A purge above the config's cost threshold asks first, showing the amount.
	const costDialog = page.getByRole('dialog');
	const id = page.getByTestId('invalidation-id');
	await expect(costDialog.or(id)).toBeVisible();
	if (await costDialog.isVisible())
		await costDialog.getByRole('button', { name: 'Send the purge' }).click();
	await expect(id).toHaveText(/^I[A-Z0-9]+$/);
	return (await id.textContent())?.trim() ?? '';
}

test('the detail page lists every path of a big purge in a virtual list, copies them all, and goes live', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write', 'notifications']);
	// Records the notifications the page shows (headless Chromium shows none on screen).
	await context.addInitScript(() => {
		const w = window as unknown as { shown: string[]; Notification: unknown };
		const Real = Notification;
		w.shown = [];
		w.Notification = class extends Real {
			constructor(title: string, options?: NotificationOptions) {
				super(title, options);
				w.shown.push(`${title}|${options?.body ?? ''}`);
			}
		};
	});
	// Running until the test completes it: a loaded machine cannot outrun a timer.
	await stack.settings({ completeAfterMs: 600_000 });
	const paths = Array.from({ length: 800 }, (_, i) => `/bulk/file-${i}.html`);
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const id = await purge(page, paths);
	await page.goto(`/_console/d/${DIST.www}/invalidations/${id}`);
	await expect(page.getByRole('heading', { name: '800 paths' })).toBeVisible();
	await expect(page.getByTestId('detail-who')).toContainText('alice@example.com');
	const list = page.getByTestId('path-list');
	await expect(list.getByText(/^\/bulk\/file-\d+\.html$/).first()).toBeVisible();
	expect(await list.locator('div.font-mono').count()).toBeLessThan(60);

	await page.getByRole('button', { name: 'Copy all' }).click();
	await expect(page.getByText('Copied 800 paths, one per line.')).toBeVisible();
	// In the order CloudFront lists them, which need not be the order sent.
	const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
	expect([...copied].sort()).toEqual([...paths].sort());
	await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
	await expect(list.getByText(copied[799], { exact: true })).toBeVisible();

	// Live: it was just sent, so this page sees it complete, says after how long, and notifies.
	await expect(page.getByTestId('detail-status')).toHaveText('In progress');
	await page.getByRole('button', { name: 'Notify me when it completes' }).click();
	await expect(page.getByText('You will get a browser notification')).toBeVisible();
	await stack.complete(DIST.www, id);
	await expect(page.getByTestId('detail-status')).toHaveText('Completed', { timeout: 20_000 });
	await expect(page.getByTestId('time-to-complete')).toContainText(/seen complete \d+ s after/);
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown))
		.toEqual([`Invalidation completed|${id}: 800 paths purged.`]);
});

test('copy to new fills the purge form, and asks before touching a draft already typed', async ({
	page
}) => {
	const inv = (await stack.invalidations(DIST.www)).find((i) => i.paths.length >= 2);
	if (!inv) throw new Error('the seeded history has a purge of two paths or more');
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page.getByLabel(/Paths to invalidate/).fill('/mine.html');
	await page.goto(`/_console/d/${DIST.www}/invalidations/${inv.id}`);
	await page.getByRole('button', { name: 'Copy to new' }).click();
	await expect(page.getByTestId('draft-conflict')).toContainText('already has 1 line');
	await page.getByRole('button', { name: 'Add to my draft' }).click();
	await expect(page).toHaveURL(new RegExp(`/d/${DIST.www}$`));
	const box = page.getByLabel(/Paths to invalidate/);
	await expect(box).toHaveValue(/^\/mine\.html\n/);
	// Its items below what was typed, in the order CloudFront lists them.
	const lines = (await box.inputValue()).split('\n');
	expect(lines[0]).toBe('/mine.html');
	expect(lines.slice(1).sort()).toEqual([...inv.paths].sort());
});

test('run again sends exactly the same items, shows the charge from the month count, and sends once', async ({
	page
}) => {
	// An empty month, so the charge follows from what this test sends: 999 paths, then an
	// original whose file lies under its own wildcard (the purge form would fold it away).
	await stack.reset({ seedCount: 0 });
	try {
		await stack.settings({ completeAfterMs: 0 });
		const month = Array.from({ length: 999 }, (_, i) => `/month/${i}.html`);
		await stack.createInvalidation(DIST.www, month);
		const originalId = await stack.createInvalidation(DIST.www, ['/img/*', '/img/a.png']);
		await openSignedIn(page, `/d/${DIST.www}/invalidations/${originalId}`, 'alice@example.com');
		await expect(page.getByTestId('still-running')).toHaveCount(0);
		await page.getByRole('button', { name: 'Run again…' }).click();
		// 1,001 paths sent this month: no free path left, so both items are billed at $0.005.
		// "At least": Alice's role cannot read the data distribution, so it was not counted.
		await expect(page.getByTestId('month-usage')).toContainText('counted over', {
			timeout: 30_000
		});
		await expect(page.getByTestId('run-again-charge')).toHaveText('at least $0.01');
		await expect(page.getByTestId('run-again-cost')).toContainText(
			'2 paths of 2 billed at $0.005 each, after the at most 0 free paths left this month.'
		);
		await expectAccessible(page);

		// Every answer is lost (the invalidation is made all the same) until the faults are
		// cleared, however often the SDK and the browser retry by themselves (Chromium resends on a
		// reused connection, a varying number of times): the user's retry must not purge twice.
		const before = await stack.invalidations(DIST.www);
		await stack.addFault({ kind: 'drop-response', operation: 'CreateInvalidation', count: 1000 });
		await page.getByRole('button', { name: 'Invalidate 2 items again' }).click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'did not reach AWS, or its answer was lost' })
		).toBeVisible();
		await expect(page.getByTestId('run-unconfirmed')).toBeVisible();
		await stack.clearFaults();
		await page.getByRole('button', { name: 'Invalidate 2 items again' }).click();
		await expect(page).not.toHaveURL(new RegExp(`/invalidations/${originalId}$`));
		const newId = /\/invalidations\/([A-Z0-9]+)$/.exec(page.url())?.[1];
		const after = await stack.invalidations(DIST.www);
		expect(after).toHaveLength(before.length + 1);
		expect(after[0].id).toBe(newId);
		expect(after[0].paths).toEqual(['/img/*', '/img/a.png']);
		expect(after[0].callerReference).toMatch(/^console:alice@example\.com:/);
		await expect(page.getByTestId('detail-status')).toHaveText(/In progress|Completed/);
	} finally {
		await stack.reset({ seedCount: 250, seed: 3, distributionId: DIST.www });
	}
});

test('running a copy of an invalidation still in progress warns that both are billed', async ({
	page
}) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const id = await purge(page, ['/slow/a.html', '/slow/b.html']);
	await page.goto(`/_console/d/${DIST.www}/invalidations/${id}`);
	await expect(page.getByTestId('still-running')).toContainText(
		'Running it again does not stop it: the paths in both are invalidated, and billed, twice.'
	);
});

test('a viewer reads the detail page but cannot run it again', async ({ page }) => {
	const inv = (await stack.invalidations(DIST.www))[10];
	await openSignedIn(page, `/d/${DIST.www}/invalidations/${inv.id}`, 'vera@example.com');
	await expect(page.getByText('Viewers can read history but not purge.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Run again…' })).toHaveCount(0);
	await expectAccessible(page);
});

test('run again with localStorage full says the pending run is not kept, and a retry still makes one invalidation', async ({
	page
}) => {
	const path = `/full-${Date.now()}/*`;
	const originalId = await stack.createInvalidation(DIST.www, [path]);
	await openSignedIn(page, `/d/${DIST.www}/invalidations/${originalId}`, 'alice@example.com');
	// The site sharing this origin fills the storage, as a real one can.
	expect(await fillLocalStorage(page)).toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Run again…' }).click();
	await expect(page.getByTestId('run-not-kept')).toHaveCount(0); // nothing refused yet
	// Until cleared: see the test above.
	await stack.addFault({ kind: 'drop-response', operation: 'CreateInvalidation', count: 1000 });
	try {
		await page.getByRole('button', { name: 'Invalidate 1 item again' }).click();
		await expect(page.getByTestId('run-not-kept')).toContainText('after a reload it could purge');
		// The send has given up (its answers lost) before the faults go: else a late retry of
		// the SDK's own gets through and the page moves on to the new invalidation.
		await expect(
			page.getByRole('alert').filter({ hasText: 'did not reach AWS, or its answer was lost' })
		).toBeVisible();
		await expectAccessible(page);
	} finally {
		await stack.clearFaults();
	}
	await page.getByRole('button', { name: 'Invalidate 1 item again' }).click();
	await expect(page).not.toHaveURL(new RegExp(`/invalidations/${originalId}$`));
	// The original and one run: the retry reused the reference of the lost attempt.
	const runs = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
	expect(runs).toHaveLength(2);
});

test('where the browser grants notifications but refuses to show one, the detail page keeps working', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications']);
	// Chrome on Android: permission granted, yet `new Notification()` throws (only a service
	// worker may show one).
	await context.addInitScript(() => {
		const Real = Notification;
		const w = window as unknown as { Notification: unknown; refused: number };
		w.refused = 0;
		w.Notification = class extends Real {
			constructor(title: string, options?: NotificationOptions) {
				w.refused++;
				throw new TypeError("Failed to construct 'Notification': Illegal constructor.");
				super(title, options);
			}
		};
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await stack.settings({ completeAfterMs: 600_000 });
	const id = await stack.createInvalidation(DIST.www, [`/refused-${Date.now()}.html`]);
	await openSignedIn(page, `/d/${DIST.www}/invalidations/${id}`, 'alice@example.com');
	await expect(page.getByTestId('detail-status')).toHaveText('In progress');
	await page.getByRole('button', { name: 'Notify me when it completes' }).click();
	await expect(page.getByText('You will get a browser notification')).toBeVisible();
	await stack.complete(DIST.www, id);
	await expect(page.getByTestId('detail-status')).toHaveText('Completed', { timeout: 20_000 });
	expect(await page.evaluate(() => (window as unknown as { refused: number }).refused)).toBe(1);
	// The page still answers: its other actions work, and nothing escaped as an error.
	await expect(page.getByTestId('time-to-complete')).toContainText(/seen complete \d+ s after/);
	await page.getByRole('button', { name: 'Run again…' }).click();
	await expect(page.getByRole('button', { name: 'Invalidate 1 item again' })).toBeVisible();
	expect(errors).toEqual([]);
});
