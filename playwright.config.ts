import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's chromium where Playwright cannot download its own, via the `executablePath` launch option
// (https://playwright.dev/docs/api/class-browsertype#browser-type-launch); CHROMIUM_PATH wins.
// The tests' own SDK calls (tests/stack-control.ts) run on Node 20, which the SDK warns about.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const debianChromium = '/usr/bin/chromium';
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
	testDir: 'tests',
	// Each worker runs its own local stack and console (tests/fixtures.ts), so fault switches never
	// cross; tests within a file run in order.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	// Waiting bounds, not speed checks (speed lives in the benchmark scripts): wide enough for a
	// machine that other jobs load, so a slow run waits instead of failing.
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: 'list',
	use: {
		trace: 'retain-on-failure',
		browserName: 'chromium',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	}
});
