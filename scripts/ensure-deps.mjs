#!/usr/bin/env node
// First step of `npm start` and `npm test` on a fresh clone: install what is missing.
// Plain Node (no dependencies), since it runs before node_modules exists.
//   node scripts/ensure-deps.mjs            npm packages, from the lockfile
//   node scripts/ensure-deps.mjs --browser  also a Chromium for the browser tests
//   node scripts/ensure-deps.mjs --infra    also infra/'s packages (the AWS CDK: kept out of the app's)
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** @param {string} cmd @param {string} [cwd] */
const run = (cmd, cwd = '.') => execSync(cmd, { stdio: 'inherit', cwd });

// node_modules/.package-lock.json is npm's record of the last install: stale or absent → npm ci.
/** @param {string} dir */
function ensureInstalled(dir) {
	const installed = `${dir}/node_modules/.package-lock.json`;
	const lock = `${dir}/package-lock.json`;
	if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
		console.log(`Installing npm packages in ${dir} (npm ci)…`);
		run('npm ci --no-audit --no-fund', dir);
	}
}
ensureInstalled('.');
if (process.argv.includes('--infra')) ensureInstalled('infra');

if (process.argv.includes('--browser')) {
	// Playwright cannot download its browser on these machines: use Debian's chromium
	// (https://packages.debian.org/bookworm/chromium), or CHROMIUM_PATH where a machine has another.
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		const isRoot = process.getuid?.() === 0;
		const debian = existsSync('/etc/debian_version') && readFileSync('/etc/debian_version', 'utf8');
		if (!debian) throw new Error(`No Chromium at ${chromium}. Install one and set CHROMIUM_PATH.`);
		console.log("Installing Debian's chromium for the browser tests…");
		const sudo = isRoot ? '' : 'sudo ';
		run(
			`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`
		);
	}
}
