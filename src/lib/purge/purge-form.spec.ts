import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invalidation } from '$lib/history/invalidation';
import type { KeyValueStore } from '$lib/storage';
import { loadDraft } from './draft';
import { parsePaste } from '$lib/paths/parse-paste';
import { mainThreadChecker, type PathChecker } from './path-checker';
import { LARGE_TEXT, SETTLE_MS } from './check-schedule.svelte';
import { PurgeForm } from './purge-form.svelte';

const target = {
	owner: { subject: 'sub-ops', email: 'ops@example.com' },
	distributionId: 'E1TEST',
	hosts: ['www.example.test'],
	tagsEnabled: false
};
const scope = { ...target.owner, distributionId: target.distributionId };

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

const invalidation = (ref: string, paths: string[]): Invalidation => ({
	id: 'I1',
	status: 'InProgress',
	createTime: new Date(),
	callerReference: ref,
	paths
});

describe('PurgeForm', () => {
	it('saves what is typed, so a new form (a reload) gets it back', () => {
		const store = memoryStore();
		new PurgeForm(store, target).text = '/a.html\n/b/*';
		expect(new PurgeForm(store, target).text).toBe('/a.html\n/b/*');
	});

	it('persists the CallerReference before the request leaves', async () => {
		const store = memoryStore();
		const form = new PurgeForm(store, target);
		form.text = '/a.html';
		let seenInStore: string | undefined;
		await form.submit(async (ref, items) => {
			seenInStore = loadDraft(store, scope).submission?.callerReference;
			return invalidation(ref, items);
		});
		expect(seenInStore).toMatch(/^console:ops@example\.com:/);
	});

	it('reuses the same CallerReference for every retry of the same batch', async () => {
		const store = memoryStore();
		const form = new PurgeForm(store, target);
		form.text = '/a.html\n/b.html';
		const refs: string[] = [];
		const failing = async (ref: string) => {
			refs.push(ref);
			throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
		};
		await form.submit(failing);
		expect(form.error).toEqual({ kind: 'throttled' });
		expect(form.text).toBe('/a.html\n/b.html');
		// A reload between attempts: the reference comes back from storage.
		const reloaded = new PurgeForm(store, target);
		expect(reloaded.unconfirmed?.items).toEqual(['/a.html', '/b.html']);
		await reloaded.submit(async (ref, items) => {
			refs.push(ref);
			return invalidation(ref, items);
		});
		expect(new Set(refs).size).toBe(1);
		expect(refs).toHaveLength(2);
	});

	it('makes a new CallerReference when the paths changed after a failure', async () => {
		const form = new PurgeForm(memoryStore(), target);
		form.text = '/a.html';
		const refs: string[] = [];
		await form.submit(async (ref) => {
			refs.push(ref);
			throw new TypeError('Failed to fetch');
		});
		expect(form.error).toEqual({ kind: 'network' });
		form.text = '/a.html\n/c.html';
		await form.submit(async (ref, items) => {
			refs.push(ref);
			return invalidation(ref, items);
		});
		expect(refs[0]).not.toBe(refs[1]);
	});

	it('clears the draft once CloudFront confirmed, and shows the invalidation', async () => {
		const store = memoryStore();
		const form = new PurgeForm(store, target);
		form.text = 'a.html';
		await form.submit(async (ref, items) => invalidation(ref, items));
		expect(form.sent?.paths).toEqual(['/a.html']);
		expect(form.text).toBe('');
		expect(store.data.size).toBe(0);
		expect(new PurgeForm(store, target).unconfirmed).toBeNull();
	});

	it('sends nothing while lines have errors, or nothing is typed', async () => {
		const form = new PurgeForm(memoryStore(), target);
		let calls = 0;
		const send = async (ref: string, items: string[]) => (calls++, invalidation(ref, items));
		await form.submit(send);
		form.text = '/ok.html\n/bad~name.js';
		await form.submit(send);
		expect(calls).toBe(0);
		expect(form.batch.errorCount).toBe(1);
	});

	it('ignores a second submit while the first is in flight (double click)', async () => {
		const form = new PurgeForm(memoryStore(), target);
		form.text = '/a.html';
		let calls = 0;
		let release: () => void = () => {};
		const gate = new Promise<void>((r) => (release = r));
		const send = async (ref: string, items: string[]) => {
			calls++;
			await gate;
			return invalidation(ref, items);
		};
		const first = form.submit(send);
		await form.submit(send);
		release();
		await first;
		expect(calls).toBe(1);
	});

	it('sends with storage full, says the draft is not kept, and retries with the same reference', async () => {
		const full: KeyValueStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('Quota exceeded', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		const form = new PurgeForm(full, target);
		form.text = '/a.html';
		expect(form.draftKept).toBe(false);
		const refs: string[] = [];
		await form.submit(async (ref) => {
			refs.push(ref);
			throw new TypeError('Failed to fetch');
		});
		expect(form.text).toBe('/a.html');
		await form.submit(async (ref, items) => (refs.push(ref), invalidation(ref, items)));
		expect(form.sent?.paths).toEqual(['/a.html']);
		expect(refs).toHaveLength(2);
		expect(refs[0]).toBe(refs[1]);
	});

	it('works with no storage at all (the browser refused localStorage)', async () => {
		const form = new PurgeForm(null, target);
		form.text = '/a.html';
		expect(form.draftKept).toBe(false);
		await form.submit(async (ref, items) => invalidation(ref, items));
		expect(form.sent?.paths).toEqual(['/a.html']);
	});

	it('says the draft is kept again once storage accepts it', () => {
		let refuse = true;
		const data = new Map<string, string>();
		const flaky: KeyValueStore = {
			getItem: (k) => data.get(k) ?? null,
			setItem: (k, v) => {
				if (refuse) throw new DOMException('Quota exceeded', 'QuotaExceededError');
				data.set(k, v);
			},
			removeItem: (k) => void data.delete(k)
		};
		const form = new PurgeForm(flaky, target);
		form.text = '/a';
		expect(form.draftKept).toBe(false);
		refuse = false;
		form.text = '/ab';
		expect(form.draftKept).toBe(true);
	});

	it("a second user never gets the first user's draft or pending purge", async () => {
		const store = memoryStore();
		const first = new PurgeForm(store, target);
		first.text = '/a.html';
		await first.submit(async () => {
			throw new TypeError('Failed to fetch');
		});
		const second = new PurgeForm(store, {
			...target,
			owner: { subject: 'sub-dev', email: 'dev@example.com' }
		});
		expect(second.text).toBe('');
		expect(second.unconfirmed).toBeNull();
		expect(new PurgeForm(store, target).unconfirmed?.items).toEqual(['/a.html']);
	});
});

describe('PurgeForm with a large paste', () => {
	afterEach(() => void vi.useRealTimers());
	const large = (extra: string) => '/x.html\n'.repeat(LARGE_TEXT / 8 + 1) + extra;

	it('on the main thread: checks and saves once typing pauses, not on every keystroke', async () => {
		const checker = await mainThreadChecker();
		vi.useFakeTimers();
		const store = memoryStore();
		const form = new PurgeForm(store, target, Promise.resolve(checker));
		await Promise.resolve(); // the checker is handed over
		form.text = large('/a.html');
		expect(form.text).toBe(large('/a.html')); // the field shows it at once
		expect(form.isSettling).toBe(true);
		expect(form.batch.items).toEqual([]);
		expect(store.data.size).toBe(0);
		vi.advanceTimersByTime(SETTLE_MS - 1);
		form.text = large('/b.html'); // typing again restarts the pause
		vi.advanceTimersByTime(SETTLE_MS - 1);
		expect(form.isSettling).toBe(true);
		vi.advanceTimersByTime(1);
		expect(form.isSettling).toBe(false);
		expect(form.batch.items).toEqual(['/x.html', '/b.html']);
		expect(loadDraft(store, scope).text).toBe(large('/b.html'));
	});

	it('flush saves at once (the page is being hidden)', () => {
		vi.useFakeTimers();
		const store = memoryStore();
		const form = new PurgeForm(store, target);
		form.text = large('/c.html');
		form.flush();
		expect(loadDraft(store, scope).text).toBe(large('/c.html'));
	});

	it('a purge sent before the pause sends what is in the field now', async () => {
		vi.useFakeTimers();
		const form = new PurgeForm(memoryStore(), target);
		form.text = large('/d.html');
		let sent: string[] = [];
		await form.submit(async (ref, items) => {
			sent = items;
			return invalidation(ref, items);
		});
		expect(sent).toEqual(['/x.html', '/d.html']);
	});

	it('in a worker: a paste is checked at once; typing in it once it pauses', async () => {
		const { checker, calls } = workerLike();
		const form = new PurgeForm(memoryStore(), target, Promise.resolve(checker));
		await Promise.resolve();
		vi.useFakeTimers();
		form.text = large('/a.html'); // a paste
		form.text = large('/b.html');
		form.text = large('/c.html');
		expect(calls.map((c) => c.text)).toEqual([large('/a.html')]); // one in flight at a time
		await calls[0].release();
		expect(form.isSettling).toBe(true); // /a's verdicts, not the field's
		expect(form.batch.items).toEqual(['/x.html', '/a.html']);
		form.text = large('/d.html'); // typing on
		vi.advanceTimersByTime(SETTLE_MS - 1);
		expect(calls).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(calls.map((c) => c.text)).toEqual([large('/a.html'), large('/d.html')]);
		await calls[1].release();
		expect(form.isSettling).toBe(false);
		expect(form.batch.items).toEqual(['/x.html', '/d.html']);
	});

	it('in a worker: a paste is saved once typing paused and its verdicts are in, not before', async () => {
		const { checker, calls } = workerLike();
		const store = memoryStore();
		const form = new PurgeForm(store, target, Promise.resolve(checker));
		await Promise.resolve();
		vi.useFakeTimers();
		form.text = large('/a.html'); // a paste: checked at once
		vi.advanceTimersByTime(SETTLE_MS);
		expect(store.data.size).toBe(0); // its verdicts are still being worked out
		await calls[0].release();
		vi.advanceTimersByTime(SETTLE_MS - 1);
		expect(store.data.size).toBe(0);
		vi.advanceTimersByTime(1);
		expect(loadDraft(store, scope).text).toBe(large('/a.html'));
		form.text = large('/b.html'); // typing on: saved once it pauses (checked then too)
		vi.advanceTimersByTime(SETTLE_MS);
		expect(loadDraft(store, scope).text).toBe(large('/b.html'));
	});

	it('in a worker: flush saves at once, even while the verdicts are worked out', async () => {
		const { checker } = workerLike();
		const store = memoryStore();
		const form = new PurgeForm(store, target, Promise.resolve(checker));
		await Promise.resolve();
		form.text = large('/e.html');
		form.flush();
		expect(loadDraft(store, scope).text).toBe(large('/e.html'));
	});

	it('a late reply for an older text never replaces the verdicts on a newer one', async () => {
		const { checker, calls } = workerLike();
		const form = new PurgeForm(memoryStore(), target, Promise.resolve(checker));
		await Promise.resolve();
		form.text = large('/old.html'); // in flight
		form.text = large('/new.html');
		const checked = form.checked(); // a click: the verdicts on exactly this text
		await Promise.resolve();
		expect(calls.map((c) => c.text)).toEqual([large('/old.html'), large('/new.html')]);
		await calls[1].release();
		expect((await checked).batch.items).toEqual(['/x.html', '/new.html']);
		await calls[0].release(); // the older reply comes last
		expect(form.batch.items).toEqual(['/x.html', '/new.html']);
		expect(form.isSettling).toBe(false);
	});

	it('sends the verdicts on the text clicked, and keeps what was typed after the click', async () => {
		const { checker, calls } = workerLike();
		const store = memoryStore();
		const form = new PurgeForm(store, target, Promise.resolve(checker));
		await Promise.resolve();
		form.text = large('/clicked.html');
		const checked = form.checked();
		await calls[0].release();
		form.text = large('/clicked.html\n/typed-later.html');
		let sent: string[] = [];
		await form.submit(
			async (ref, items) => ((sent = items), invalidation(ref, items)),
			await checked
		);
		expect(sent).toEqual(['/x.html', '/clicked.html']);
		expect(form.text).toBe(large('/clicked.html\n/typed-later.html'));
		form.flush();
		expect(loadDraft(store, scope).text).toBe(large('/clicked.html\n/typed-later.html'));
	});
});

describe('PurgeForm before the rules arrive', () => {
	it('takes text at once, and a purge waits for the rules, then sends once', async () => {
		let arrive: (c: PathChecker) => void = () => {};
		const checker = new Promise<PathChecker>((r) => (arrive = r));
		const form = new PurgeForm(memoryStore(), target, checker);
		form.text = '/a.html\n/b~c.js';
		expect(form.isSettling).toBe(true);
		expect(form.batch.items).toEqual([]);
		let calls = 0;
		const send = async (ref: string, items: string[]) => (calls++, invalidation(ref, items));
		const first = form.submit(send);
		await form.submit(send); // a second click while waiting does nothing
		arrive(await mainThreadChecker());
		await first;
		expect(calls).toBe(0); // the rules found an error: nothing unchecked goes out
		expect(form.batch.errorCount).toBe(1);
		form.text = '/a.html';
		await form.submit(send);
		expect(calls).toBe(1);
	});

	it('says so when the rules would not load', async () => {
		const form = new PurgeForm(memoryStore(), target, Promise.reject(new TypeError('Failed')));
		form.text = '/a.html';
		await expect(form.checked()).rejects.toThrow('Failed');
		expect(form.rulesFailed).toBe(true);
	});
});

/** The rules behind a message channel, as in the worker: each reply comes when released. */
function workerLike() {
	const calls: { text: string; release: () => Promise<void> }[] = [];
	const checker: PathChecker = {
		parse: parsePaste,
		check: (text, options) =>
			new Promise((done) =>
				calls.push({
					text,
					release: async () => {
						done(parsePaste(text, options));
						for (let i = 0; i < 5; i++) await Promise.resolve(); // the form takes the reply
					}
				})
			),
		offThread: true,
		close: () => {}
	};
	return { checker, calls };
}
