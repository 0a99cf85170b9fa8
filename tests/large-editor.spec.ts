import type { Page } from '@playwright/test';
import { DIST, expect, expectAccessible, openSignedIn, test, paste } from './fixtures';

// Texts of 100,000+ characters go in an editor that renders only the lines on screen (CodeMirror,
// loaded then); smaller ones stay in the native textarea. Both answer to the same label.

/**
 * The wait for the verdicts on 100,000 lines (the worker's check, then the main thread's share):
 * seconds on a machine other jobs load, so the bound is wide, as for the multi form's paste.
 */
const CHECKED = { timeout: 60_000 };
const field = (page: Page) => page.getByLabel(/Paths to invalidate/);
const largeEditor = (page: Page) => page.getByTestId('large-editor');
const textarea = (page: Page) => page.locator('textarea#paths');

/**
 * 100,000 lines, about 1.3 M characters, one folder each (no wildcard suggestions, so few
 * messages); line 50,000 replaced by `special` when given.
 */
function bigText(special?: string) {
	const lines = Array.from({ length: 100_000 }, (_, i) => `/d${i}/f.html`);
	if (special) lines[49_999] = special;
	return lines.join('\n');
}

/** The selected text in the large editor (it lives in a shadow root). */
const selectedText = (page: Page) =>
	page.evaluate(() => {
		const root = document.querySelector('[data-testid=large-editor]')?.shadowRoot as
			(ShadowRoot & { getSelection?: () => Selection | null }) | null | undefined;
		return root?.getSelection?.()?.toString() ?? null;
	});

/** The lines the large editor has laid out: those on screen (and a margin around them). */
const linesOnScreen = (page: Page) =>
	page.evaluate(
		() =>
			document.querySelector('[data-testid=large-editor]')?.shadowRoot?.querySelector('.cm-content')
				?.textContent ?? ''
	);

test('a 100,000-line paste goes to the large editor with the right counts; typing there is kept across a reload', async ({
	page
}) => {
	test.slow(); // 100,000 lines through the clipboard and the rules on a shared machine
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await field(page).fill('/first.html\n');
	await paste(page, bigText('/bad~name.js'));
	await expect(largeEditor(page)).toBeVisible();
	await expect(textarea(page)).toHaveCount(0);
	// Its styles apply under the strict CSP (zero violations, asserted by the fixture): a box of
	// a few hundred pixels that scrolls, not 100,000 lines tall.
	expect((await largeEditor(page).boundingBox())?.height).toBeLessThan(1000);
	await expect(page.getByTestId('summary-items')).toHaveText('100,000', CHECKED);
	const messages = page.getByRole('region', { name: 'Messages about the paths' });
	await expect(messages.getByTestId('filter-error')).toHaveText(/1 error/);
	await expect(field(page)).toBeFocused(); // the caret is where the paste ended, on screen
	await expect.poll(() => linesOnScreen(page)).toContain('/d99999/f.html');
	expect(await linesOnScreen(page)).not.toContain('/first.html');

	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('/typed.html');
	await expect(page.getByTestId('summary-items')).toHaveText('100,001', CHECKED);
	await expectAccessible(page);

	await page.reload();
	await expect(largeEditor(page)).toBeVisible();
	await expect(textarea(page)).toHaveCount(0);
	await expect(page.getByTestId('summary-items')).toHaveText('100,001', CHECKED);
	await expect(field(page)).toContainText('/first.html');
});

test('the large editor loads once the paths field is focused, before any paste', async ({
	page
}) => {
	const editorCode: string[] = [];
	const reading: Promise<void>[] = [];
	page.on('response', (r) => {
		if (!r.url().endsWith('.js')) return;
		reading.push(
			// A body is gone once its document is navigated away from (the sign-in): not the editor's.
			r.text().then(
				(body) => void (body.includes('cm-editor') && editorCode.push(r.url())),
				() => undefined
			)
		);
	});
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page.waitForLoadState('networkidle'); // the page's second stage is in
	await Promise.all(reading); // every script received so far has been looked at
	expect(editorCode).toEqual([]); // a page left alone never loads it
	await field(page).focus();
	await expect.poll(() => editorCode.length).toBe(1);
	// A large paste then needs no request: the editor takes it at once.
	const requests: string[] = [];
	page.on('request', (r) => void (r.url().endsWith('.js') && requests.push(r.url())));
	await paste(page, bigText());
	await expect(largeEditor(page)).toBeVisible();
	await expect(page.getByTestId('summary-items')).toHaveText('100,000', CHECKED);
	expect(requests).toEqual([]);
});

test('in the large editor, a message selects its line and a one-click fix applies', async ({
	page
}) => {
	test.slow();
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await paste(page, bigText('/list/a.html, /list/b.html'));
	await expect(page.getByTestId('summary-items')).toHaveText('100,001', CHECKED);
	const message = page.getByTestId('diagnostic').filter({ hasText: 'A list of 2 on one line' });

	await message.getByRole('button', { name: 'Line 50000' }).click();
	await expect(field(page)).toBeFocused();
	expect(await selectedText(page)).toBe('/list/a.html, /list/b.html');
	await expect(field(page).getByText('/list/a.html, /list/b.html')).toBeInViewport();

	await message.getByRole('button', { name: 'Put one per line' }).click();
	await expect(message).toHaveCount(0);
	// The editor holds the fixed text: typing there now keeps the fix.
	await field(page).press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('/after-fix.html');
	await expect(page.getByTestId('summary-items')).toHaveText('100,002', CHECKED);
	await expect(page.getByText('A list of 2 on one line')).toHaveCount(0);
	await expect(field(page)).toContainText('/after-fix.html');
});

test('Ctrl+Enter in the large editor sends (a viewer is told why not)', async ({ page }) => {
	test.slow();
	await openSignedIn(page, `/d/${DIST.www}`, 'vera@example.com');
	await paste(page, bigText());
	await expect(page.getByTestId('summary-items')).toHaveText('100,000', CHECKED);
	await field(page).press('Control+Enter');
	await expect(page.getByText('Viewers can read distributions but not purge them.')).toBeVisible();
});

test('small texts stay in the textarea, pasted or typed', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const lines = Array.from({ length: 2_000 }, (_, i) => `/small/f${i}.html`).join('\n');
	await paste(page, lines);
	await expect(page.getByTestId('summary-items')).toHaveText('2,000');
	await expect(textarea(page)).toHaveValue(lines);
	await expect(largeEditor(page)).toHaveCount(0);
	await field(page).fill('/one.html');
	await expect(textarea(page)).toHaveValue('/one.html');
	await expect(largeEditor(page)).toHaveCount(0);
});
