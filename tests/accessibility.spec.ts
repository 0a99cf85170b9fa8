import { DIST, expect, expectAccessible, openSignedIn, test } from './fixtures';

test('every page has no serious or critical accessibility violations', async ({ page }) => {
	await page.goto('/_console/');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expectAccessible(page); // the local stack's sign-in page, for completeness

	await openSignedIn(page, '/', 'alice@example.com');
	await expect(page.getByRole('list', { name: 'Distributions' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/_console/d/${DIST.www}`);
	await page.getByLabel(/Paths to invalidate/).fill('no-slash.html\n/a~b\n/ok.html');
	await expect(page.getByRole('list', { name: 'Messages about the paths' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/_console/d/${DIST.data}`);
	await expect(page.getByText("You don't have access to this distribution")).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You are signed out.')).toBeVisible();
	await expectAccessible(page);
});

test('dark mode follows the system and stays accessible', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const background = await page.evaluate(
		() => getComputedStyle(document.documentElement).backgroundColor
	);
	expect(background).not.toBe('rgb(255, 255, 255)');
	await expectAccessible(page);
});

test('works at 360 px wide without horizontal scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone the header takes two lines and hosts wrap whole, for a viewer too', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openSignedIn(page, `/d/${DIST.www}`, 'vera@example.com');
	const top = async (name: string) =>
		(await page.getByRole('banner').getByText(name, { exact: true }).boundingBox())?.y ?? NaN;
	const titleTop = await top('CloudFront purge console');
	// Sign out shares the first line; who is signed in is the second; nothing goes to a third.
	expect(Math.abs((await top('Sign out')) - titleTop)).toBeLessThan(12);
	const userTop = await top('vera@example.com');
	expect(Math.abs((await top('Viewer (read only)')) - userTop)).toBeLessThan(12);
	expect(userTop).toBeGreaterThan(titleTop);
	// An alias is one unbroken line: its box is no taller than one line of text.
	const alias = await page.getByText('www.example.test', { exact: true }).boundingBox();
	expect(alias?.height).toBeLessThan(30);
});

test('keyboard: skip link, then the paths field, then send', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.getByLabel(/Paths to invalidate/).focus();
	await page.keyboard.type('/kbd.html');
	await page.keyboard.press('Control+Enter');
	await expect(page.getByTestId('invalidation-status')).toBeVisible();
});
