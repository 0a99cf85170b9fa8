import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Distribution } from '$lib/distributions/types';
import { parsePaste, severityOf, type ParseOptions } from '$lib/paths/parse-paste';
import type { KeyValueStore } from '$lib/storage';
import { loadDraft } from './draft';
import type { LiveQueue } from './live-queue.svelte';
import { MultiPurge, type Target } from './multi-purge.svelte';
import type { PathChecker } from './path-checker';
import { LARGE_TEXT, SETTLE_MS } from './check-schedule.svelte';

function memoryStore(): KeyValueStore & { data: Map<string, string>; writes: number } {
	const data = new Map<string, string>();
	const store = {
		data,
		writes: 0,
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void (store.writes++, data.set(k, v)),
		removeItem: (k: string) => void data.delete(k)
	};
	return store;
}

const owner = { subject: 'sub-ops', email: 'ops@example.com' };
const distribution = (id: string, host: string, tagsEnabled = false): Distribution => ({
	id,
	domainName: `${id.toLowerCase()}.cloudfront.net`,
	aliases: [host],
	status: 'Deployed',
	comment: '',
	enabled: true,
	tagsEnabled
});
/** A readable target whose queue records what it was given. */
function target(id: string, host = `${id.toLowerCase()}.example.test`, tags = false) {
	const created: (readonly string[])[] = [];
	const live = { create: async (items: readonly string[]) => (created.push(items), 'started') };
	const t: Target = {
		id,
		label: id,
		distribution: distribution(id, host, tags),
		error: null,
		live: live as unknown as LiveQueue
	};
	return Object.assign(t, { created });
}
const unreadable = (id: string): Target => ({
	id,
	label: id,
	distribution: null,
	error: null,
	live: null
});

/** The rules on this thread, counting each run (`offThread`: replies wait to be released). */
function countingChecker(offThread = false) {
	const runs: { text: string; options: ParseOptions; release: () => Promise<void> }[] = [];
	const checker: PathChecker = {
		parse: (text, options) => {
			runs.push({ text, options, release: async () => {} });
			return parsePaste(text, options);
		},
		check: (text, options) =>
			new Promise((done) =>
				runs.push({
					text,
					options,
					release: async () => {
						done(parsePaste(text, options));
						await Promise.resolve();
						await Promise.resolve();
					}
				})
			),
		offThread,
		close() {}
	};
	return { checker, runs };
}

async function ready(checker: PathChecker, store: KeyValueStore | null, targets: Target[]) {
	const purge = new MultiPurge(store, owner, targets, Promise.resolve(checker));
	await Promise.resolve(); // the checker is handed over
	await Promise.resolve();
	return purge;
}

afterEach(() => void vi.useRealTimers());

describe('MultiPurge draft', () => {
	it('is one draft for the same distributions named in another order', () => {
		const store = memoryStore();
		const first = new MultiPurge(store, owner, [unreadable('E1AAA'), unreadable('E2BBB')]);
		first.text = '/index.html';
		const reversed = new MultiPurge(store, owner, [unreadable('E2BBB'), unreadable('E1AAA')]);
		expect(reversed.text).toBe('/index.html');
		const other = new MultiPurge(store, owner, [unreadable('E1AAA')]);
		expect(other.text).toBe('');
	});

	it('says the draft is not kept when storage refuses it', () => {
		const full: KeyValueStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		const purge = new MultiPurge(full, owner, [unreadable('E1AAA')]);
		purge.text = '/a.html';
		expect(purge.draftKept).toBe(false);
		expect(purge.text).toBe('/a.html');
	});
});

describe('MultiPurge checks', () => {
	it('checks a list of plain paths once per change, whatever the number of distributions', async () => {
		const { checker, runs } = countingChecker();
		const targets = [target('E1AAA'), target('E2BBB'), target('E3CCC'), unreadable('E4DDD')];
		const purge = await ready(checker, memoryStore(), targets);
		runs.length = 0;
		purge.text = '/a.html\n/img/*';
		expect(runs).toHaveLength(1);
		expect(purge.batches.map((b) => b?.items ?? null)).toEqual([
			['/a.html', '/img/*'],
			['/a.html', '/img/*'],
			['/a.html', '/img/*'],
			null
		]);
	});

	it('an empty field needs no rules: nothing to check, nothing to send, before they load', () => {
		const { runs } = countingChecker();
		const rules = new Promise<PathChecker>(() => {}); // the rules' code never arrives
		const purge = new MultiPurge(
			memoryStore(),
			owner,
			[target('E1AAA'), unreadable('E2BBB')],
			rules
		);
		expect(purge.isSettling).toBe(false);
		expect(purge.batches.map((b) => b?.items ?? null)).toEqual([[], null]);
		purge.text = '/a.html';
		expect(purge.isSettling).toBe(true); // this text needs the rules
		purge.text = '';
		expect(purge.isSettling).toBe(false);
		expect(runs).toEqual([]);
	});

	it('checks a URL against each distribution’s own hosts', async () => {
		const { checker, runs } = countingChecker();
		const purge = await ready(checker, memoryStore(), [target('E1AAA'), target('E2BBB')]);
		runs.length = 0;
		purge.text = 'https://e1aaa.example.test/a.html';
		expect(runs).toHaveLength(2);
		expect(purge.batches.map((b) => [b?.items, b?.errorCount])).toEqual([
			[['/a.html'], 0],
			[[], 1]
		]);
	});

	it('keeps query strings when asked, for every distribution', async () => {
		const { checker } = countingChecker();
		const purge = await ready(checker, memoryStore(), [target('E1AAA'), target('E2BBB')]);
		purge.text = '/search?q=1';
		const warned = (i: number) =>
			purge.batches[i]!.diagnostics.some((d) => severityOf(d) === 'warning');
		expect([warned(0), warned(1)]).toEqual([true, true]);
		purge.keepQueryStrings = true;
		expect([warned(0), warned(1)]).toEqual([false, false]);
	});
});

describe('MultiPurge with a large paste', () => {
	const large = (extra: string) => '/x.html\n'.repeat(LARGE_TEXT / 8 + 1) + extra;

	it('on the main thread: checks and saves once typing pauses, not on every keystroke', async () => {
		const { checker, runs } = countingChecker();
		const store = memoryStore();
		const purge = await ready(checker, store, [target('E1AAA'), target('E2BBB')]);
		vi.useFakeTimers();
		runs.length = 0;
		store.writes = 0;
		for (const end of ['/a', '/ab', '/abc']) purge.text = large(end);
		expect(purge.text).toBe(large('/abc'));
		expect(purge.isSettling).toBe(true);
		expect([runs.length, store.writes]).toEqual([0, 0]);
		vi.advanceTimersByTime(SETTLE_MS);
		expect(runs.map((r) => r.text)).toEqual([large('/abc')]);
		expect(store.writes).toBe(1);
		expect(loadDraft(store, { ...owner, distributionId: 'multi:E1AAA+E2BBB' }).text).toBe(
			large('/abc')
		);
		expect(purge.isSettling).toBe(false);
		expect(purge.batches[1]!.items).toEqual(['/x.html', '/abc']);
	});

	it('in a worker: a paste is checked at once, once for all distributions', async () => {
		const { checker, runs } = countingChecker(true);
		const purge = await ready(checker, memoryStore(), [target('E1AAA'), target('E2BBB')]);
		runs.length = 0;
		vi.useFakeTimers();
		purge.text = large('/a.html');
		purge.text = large('/a.html!'); // typing while the worker checks
		expect(runs.map((r) => r.text)).toEqual([large('/a.html')]);
		await runs[0].release();
		expect(purge.batches[0]!.items).toEqual(['/x.html', '/a.html']);
		expect(purge.isSettling).toBe(true);
		vi.advanceTimersByTime(SETTLE_MS);
		expect(runs.map((r) => r.text)).toEqual([large('/a.html'), large('/a.html!')]);
		await runs[1].release();
		expect(purge.isSettling).toBe(false);
	});

	it('in a worker: a paste is saved once typing paused and its verdicts are in, not before', async () => {
		const { checker, runs } = countingChecker(true);
		const store = memoryStore();
		const purge = await ready(checker, store, [target('E1AAA'), target('E2BBB')]);
		runs.length = 0;
		store.writes = 0;
		vi.useFakeTimers();
		purge.text = large('/a.html'); // a paste: checked at once
		vi.advanceTimersByTime(SETTLE_MS);
		// Writing megabytes now would hold up the worker's reply on the main thread.
		expect(store.writes).toBe(0);
		await runs[0].release();
		await purge.checked(); // the reply is in
		vi.advanceTimersByTime(SETTLE_MS - 1);
		expect(store.writes).toBe(0);
		vi.advanceTimersByTime(1);
		expect(loadDraft(store, { ...owner, distributionId: 'multi:E1AAA+E2BBB' }).text).toBe(
			large('/a.html')
		);
	});

	it('flush saves at once (the page is being hidden)', async () => {
		const { checker } = countingChecker();
		const store = memoryStore();
		const purge = await ready(checker, store, [target('E1AAA')]);
		vi.useFakeTimers();
		purge.text = large('/c.html');
		purge.flush();
		expect(loadDraft(store, { ...owner, distributionId: 'multi:E1AAA' }).text).toBe(
			large('/c.html')
		);
	});

	it('a purge sent before the pause sends what is in the field now, and saved it first', async () => {
		const { checker } = countingChecker();
		const store = memoryStore();
		const targets = [target('E1AAA'), target('E2BBB')];
		const purge = await ready(checker, store, targets);
		vi.useFakeTimers();
		purge.text = large('/d.html');
		const sent = purge.send();
		expect(loadDraft(store, { ...owner, distributionId: 'multi:E1AAA+E2BBB' }).text).toBe(
			large('/d.html')
		);
		await sent;
		expect(targets.map((t) => t.created.map((c) => c.length))).toEqual([[2], [2]]);
		expect(purge.text).toBe(''); // every queue holds the list
	});

	it('sends nothing when the cost is declined, and keeps the list', async () => {
		const { checker } = countingChecker();
		const targets = [target('E1AAA'), target('E2BBB')];
		const purge = await ready(checker, memoryStore(), targets);
		purge.text = '/a.html';
		let asked: unknown = null;
		await purge.send(undefined, async (purges) => ((asked = purges), false));
		expect(asked).toEqual([
			{ distributionId: 'E1AAA', items: ['/a.html'] },
			{ distributionId: 'E2BBB', items: ['/a.html'] }
		]);
		expect(targets.map((t) => t.created.length)).toEqual([0, 0]);
		expect(purge.text).toBe('/a.html');
	});
});
