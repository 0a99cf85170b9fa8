import { DIST, expect, openSignedIn, signInAs, test } from './fixtures';
import { E2E_PORTS } from './ports';
import { stack } from './stack-control';

test('a deep link opened cold survives the sign-in round trip', async ({ page }) => {
	await page.goto(`/_console/d/${DIST.shop}`);
	// Tokens live in memory: a cold open goes to Cognito's managed login first.
	await expect(page).toHaveURL(
		new RegExp(`127\\.0\\.0\\.1:${E2E_PORTS.stack.auth}/(oauth2/authorize|login)`)
	);
	await signInAs(page, 'alice@example.com');
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.shop}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DIST.shop);
	await expect(page.getByTestId('signed-in-role')).toHaveText('Operator');
});

test('the header shows who is signed in and their role', async ({ page }) => {
	await openSignedIn(page, '/', 'alice@example.com');
	await expect(page.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	await expect(page.getByTestId('signed-in-role')).toHaveText('Operator');
	await expect(page.getByTestId('signed-in-role')).toHaveAttribute('title', 'console-web-operator');
});

test('the distribution list links to one page per distribution', async ({ page }) => {
	await openSignedIn(page, '/', 'alice@example.com');
	const list = page.getByRole('list', { name: 'Distributions' });
	await expect(list.getByRole('link')).toHaveCount(3);
	await list.getByRole('link', { name: /shop \(production\)/ }).click();
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.shop}$`));
	// The distribution's own page, read from CloudFront: its heading names it with its ID.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		new RegExp(`shop \\(production\\)\\s+${DIST.shop}`)
	);
});

test('an ID typed by hand opens its page; a malformed one is explained', async ({ page }) => {
	await openSignedIn(page, '/', 'alice@example.com');
	const field = page.getByLabel('Open a distribution by ID');
	await field.fill('not an id!');
	await page.getByRole('button', { name: 'Open' }).click();
	await expect(page.getByText('A distribution ID is letters and digits')).toBeVisible();
	await field.fill(DIST.www.toLowerCase());
	await page.getByRole('button', { name: 'Open' }).click();
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
});

test('a reload signs in again silently and keeps the page', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await page.reload();
	// Cognito's own session cookie makes the second sign-in silent.
	await expect(page.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
});

test('sign-out revokes and ends the Cognito session', async ({ page }) => {
	await openSignedIn(page, '/', 'alice@example.com');
	// Hold the real revocation request until the page has been looked at mid-sign-out.
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	await page.route('**/oauth2/revoke', async (route) => {
		await released;
		await route.continue();
	});
	await page.getByRole('button', { name: 'Sign out' }).click();
	// Not "signed out" yet: the logout round trip is still to come, and would reload the page.
	await expect(page.getByText('Signing you out…')).toBeVisible();
	await expect(page.getByText('You are signed out.')).toBeHidden();
	release();
	await expect(page.getByText('You are signed out.')).toBeVisible();
	await expect(page).toHaveURL(/\/_console\/$/);
	// Cognito's session is gone: signing in asks for credentials again.
	await page.getByRole('button', { name: 'Sign in' }).click();
	await signInAs(page, 'vera@example.com');
	await expect(page.getByTestId('signed-in-user')).toHaveText('vera@example.com');
});

test('a user in no group is told why there are no credentials', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'nora@example.com');
	await expect(page.getByTestId('signed-in-role')).toHaveText('No console role');
	await expect(page.getByRole('alert')).toContainText('Cognito gave your account no AWS role');
});

test('an unknown console address explains itself and links home', async ({ page }) => {
	await openSignedIn(page, '/no/such/page', 'alice@example.com');
	await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
	await page.getByRole('link', { name: 'Go to the list of distributions' }).click();
	await expect(page.getByRole('heading', { name: 'Distributions' })).toBeVisible();
});

test('a hand-typed address: lower case is corrected, a malformed ID is explained', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www.toLowerCase()}`, 'alice@example.com');
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DIST.www);
	await page.goto('/_console/d/not-an-id');
	await expect(page.getByRole('heading', { name: 'Not a distribution ID' })).toBeVisible();
});

test('an ID token not signed by the pool is refused with a clear message', async ({ page }) => {
	// The stack signs the next ID token with a key missing from its JWKS (same kid, as a forger would).
	await stack.addFault({ kind: 'foreign-signing-key', operation: 'AuthorizationCode' });
	await page.goto(`/_console/d/${DIST.www}`);
	await signInAs(page, 'alice@example.com');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Sign-in did not complete');
	await expect(alert).toContainText("The ID token's signature could not be verified");
	await expect(alert).toContainText('/.well-known/jwks.json');
	await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});
