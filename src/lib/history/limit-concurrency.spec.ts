import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit-concurrency';

/** A task the test finishes by hand, counting how many run at once. */
function gate() {
	let active = 0;
	let peak = 0;
	const started: string[] = [];
	const finish = new Map<string, () => void>();
	const task = (name: string) => () =>
		new Promise<string>((resolve) => {
			active++;
			peak = Math.max(peak, active);
			started.push(name);
			finish.set(name, () => {
				active--;
				resolve(name);
			});
		});
	return { task, started, finish: (name: string) => finish.get(name)!(), peak: () => peak };
}

const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('createLimiter', () => {
	it('runs at most max tasks at once, the rest in order', async () => {
		const g = gate();
		const limit = createLimiter(2);
		const results = ['a', 'b', 'c', 'd'].map((n) => limit(g.task(n)));
		await settle();
		expect(g.started).toEqual(['a', 'b']);
		g.finish('b');
		await settle();
		expect(g.started).toEqual(['a', 'b', 'c']);
		g.finish('a');
		g.finish('c');
		await settle();
		g.finish('d');
		expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
		expect(g.peak()).toBe(2);
	});

	it('drops a waiting task whose signal aborts, and never starts it', async () => {
		const g = gate();
		const limit = createLimiter(1);
		const first = limit(g.task('a'));
		const controller = new AbortController();
		const second = limit(g.task('b'), controller.signal);
		const third = limit(g.task('c'));
		controller.abort(new DOMException('stopped', 'AbortError'));
		await expect(second).rejects.toThrow('stopped');
		g.finish('a');
		await first;
		await settle();
		g.finish('c');
		await third;
		expect(g.started).toEqual(['a', 'c']);
	});

	it('refuses at once when already aborted', async () => {
		const limit = createLimiter(1);
		await expect(limit(async () => 1, AbortSignal.abort('gone'))).rejects.toBe('gone');
	});

	it('frees the slot when a task fails', async () => {
		const limit = createLimiter(1);
		await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await limit(async () => 'next')).toBe('next');
	});
});
