import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_PORTS } from './tests/ports';

// Debian's chromium where Playwright cannot download its own, via the `executablePath` launch option
// (https://playwright.dev/docs/api/class-browsertype#browser-type-launch); CHROMIUM_PATH wins.
const debianChromium = '/usr/bin/chromium';
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
	testDir: 'tests',
	// One local stack with global fault switches: tests run one at a time.
	workers: 1,
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	webServer: {
		command: 'tsx scripts/e2e-server.ts',
		// Ready once the console serves its config (the stack starts first).
		url: `http://localhost:${E2E_PORTS.console}/_console/config.json`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'pipe'
	},
	use: {
		baseURL: `http://localhost:${E2E_PORTS.console}`,
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
