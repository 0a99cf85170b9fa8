import { DIST, expect, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';
import type { Page } from '@playwright/test';

const field = (page: Page) => page.getByLabel(/Paths to invalidate/);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages about the paths' });
/** The message row about `text`, for clicking its fix. */
const row = (page: Page, text: string | RegExp) =>
	page.getByTestId('diagnostic').filter({ hasText: text });

test('a pasted list is split into items, and every item is sent', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill('/a.html,/b.html , https://www.example.test/c.html\n/img/a,b.png');
	await expect(messages(page)).toContainText('A list of 3 on one line');
	await expect(page.getByTestId('summary-items')).toHaveText('4');
	await row(page, 'A list of 3').getByRole('button', { name: 'Put one per line' }).click();
	await expect(field(page)).toHaveValue(
		'/a.html\n/b.html\nhttps://www.example.test/c.html\n/img/a,b.png'
	);
	await page.getByRole('button', { name: 'Invalidate 4 paths' }).click();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = (await stack.invalidations(DIST.www)).find((i) => i.id === id);
	expect(sent?.paths).toEqual(['/a.html', '/b.html', '/c.html', '/img/a,b.png']);
});

test('each suggestion has a one-click fix, and the message then goes', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill(
		['/a.jpg?v=2', '/docs', '/', '/img/A.png', '/img/a.png', '/x/%2A', '/js/runtime~main.js'].join(
			'\n'
		)
	);
	const fixes: [RegExp, string][] = [
		[/cache key includes query strings/, 'Use /a.jpg'],
		[/\/docs and \/docs\/ are different objects/, 'Add /docs/'],
		[/purges only the home page/, 'Use /*'],
		[/only by case/, 'Remove /img/a.png'],
		[/is not a wildcard/, 'Use /x/*'],
		[/does not support "~"/, 'Use /js/runtime*']
	];
	for (const [message, label] of fixes) {
		await expect(row(page, message)).toHaveCount(1);
		// An icon and a word say what kind of message it is, not colour alone.
		await expect(row(page, message)).toContainText(/Error|Warning|Info/);
		await row(page, message).getByRole('button', { name: label, exact: true }).click();
		await expect(row(page, message)).toHaveCount(0);
	}
	await expect(field(page)).toHaveValue(
		['/a.jpg', '/docs', '/docs/', '/*', '/img/A.png', '/x/*', '/js/runtime*'].join('\n')
	);
});

test('query strings are kept when the user says the cache key includes them', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill('/a.jpg?v=2');
	await expect(row(page, /cache key includes query strings/)).toContainText('Warning');
	await page.getByLabel(/cache key includes query strings: send them as typed/).check();
	await expect(row(page, 'Sent with its query string')).toContainText('Info');
});

test('files under a wildcard in the list are folded, and a wildcard is suggested for siblings', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const siblings = Array.from({ length: 12 }, (_, i) => `/css/s${i}.css`);
	await field(page).fill(['/img/a.png', '/img/*', ...siblings].join('\n'));
	await expect(row(page, 'Covered by /img/* (line 2)')).toHaveCount(1);
	await expect(page.getByTestId('summary-folded')).toHaveText('1');
	await expect(page.getByTestId('summary-items')).toHaveText('13');
	const suggestion = row(page, '12 paths are in /css/');
	await expect(suggestion).toContainText('would save 11 paths');
	await suggestion.getByRole('button', { name: 'Use /css/*' }).click();
	await expect(field(page)).toHaveValue('/img/a.png\n/img/*\n/css/*');
	await expect(page.getByTestId('summary-items')).toHaveText('2');
	await expect(page.getByTestId('summary-wildcards')).toHaveText('2');
});

test('clicking a message selects its line in the field', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill('/ok.html\n/bad~x.html\n/fine.html');
	await row(page, 'does not support').getByRole('button', { name: 'Line 2' }).click();
	await expect(field(page)).toBeFocused();
	const selected = await field(page).evaluate((el: HTMLTextAreaElement) =>
		el.value.slice(el.selectionStart, el.selectionEnd)
	);
	expect(selected).toBe('/bad~x.html');
});

test('/* needs the distribution typed before it is sent', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const before = (await stack.invalidations(DIST.www)).length;
	await field(page).fill('/*');
	await field(page).press('Control+Enter');
	const dialog = page.getByRole('alertdialog', { name: 'Purge everything on this distribution?' });
	await expect(dialog).toContainText(DIST.www);
	// Named as everywhere else in the console: the label config.json gives it (distributionLabel).
	await expect(dialog).toContainText('every cached object of www (production)');
	const confirm = dialog.getByRole('button', { name: 'Purge everything' });
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel(/Type the distribution ID/).fill('E1LOCALWWW000');
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel(/Type the distribution ID/).fill('www.example.test');
	await expect(confirm).toBeEnabled();
	expect(await stack.invalidations(DIST.www)).toHaveLength(before); // nothing sent before the click
	await confirm.click();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = (await stack.invalidations(DIST.www)).find((i) => i.id === id);
	expect(sent?.paths).toEqual(['/*']);
});

test('more than 1,000 paths need a confirmation naming the distribution', async ({ page }) => {
	test.slow();
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const before = (await stack.invalidations(DIST.www)).length;
	const many = Array.from({ length: 1001 }, (_, i) => `/p/${i % 7}/f${i}.html`).join('\n');
	await field(page).fill(many);
	await page.getByRole('button', { name: 'Invalidate 1001 paths' }).click();
	const dialog = page.getByRole('alertdialog', { name: 'Purge 1,001 paths?' });
	await expect(dialog).toContainText(DIST.www);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toHaveCount(0);
	expect(await stack.invalidations(DIST.www)).toHaveLength(before);
});

test('the limits are counted before sending, saying by how much and that a queue sends it', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const wildcards = Array.from({ length: 17 }, (_, i) => `/w${i}x/*`).join('\n');
	await field(page).fill(wildcards);
	await expect(page.getByTestId('summary-wildcards')).toHaveText('17');
	await expect(row(page, '17 wildcard paths')).toContainText('2 over: the queue sends the rest');
	await expect(page.getByRole('button', { name: /Invalidate 17 paths/ })).toBeEnabled();
});

test('over 3,000 file paths says by how much, and the list can still be sent', async ({ page }) => {
	test.slow(); // 3,005 lines typed into the field on a shared machine
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const files = Array.from({ length: 3005 }, (_, i) => `/f${i}/x.html`).join('\n');
	await field(page).fill(files);
	await expect(page.getByTestId('summary-files')).toHaveText('3,005');
	await expect(row(page, '3,005 file paths')).toContainText('5 over: the queue sends the rest');
	await expect(page.getByRole('button', { name: /Invalidate/ })).toBeEnabled();
});

test('a link with ?path= fills the draft, and nothing is sent without a click', async ({
	page
}) => {
	const before = (await stack.invalidations(DIST.www)).length;
	await openSignedIn(page, `/d/${DIST.www}?path=/from/link.html&path=/b.html`, 'alice@example.com');
	await expect(field(page)).toHaveValue('/from/link.html\n/b.html');
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
	expect(await stack.invalidations(DIST.www)).toHaveLength(before);
	await page.reload();
	await expect(field(page)).toHaveValue('/from/link.html\n/b.html'); // not added twice
});

test('the bookmarklet opens the purge page of the distribution serving the host', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const code = await page.getByTestId('bookmarklet').getAttribute('href');
	expect(code).toMatch(/^javascript:/);
	// The console here is not on the site's host, so name it, as the bookmarklet's host would be.
	await page.goto(
		`/_console/open?host=www.example.test&path=${encodeURIComponent('/blog/x.html')}`
	);
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
	await expect(field(page)).toHaveValue('/blog/x.html');
});
