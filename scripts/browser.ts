/**
 * What the benchmark and size scripts share to drive Chromium: Debian's chromium where Playwright
 * has none of its own (as in playwright.config.ts; CHROMIUM_PATH wins), with the flags this
 * machine's closed network needs, and a free loopback port for the local console.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const launchChromium = () =>
	chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
	});

export const freePort = () =>
	new Promise<number>((ok, fail) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => ok(port));
		});
		s.on('error', fail);
	});
