import { DIST, expect, expectAccessible, openSignedIn, test, paste } from './fixtures';
import { stack } from './stack-control';

// The stack never completes an invalidation on its own clock here: the tests complete them with
// stack.complete when they mean to (a loaded machine cannot outrun a timer).
test.beforeEach(() => stack.settings({ completeAfterMs: 600_000 }));

test('one list purged on the distributions picked from the list; a refused one does not stop the others', async ({
	page
}) => {
	await openSignedIn(page, '/', 'alice@example.com');
	for (const id of [DIST.www, DIST.shop, DIST.data])
		await page
			.getByRole('checkbox', { name: new RegExp(`Select .*for a purge together`) })
			.and(page.locator(`[value="${id}"]`))
			.check();
	await page.getByRole('link', { name: 'Purge selected (3) together' }).click();
	await expect(page).toHaveURL(new RegExp(`/purge\\?d=${DIST.www}&d=${DIST.shop}&d=${DIST.data}$`));

	// alice's role may not use the data distribution: it is refused, the others go on.
	const data = page.getByTestId(`target-${DIST.data}`);
	await expect(data).toContainText('Refused: your role may not use this distribution');
	const list = [`/multi-${Date.now()}/index.html`, `/multi-${Date.now()}/app.js`, '/multi/*'];
	await page.getByLabel(/Paths to invalidate on every distribution/).fill(list.join('\n'));
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Invalidate 3 paths on 2 distributions' }).click();

	for (const id of [DIST.www, DIST.shop]) {
		const card = page.getByTestId(`target-${id}`);
		await expect
			.poll(async () => (await stack.invalidations(id)).find((i) => i.paths.includes(list[0])))
			.toBeTruthy();
		const sent = (await stack.invalidations(id)).find((i) => i.paths.includes(list[0]))!;
		await expect(card.getByTestId('queue-done')).toHaveCount(0);
		await stack.complete(id, sent.id);
		await expect(card.getByTestId('queue-done')).toContainText('All 3 paths purged.', {
			timeout: 20_000
		});
		const made = (await stack.invalidations(id)).filter((i) => i.paths.includes(list[0]));
		expect(made).toHaveLength(1);
		expect(made[0].paths).toEqual(list);
	}
	expect((await stack.invalidations(DIST.data)).some((i) => i.paths.includes(list[0]))).toBe(false);
	// The same set of distributions is one bookmark away: the address is the page.
	await page.reload();
	await expect(page.getByTestId(`target-${DIST.shop}`).getByTestId('queue-done')).toBeVisible();
});

test('addresses that are not distribution IDs are named and left out', async ({ page }) => {
	await openSignedIn(page, `/purge?d=${DIST.www}&d=not-an-id`, 'alice@example.com');
	await expect(page.getByRole('alert')).toContainText('"not-an-id"');
	await expect(page.getByTestId(`target-${DIST.www}`)).toBeVisible();
});

test('a 100,000-line paste is checked once for every distribution and kept across a reload', async ({
	page
}) => {
	test.slow(); // 100,000 lines through the clipboard and the rules on a shared machine
	await openSignedIn(page, `/purge?d=${DIST.www}&d=${DIST.shop}`, 'alice@example.com');
	const lines = Array.from({ length: 100_000 }, (_, i) => `/m${i}/f.html`);
	await paste(page, lines, /Paths to invalidate on every distribution/);
	// Checked in the worker: the cards say so until its answer is in (slow on a loaded machine).
	for (const id of [DIST.www, DIST.shop])
		await expect(page.getByTestId(`target-${id}`)).toContainText('100,000 items to send here', {
			timeout: 60_000
		});
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('\n/typed.html');
	await expect(page.getByTestId(`target-${DIST.shop}`)).toContainText('100,001 items', {
		timeout: 60_000
	});
	// Saved once typing pauses, and at once when the page is hidden: nothing typed is lost.
	await page.reload();
	await expect(page.getByLabel(/Paths to invalidate on every distribution/)).toHaveValue(
		/\/typed\.html$/,
		{ timeout: 30_000 }
	);
	await expect(page.getByTestId(`target-${DIST.www}`)).toContainText('100,001 items', {
		timeout: 60_000
	});
	await expect(
		page.getByRole('button', { name: 'Invalidate 100,001 paths on 2 distributions' })
	).toBeEnabled();
});

test('a query string is warned about on each distribution, and sent as typed once the cache keys are said to include it', async ({
	page
}) => {
	await openSignedIn(page, `/purge?d=${DIST.www}&d=${DIST.shop}`, 'alice@example.com');
	const path = `/search-${Date.now()}?q=1`;
	await page.getByLabel(/Paths to invalidate on every distribution/).fill(path);
	for (const id of [DIST.www, DIST.shop])
		await expect(page.getByTestId(`target-${id}`)).toContainText(
			"only if this distribution's cache key includes query strings"
		);
	await page.getByLabel(/cache keys include query strings: send them as typed/).check();
	for (const id of [DIST.www, DIST.shop])
		await expect(page.getByTestId(`target-${id}`)).not.toContainText('includes query strings');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Invalidate 1 path on 2 distributions' }).click();
	for (const id of [DIST.www, DIST.shop])
		await expect
			.poll(async () => (await stack.invalidations(id)).some((i) => i.paths.includes(path)))
			.toBe(true);
});

test('each card counts its own errors and lists them before its warnings', async ({ page }) => {
	await openSignedIn(page, `/purge?d=${DIST.www}&d=${DIST.shop}`, 'alice@example.com');
	// A query string (a warning everywhere), then a URL of the shop: an error on www only.
	await page
		.getByLabel(/Paths to invalidate on every distribution/)
		.fill('/b.html?v=2\nhttps://shop.example.test/a.html');
	const www = page.getByTestId(`target-${DIST.www}`);
	await expect(www).toContainText('1 item to send here; 1 error.');
	await expect(www.getByRole('listitem')).toHaveText([/^\W*Error, line 2/, /^\W*Warning, line 1/]);
	const shop = page.getByTestId(`target-${DIST.shop}`);
	await expect(shop).toContainText('2 items to send here.');
	await expect(shop.getByRole('listitem')).toHaveText([/^\W*Warning, line 1/]);
});

test('a finished queue dismissed in one tab goes from the other tabs too', async ({
	page,
	context
}) => {
	await openSignedIn(page, `/purge?d=${DIST.www}`, 'alice@example.com');
	const second = await context.newPage();
	await second.goto(`/_console/purge?d=${DIST.www}`);
	await expect(second.getByTestId('signed-in-user')).toHaveText('alice@example.com');

	const path = `/dismiss-${Date.now()}.html`;
	await page.getByLabel(/Paths to invalidate on every distribution/).fill(path);
	await page.getByRole('button', { name: 'Invalidate 1 path on 1 distribution' }).click();
	// Completed at once by the stack rather than on its clock: each tab learns it on its next read.
	await expect
		.poll(async () => (await stack.invalidations(DIST.www)).find((i) => i.paths.includes(path)))
		.toBeTruthy();
	const made = (await stack.invalidations(DIST.www)).find((i) => i.paths.includes(path))!;
	await stack.complete(DIST.www, made.id);
	const done = (p: typeof page) => p.getByTestId(`target-${DIST.www}`).getByTestId('queue-done');
	await expect(done(page)).toContainText('purged.', { timeout: 20_000 });
	await expect(done(second)).toContainText('purged.', { timeout: 20_000 });

	await done(second).getByRole('button', { name: 'Dismiss' }).click();
	await expect(done(second)).toHaveCount(0);
	await expect(done(page)).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId(`target-${DIST.www}`)).toBeVisible();
	await expect(done(page)).toHaveCount(0);
});
