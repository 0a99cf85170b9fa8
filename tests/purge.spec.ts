import { DIST, expect, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';

test('an operator purges /index.html and watches it complete', async ({ page }) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DIST.www);
	await expect(page.getByText('www.example.test')).toBeVisible();

	const paths = page.getByLabel(/Paths to invalidate/);
	await paths.fill('/index.html');
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();

	const sent = page.getByTestId('invalidation');
	await expect(sent.getByTestId('invalidation-status')).toHaveText('In progress');
	const id = (await sent.getByTestId('invalidation-id').textContent())?.trim() ?? '';
	expect(id).toMatch(/^I[A-Z0-9]+$/);
	await stack.complete(DIST.www, id);
	await expect(sent.getByTestId('invalidation-status')).toHaveText('Completed', {
		timeout: 20_000
	});
	// The newest row of the recent list is this purge, and it completes there too.
	const newest = page.getByTestId('recent-row').first();
	await expect(newest).toContainText(id);
	await expect(newest).toContainText('Completed');

	const created = (await stack.invalidations(DIST.www)).filter((i) => i.id === id);
	expect(created).toHaveLength(1);
	expect(created[0].paths).toEqual(['/index.html']);
	expect(created[0].callerReference).toContain('alice@example.com');
	// The purge is done: the draft is cleared, so a reload does not offer it again.
	await expect(paths).toHaveValue('');
});

test('paths are normalised and encoded before sending, with a message per line', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page
		.getByLabel(/Paths to invalidate/)
		.fill(['images/a b.png', 'https://www.example.test/about?x=1', '/runtime~main.js'].join('\n'));
	const messages = page.getByRole('region', { name: 'Messages about the paths' });
	await expect(messages).toContainText('Paths start with "/": sent as /images/a%20b.png');
	await expect(messages).toContainText('/images/a%20b.png');
	await expect(messages).toContainText('URL on this distribution: its path /about?x=1 is used.');
	await expect(messages).toContainText('does not support "~"');
	await expect(page.getByRole('button', { name: /Invalidate 2 paths/ })).toBeDisabled();

	await page.getByLabel(/Paths to invalidate/).fill('images/a b.png\n/about?x=1');
	await page.getByRole('button', { name: 'Invalidate 2 paths' }).click();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = (await stack.invalidations(DIST.www)).find((i) => i.id === id);
	expect(sent?.paths).toEqual(['/images/a%20b.png', '/about?x=1']);
});

test('the draft survives a reload', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.shop}`, 'alice@example.com');
	await page.getByLabel(/Paths to invalidate/).fill('/keep/me.html\n#product-42');
	await page.reload();
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue('/keep/me.html\n#product-42');
	await expect(page.getByRole('button', { name: 'Invalidate 2 paths' })).toBeEnabled();
});

test('a viewer sees the purge controls disabled with the reason', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'vera@example.com');
	await expect(page.getByTestId('signed-in-role')).toHaveText('Viewer (read only)');
	await page.getByLabel(/Paths to invalidate/).fill('/index.html');
	await expect(page.getByRole('button', { name: 'Invalidate 1 path' })).toBeDisabled();
	await expect(page.getByText('Viewers can read distributions but not purge them.')).toBeVisible();
});

test("another team's distribution shows that access is missing", async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.data}`, 'alice@example.com');
	await expect(
		page.getByRole('heading', { name: "You don't have access to this distribution" })
	).toBeVisible();
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveCount(0);
	await page.getByRole('link', { name: 'pick another distribution' }).click();
	await expect(page.getByRole('heading', { name: 'Distributions' })).toBeVisible();
});

test('a viewer cannot send with the keyboard shortcut either', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'vera@example.com');
	const before = (await stack.invalidations(DIST.www)).length;
	const paths = page.getByLabel(/Paths to invalidate/);
	await paths.fill('/viewer-tried.html');
	await paths.press('Control+Enter');
	await expect(page.getByText('Viewers can read distributions but not purge them.')).toBeVisible();
	expect(await stack.invalidations(DIST.www)).toHaveLength(before);
	await expect(paths).toHaveValue('/viewer-tried.html');
});

test('cache tags are accepted only where the distribution has a cache tag header', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page.getByLabel(/Paths to invalidate/).fill('#product-42');
	await expect(page.getByRole('region', { name: 'Messages about the paths' })).toContainText(
		'Cache tags work only on a distribution with a cache tag header configured'
	);
	await expect(page.getByRole('button', { name: /Invalidate/ })).toBeDisabled();

	await page.goto(`/_console/d/${DIST.shop}`);
	await expect(page.getByText('enabled (#tag items allowed)')).toBeVisible();
	const tag = `#product-${Date.now()}`;
	await page.getByLabel(/Paths to invalidate/).fill(`${tag}\n/products/42.html`);
	await page.getByRole('button', { name: 'Invalidate 2 paths' }).click();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = (await stack.invalidations(DIST.shop)).find((i) => i.id === id);
	expect(sent?.paths).toEqual([tag, '/products/42.html']);
});
