import { describe, expect, it } from 'vitest';
import { UPLOAD_CONCURRENCY, uploadInStages } from './upload';

interface Item {
	key: string;
	stage: number;
	/** How many turns of the microtask queue its put takes: puts finish out of order. */
	turns: number;
}

const items = (stage: number, n: number): Item[] =>
	Array.from({ length: n }, (_, i) => ({ key: `s${stage}/${i}`, stage, turns: 1 + ((i * 7) % 5) }));

/** A bucket whose puts take a few microtask turns; records what happened in order. */
function bucket(failOn?: string) {
	const events: string[] = [];
	let inFlight = 0;
	let most = 0;
	const put = async (item: Item) => {
		events.push(`start ${item.key}`);
		most = Math.max(most, ++inFlight);
		for (let t = 0; t < item.turns; t++) await Promise.resolve();
		inFlight--;
		if (item.key === failOn) throw new Error(`AccessDenied ${item.key}`);
		events.push(`end ${item.key}`);
	};
	return { put, events, most: () => most };
}

const stageOf = (i: Item) => i.stage;

describe('uploadInStages', () => {
	it('puts every file once, at most 8 at a time', async () => {
		const b = bucket();
		const all = items(0, 40);
		await uploadInStages(all, stageOf, b.put);
		expect(b.most()).toBe(UPLOAD_CONCURRENCY);
		const ended = b.events.filter((e) => e.startsWith('end')).map((e) => e.slice(4));
		expect(ended.sort()).toEqual(all.map((i) => i.key).sort());
	});

	it('starts a stage only once every put of the stage before has finished', async () => {
		const b = bucket();
		// Hashed assets, other files, config.json, index.html.
		const plan = [...items(0, 30), ...items(1, 5), ...items(2, 1), ...items(3, 1)];
		await uploadInStages(plan, stageOf, b.put);
		for (const stage of [1, 2, 3]) {
			const firstStart = b.events.findIndex((e) => e.startsWith(`start s${stage}/`));
			const lastEndBefore = b.events.findLastIndex((e) => e.startsWith(`end s${stage - 1}/`));
			expect(firstStart).toBeGreaterThan(lastEndBefore);
		}
		expect(b.events.at(-1)).toBe('end s3/0'); // index.html last
	});

	it('after a failure starts nothing more, lets the puts in flight finish, and throws it', async () => {
		const b = bucket('s0/3');
		const plan = [...items(0, 30), ...items(3, 1)];
		await expect(uploadInStages(plan, stageOf, b.put)).rejects.toThrow('AccessDenied s0/3');
		const started = b.events.filter((e) => e.startsWith('start')).length;
		expect(started).toBeLessThan(30);
		expect(b.events).not.toContain('start s3/0');
		expect(b.events.filter((e) => e.startsWith('end'))).toHaveLength(started - 1);
	});

	it('refuses uploads out of stage order', async () => {
		const b = bucket();
		await expect(uploadInStages([...items(3, 1), ...items(0, 1)], stageOf, b.put)).rejects.toThrow(
			'stage order'
		);
		expect(b.events).toEqual([]);
	});
});
