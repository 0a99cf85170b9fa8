import { describe, expect, it } from 'vitest';
import type { InvalidationPage } from '$lib/history/invalidation';
import { MonthToDate, type MonthToDateSource } from './month-to-date.svelte';

const now = () => new Date('2026-11-20T12:00:00Z');
const inv = (id: string, iso: string) => ({ id, status: 'Completed', createTime: new Date(iso) });
const history: Record<string, { rows: ReturnType<typeof inv>[]; paths: number }> = {
	E1: { rows: [inv('a', '2026-11-19T00:00:00Z'), inv('b', '2026-10-30T00:00:00Z')], paths: 3 },
	E2: { rows: [inv('c', '2026-11-02T00:00:00Z')], paths: 5 }
};

/** An account whose answers the test releases one by one. */
function account(options: { listed?: boolean; deny?: string } = {}) {
	const gates: (() => void)[] = [];
	const held = <T>(value: () => T) =>
		new Promise<T>((resolve, reject) =>
			gates.push(() => {
				try {
					resolve(value());
				} catch (e) {
					reject(e);
				}
			})
		);
	const source: MonthToDateSource = {
		distributions: async () =>
			options.listed === false
				? { ids: ['E1'], listed: false }
				: { ids: ['E1', 'E2'], listed: true },
		listInvalidations: (id) =>
			held((): InvalidationPage => {
				if (id === options.deny)
					throw Object.assign(
						new Error('User is not authorized to perform: cloudfront:ListInvalidations'),
						{
							name: 'AccessDenied'
						}
					);
				return { items: history[id].rows };
			}),
		getDetail: async (id) => ({
			paths: Array.from({ length: history[id].paths }, (_, i) => `/${i}`)
		})
	};
	const release = async () => {
		for (let i = 0; i < 20; i++) {
			await new Promise((r) => setTimeout(r, 0));
			gates.splice(0).forEach((open) => open());
		}
	};
	return { source, release };
}

describe('MonthToDate', () => {
	it('has no usage until the count finishes, then this month only, per distribution', async () => {
		const { source, release } = account();
		const month = new MonthToDate(source, now);
		expect(month.since.toISOString()).toBe('2026-11-01T00:00:00.000Z');
		expect(month.isCounting).toBe(true);
		expect(month.usage).toBeNull();
		await release();
		expect(month.isCounting).toBe(false);
		expect(month.usage?.byDistribution.map((d) => [d.distributionId, d.paths])).toEqual([
			['E1', 3],
			['E2', 5]
		]);
		expect(month.usage?.isLowerBound).toBe(false);
	});

	it('is a lower bound naming a distribution it may not read', async () => {
		const { source, release } = account({ deny: 'E2' });
		const month = new MonthToDate(source, now);
		await release();
		expect(month.usage?.isLowerBound).toBe(true);
		expect(month.unseen.map((u) => u.distributionId)).toEqual(['E2']);
	});

	it("says when it counted config.json's list because listing was refused", async () => {
		const { source, release } = account({ listed: false });
		const month = new MonthToDate(source, now);
		await release();
		expect(month.listed).toBe(false);
		expect(month.usage?.byDistribution.map((d) => d.distributionId)).toEqual(['E1']);
	});

	it('keeps the last figures on screen while it counts again', async () => {
		const { source, release } = account();
		const month = new MonthToDate(source, now);
		await release();
		const first = month.usage;
		history.E1.paths = 10;
		month.refresh();
		month.refresh();
		expect(month.isCounting).toBe(true);
		expect(month.usage).toBe(first);
		await release();
		expect(month.isCounting).toBe(false);
		expect(month.usage?.byDistribution[0].paths).toBe(10);
		history.E1.paths = 3;
	});

	it('stops counting when the count fails, says why, and counts again on refresh', async () => {
		const { source, release } = account();
		let fail = true;
		const failing: MonthToDateSource = {
			...source,
			distributions: async () => {
				if (fail) throw new TypeError('Failed to fetch');
				return source.distributions();
			}
		};
		const month = new MonthToDate(failing, now);
		await release();
		expect(month.isCounting).toBe(false);
		expect(month.error).toBeInstanceOf(TypeError);
		expect(month.usage).toBeNull(); // the estimate stays the worst case
		fail = false;
		month.refresh();
		expect([month.isCounting, month.error]).toEqual([true, null]);
		await release();
		expect(month.isCounting).toBe(false);
		expect(month.usage?.byDistribution).toHaveLength(2);
	});
});
