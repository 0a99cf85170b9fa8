import { DISTRIBUTION_IDS } from './distributions';
import { invalidationId, type Invalidation } from './invalidation-store';

// Deterministic demo history: the same seed gives the same ids, paths and references; times are
// placed relative to `now`, from the first day of the month two months back (so the current month
// and the two before it) up to a few minutes ago.

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];
const hex = (r: Rand, n: number) =>
	Array.from({ length: n }, () => int(r, 16).toString(16)).join('');

const SLUGS = ['spring-sale', 'new-pricing', 'release-notes', 'team-offsite', 'case-study', 'faq'];
const PRODUCTS = ['red-shoes', 'blue-jacket', 'usb-c-cable', 'desk-lamp', 'coffee-mug'];

/** Path generators per distribution; tags only on E2, the one with CacheTagConfig. */
const ITEMS: Record<string, ((r: Rand) => string)[]> = {
	E1LOCALWWW0001: [
		() => '/index.html',
		() => '/',
		() => '/assets/*',
		() => '/css/site.css',
		(r) => `/js/app.${hex(r, 8)}.js`,
		() => '/js/app.js',
		() => '/js/*',
		() => '/img/hero.png',
		() => '/img/logo.svg',
		(r) => `/blog/2026/${pick(r, SLUGS)}.html`,
		() => '/blog/*',
		() => '/sitemap.xml',
		() => '/en/index.html',
		() => '/search?q=shoes'
	],
	E2LOCALSHOP001: [
		() => '/index.html',
		(r) => `/products/${pick(r, PRODUCTS)}`,
		() => '/products/*',
		(r) => `/img/products/${1 + int(r, 400)}.jpg`,
		(r) => `#product:${pick(r, PRODUCTS)}`,
		(r) => `#category:${pick(r, ['shoes', 'outerwear', 'electronics', 'home'])}`,
		() => '#sale',
		() => '/api/catalog.json'
	],
	E3LOCALDATA001: [
		(r) => `/datasets/${pick(r, ['weather', 'traffic', 'census', 'air-quality'])}.csv`,
		() => '/datasets/*',
		(r) => `/exports/2026-${String(1 + int(r, 12)).padStart(2, '0')}-01.parquet`,
		(r) => `/reports/q${1 + int(r, 4)}.pdf`,
		() => '/index.html',
		() => '/catalog.json'
	]
};
/** Share of the history per distribution. */
const WEIGHTS: [string, number][] = [
	['E1LOCALWWW0001', 0.5],
	['E2LOCALSHOP001', 0.3],
	['E3LOCALDATA001', 0.2]
];

function pickDistribution(r: Rand, only?: string): string {
	let x = r();
	if (only) return only;
	for (const [id, w] of WEIGHTS) if ((x -= w) < 0) return id;
	return DISTRIBUTION_IDS[0];
}

/** Who purges each distribution through the console: demo users and colleagues who never sign in here. */
const SENDERS: Record<string, string[]> = {
	E1LOCALWWW0001: ['alice@example.com', 'carol@example.com'],
	E2LOCALSHOP001: ['alice@example.com', 'dave@example.com'],
	E3LOCALDATA001: ['bob@example.com']
};
const uuid = (r: Rand) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;

/** Purges from the console (`console:<email>:<uuid>`), the AWS console, deploys and the CLI. */
function callerReference(r: Rand, createTime: number, distributionId: string): string {
	const kind = int(r, 4);
	if (kind === 3) return `console:${pick(r, SENDERS[distributionId])}:${uuid(r)}`;
	if (kind === 0)
		return `console-${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;
	if (kind === 1) return `deploy-${1000 + int(r, 9000)}`;
	return `cli-${createTime}`;
}

function items(r: Rand, distributionId: string, max: number): string[] {
	const gens = ITEMS[distributionId];
	// Mostly 1–3 items; now and then a bulk deploy of file paths.
	const n = max > 3 && r() < 0.05 ? 10 + int(r, 30) : 1 + int(r, Math.min(3, max));
	const out = new Set<string>();
	for (let i = 0; i < n * 2 && out.size < n; i++) out.add(pick(r, gens)(r));
	return [...out];
}

export interface SeedOptions {
	seed: number;
	count: number;
	now: number;
	/** Seed this one distribution only (a long history for one page); default: all three. */
	distributionId?: string;
}

export const historyStart = (now: number): number => {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1);
};

/** 00:00 UTC on the first day of `now`'s month: the free allowance counts from here. */
export const monthStart = (now: number): number => {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * Paths the month's release deploy brings the current month's total up to, when the random history
 * has fewer: close enough to the 1,000 free paths a month that a purge of a few hundred paths crosses
 * the free tier on any day of the month (cost estimates need that to be visible).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html
 */
export const MONTH_PATHS_TARGET = 880;
/** A history this small (unit tests, the size script) gets no release deploy. */
const RELEASE_MIN_COUNT = 100;

/** How many of the newest seeded invalidations are still InProgress: a few, never near a limit. */
export const seededInProgress = (count: number) => Math.min(3, Math.floor(count / 10));

/** `count` invalidations sorted oldest first, the last few InProgress for some minutes yet. */
export function seedHistory({
	seed,
	count,
	now,
	distributionId: only
}: SeedOptions): Invalidation[] {
	const r = prng(seed);
	const ids = new Set<string>();
	const newId = () => {
		for (;;) {
			const id = invalidationId((n) => int(r, n));
			if (ids.has(id)) continue;
			ids.add(id);
			return id;
		}
	};
	const start = historyStart(now);
	const end = now - 10 * 60 * 1000;
	const live = seededInProgress(count);
	const done: Invalidation[] = [];
	for (let i = 0; i < count - live; i++) {
		const distributionId = pickDistribution(r, only);
		const createTime = Math.floor(start + r() * (end - start));
		done.push({
			id: newId(),
			distributionId,
			createTime,
			completesAt: createTime + 5_000 + int(r, 20_000),
			callerReference: callerReference(r, createTime, distributionId),
			paths: items(r, distributionId, 40)
		});
	}
	if (count - live >= RELEASE_MIN_COUNT) done[done.length - 1] = releaseDeploy(r, done, now, newId);
	done.sort((a, b) => a.createTime - b.createTime);
	// One recent, small InProgress invalidation per distribution at most: ≤ 3 file paths and no
	// wildcard, so every one of the 15 wildcard slots is free for tests that fill them.
	for (let i = 0; i < live; i++) {
		const distributionId = only ?? DISTRIBUTION_IDS[i % DISTRIBUTION_IDS.length];
		const createTime = now - (4 - i) * 60_000 + int(r, 30_000);
		const paths = items(r, distributionId, 3);
		const files = paths.filter((p) => !p.endsWith('*'));
		done.push({
			id: newId(),
			distributionId,
			createTime,
			completesAt: now + (2 + i * 2) * 60_000,
			callerReference: callerReference(r, createTime, distributionId),
			paths: files.length > 0 ? files : ['/index.html']
		});
	}
	return done;
}

/**
 * A per-file release deploy on E1 this month (it takes the place of the last random invalidation,
 * so the count stays `count`), sized so the month's paths reach MONTH_PATHS_TARGET; placed halfway
 * between the month's start and ten minutes ago, so it is in the current month on any day.
 */
function releaseDeploy(
	r: Rand,
	others: readonly Invalidation[],
	now: number,
	newId: () => string
): Invalidation {
	const start = monthStart(now);
	const replaced = others[others.length - 1];
	const monthPaths = others
		.filter((i) => i !== replaced && i.createTime >= start)
		.reduce((n, i) => n + i.paths.length, 0);
	const size = Math.max(1, MONTH_PATHS_TARGET - monthPaths);
	const version = `v${1 + int(r, 9)}.${int(r, 20)}.${int(r, 10)}`;
	const createTime = Math.max(start, Math.floor(start + (now - 10 * 60 * 1000 - start) / 2));
	return {
		id: newId(),
		distributionId: 'E1LOCALWWW0001',
		createTime,
		completesAt: Math.min(createTime + 20_000, now), // completed: far from the in-progress limits
		callerReference: `deploy-${version}`,
		paths: Array.from({ length: size }, (_, i) => `/static/${version}/chunk-${i}.js`)
	};
}

/** Distribution `LastModifiedTime`: a little before the history starts. */
export const lastModifiedOf = (now: number, index: number) =>
	historyStart(now) - (index + 1) * 86_400_000;
