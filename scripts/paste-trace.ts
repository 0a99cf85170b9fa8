/**
 * `npm run bench:paste -- --profile`: a Chrome trace (with CPU samples) of the paste, from the
 * paste event to the frame that painted the verdicts, summarised per thread. Tracing itself slows
 * the page (the figures it prints run higher than the plain bench's). Function names are minified
 * unless the app was built with `npx vite build --minify false`; each is labelled with its chunk,
 * named from the build's Vite manifest.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	/** CPU time of the event's thread (wall time `dur` includes waiting for a core). */
	tdur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: { name?: string; data?: Record<string, unknown> };
}
interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url?: string };
}

const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'disabled-by-default-v8.cpu_profiler'
].join(',');

/** Starts tracing `page`; the returned function stops it and returns the events. */
export async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
	const cdp = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
	return async () => {
		const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
		await cdp.send('Tracing.end');
		await done;
		await cdp.detach();
		return events;
	};
}

/** Chunk file name → what it holds (the Vite manifest's `name`). */
function chunkNames(): Map<string, string> {
	const names = new Map<string, string>();
	try {
		const manifest = JSON.parse(
			readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
		) as Record<string, { file: string; name?: string }>;
		for (const [src, { file, name }] of Object.entries(manifest))
			names.set(file.split('/').at(-1) ?? file, name ?? src);
	} catch {
		// no manifest: chunks keep their file names
	}
	return names;
}

/** Chunks whose frames say nothing about which feature did the work. */
const RUNTIME = new Set(['client', 'rolldown-runtime', 'preload-helper']);
const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;

/** Prints, per thread, where the time went between the paste and the painted verdicts. */
export function summariseTrace(events: TraceEvent[], paintMs: number): void {
	const chunks = chunkNames();
	const threads = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name')
			threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
	const paste = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'paste');
	if (!paste) return console.log('  (no paste event in the trace)');
	const t0 = paste.ts;
	const t1 = t0 + paintMs * 1000;
	const mainKey = `${paste.pid}:${paste.tid}`;

	// CPU samples per thread, with each sample's time.
	const profiles = new Map<
		string,
		{
			thread: string;
			start: number;
			nodes: Map<number, ProfileNode>;
			samples: number[];
			deltas: number[];
		}
	>();
	for (const e of events) {
		const data = e.args?.data as
			| {
					startTime?: number;
					cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
					timeDeltas?: number[];
			  }
			| undefined;
		if (e.name === 'Profile' && e.id)
			profiles.set(e.id, {
				thread: `${e.pid}:${e.tid}`,
				start: data?.startTime ?? 0,
				nodes: new Map(),
				samples: [],
				deltas: []
			});
		if (e.name === 'ProfileChunk' && e.id) {
			const p = profiles.get(e.id);
			if (!p) continue;
			for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
			p.samples.push(...(data?.cpuProfile?.samples ?? []));
			p.deltas.push(...(data?.timeDeltas ?? []));
		}
	}
	const chunkOf = (n: ProfileNode) => {
		const file = n.callFrame.url?.split('/').at(-1) ?? '';
		return file ? (chunks.get(file) ?? file.replace(/-[\w-]{8}\.js$/, '')) : '';
	};
	/** What a sample is doing: the deepest frame in a feature's chunk, else what the VM says. */
	const label = (nodes: Map<number, ProfileNode>, id: number) => {
		const leaf = nodes.get(id);
		const special = leaf?.callFrame.functionName ?? '';
		if (special === '(garbage collector)') return 'garbage collection';
		if (special === '(program)') return 'browser (style, layout, paint, messages, parsing)';
		if (special === '(idle)') return 'idle';
		for (let n = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
			const chunk = chunkOf(n);
			if (chunk && !RUNTIME.has(chunk)) return chunk;
		}
		return 'svelte runtime';
	};
	const topFunctions = (nodes: Map<number, ProfileNode>, picks: [number, number][]) => {
		const by = new Map<string, number>();
		for (const [id, dt] of picks) {
			const n = nodes.get(id);
			if (!n) continue;
			const k = `${n.callFrame.functionName || '(anonymous)'} (${chunkOf(n) || 'native'})`;
			by.set(k, (by.get(k) ?? 0) + dt);
		}
		return [...by]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 4)
			.map(([k, v]) => `${k} ${ms(v)}`);
	};

	for (const p of profiles.values()) {
		const name = p.thread === mainKey ? 'main thread' : threads.get(p.thread);
		if (p.thread !== mainKey && name !== 'DedicatedWorker thread') continue;
		const byLabel = new Map<string, [number, number][]>();
		let t = p.start;
		p.samples.forEach((id, i) => {
			t += p.deltas[i];
			if (t < t0 || t > t1) return;
			const l = label(p.nodes, id);
			if (!byLabel.has(l)) byLabel.set(l, []);
			byLabel.get(l)?.push([id, p.deltas[i]]);
		});
		const total = (xs: [number, number][]) => xs.reduce((s, [, dt]) => s + dt, 0);
		const rows = [...byLabel].sort((a, b) => total(b[1]) - total(a[1]));
		const busy = rows.filter(([l]) => l !== 'idle').reduce((s, [, xs]) => s + total(xs), 0);
		console.log(`  ${name}: ${ms(busy)} busy of ${ms(t1 - t0)} (sampled wall time, by chunk):`);
		for (const [l, xs] of rows) {
			if (l === 'idle' || total(xs) < 3000) continue;
			const top =
				l.startsWith('browser') || l.startsWith('garbage')
					? ''
					: `: ${topFunctions(p.nodes, xs).join(', ')}`;
			console.log(`    ${ms(total(xs)).padStart(7)}  ${l}${top}`);
		}
		// The long tasks, in order: what the thread was doing when, wall time (CPU time).
		const tasks = events
			.filter((e) => `${e.pid}:${e.tid}` === p.thread && e.name === 'RunTask' && e.ph === 'X')
			.filter((e) => e.ts + (e.dur ?? 0) > t0 && e.ts < t1);
		const cpu = tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0);
		const tasksLine = tasks
			.filter((e) => (e.dur ?? 0) >= 10_000)
			.sort((a, b) => a.ts - b.ts)
			.map((e) => {
				let tt = p.start;
				const inTask = new Map<string, number>();
				p.samples.forEach((id, i) => {
					tt += p.deltas[i];
					if (tt >= e.ts && tt <= e.ts + (e.dur ?? 0)) {
						const l = label(p.nodes, id);
						inTask.set(l, (inTask.get(l) ?? 0) + p.deltas[i]);
					}
				});
				const main = [...inTask].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
				return `@${((e.ts - t0) / 1000).toFixed(0)} ${ms(e.dur ?? 0)} (${ms(e.tdur ?? 0)}) ${main.split(' (')[0]}`;
			});
		console.log(`    CPU time of its tasks: ${ms(cpu)}`);
		console.log(`    long tasks: ${tasksLine.join('; ')}`);
	}
}
