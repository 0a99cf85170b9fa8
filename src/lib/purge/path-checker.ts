/**
 * Where the path rules run for the purge form. Small texts are checked on this thread at each
 * keystroke (a few milliseconds); large ones go to a module Web Worker, so a 100,000-line paste
 * never freezes typing. Where Workers are unavailable, or the worker does not start, everything is
 * checked on this thread and `offThread` says so (the form then waits for typing to pause).
 * The rules' code is loaded on demand: the purge form is usable before it arrives.
 */
import type { ParseOptions, PathBatch } from '$lib/paths/parse-paste';
import { unpackBatch, type PackedBatch } from './batch-message';

export interface CheckRequest {
	seq: number;
	text: string;
	options: ParseOptions;
}
export interface CheckReply {
	seq: number;
	batch: PackedBatch;
}

export type Parse = (text: string, options: ParseOptions) => PathBatch;

export interface PathChecker {
	/** The rules on this thread. */
	parse: Parse;
	/** Checks off this thread where a worker runs, else on it. Replies come in request order. */
	check: (text: string, options: ParseOptions) => Promise<PathBatch>;
	/** Whether `check` runs off this thread (false once the worker failed). */
	readonly offThread: boolean;
	close: () => void;
}

const loadRules = () => import('$lib/paths/parse-paste').then((m) => m.parsePaste);

/** The rules on this thread only: where no worker is wanted or possible. */
export async function mainThreadChecker(): Promise<PathChecker> {
	const parse = await loadRules();
	return {
		parse,
		check: async (text, options) => parse(text, options),
		offThread: false,
		close() {}
	};
}

/** The rules on this thread for small texts and in a worker for large ones. */
export async function workerChecker(): Promise<PathChecker> {
	if (typeof Worker === 'undefined') return mainThreadChecker();
	let worker: Worker | null;
	try {
		worker = new Worker(new URL('$lib/workers/path-check.worker.ts', import.meta.url), {
			type: 'module'
		});
	} catch {
		return mainThreadChecker(); // refused (a policy, a sandbox): the rules run here instead
	}
	const pending = new Map<number, CheckRequest & { done: (batch: PathBatch) => void }>();
	let seq = 0;
	let parse: Parse = () => {
		throw new Error('The path rules are still loading.');
	};
	/** The worker would not load or crashed: what it had not answered is checked here. */
	const fallBack = () => {
		worker?.terminate();
		worker = null;
		// Requests are only made once `parse` is here (this function returns after it).
		for (const r of pending.values()) r.done(parse(r.text, r.options));
		pending.clear();
	};
	// Listening before anything else: a worker that fails to load says so only once.
	worker.onerror = (e) => {
		e.preventDefault();
		fallBack();
	};
	worker.onmessageerror = fallBack;
	worker.onmessage = (e: MessageEvent<CheckReply>) => {
		const r = pending.get(e.data.seq);
		pending.delete(e.data.seq);
		if (r) r.done(unpackBatch(e.data.batch));
	};
	const rules = (parse = await loadRules());
	return {
		parse: rules,
		check: (text, options) =>
			new Promise((done) => {
				if (!worker) return done(rules(text, options));
				const request = { seq: ++seq, text, options };
				pending.set(request.seq, { ...request, done });
				worker.postMessage(request);
			}),
		get offThread() {
			return worker !== null;
		},
		close: () => {
			worker?.terminate();
			worker = null;
		}
	};
}
