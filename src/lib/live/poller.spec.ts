import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller, POLL_GIVE_UP_MS } from './poller';

// A stand-in for the page's `document`: only what the poller uses (hidden + visibilitychange).
class FakeDocument extends EventTarget {
	hidden = false;
	show() {
		this.hidden = false;
		this.dispatchEvent(new Event('visibilitychange'));
	}
}

let doc: FakeDocument;
beforeEach(() => {
	vi.useFakeTimers();
	doc = new FakeDocument();
	vi.stubGlobal('document', doc);
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('createPoller', () => {
	it('ticks after growing delays while the tick asks for more, then stops', async () => {
		const at: number[] = [];
		let remaining = 3;
		const poller = createPoller(async () => (at.push(Date.now()), --remaining > 0));
		const start = Date.now();
		poller.restart();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(at.map((t) => t - start)).toEqual([2000, 4000, 7000]);
	});

	it('waits while the tab is hidden and resumes when it is shown', async () => {
		let ticks = 0;
		const poller = createPoller(async () => (ticks++, true));
		doc.hidden = true;
		poller.restart();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(ticks).toBe(0);
		doc.show();
		await vi.advanceTimersByTimeAsync(0);
		expect(ticks).toBe(1);
		poller.stop();
	});

	it('never ticks again once stopped, even if restarted', async () => {
		let ticks = 0;
		const poller = createPoller(async () => (ticks++, true));
		poller.restart();
		await vi.advanceTimersByTimeAsync(2000);
		poller.stop();
		poller.restart();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(ticks).toBe(1);
	});

	it('restart goes back to the shortest delay', async () => {
		const at: number[] = [];
		const poller = createPoller(async () => (at.push(Date.now()), true));
		const start = Date.now();
		poller.restart();
		await vi.advanceTimersByTimeAsync(4000); // ticks at 2 s and 4 s
		poller.restart();
		await vi.advanceTimersByTimeAsync(2000); // the next one 2 s later, not 3 s
		expect(at.map((t) => t - start)).toEqual([2000, 4000, 6000]);
		poller.stop();
	});

	it('gives up after ten minutes of ticks that keep asking for more, and says so once', async () => {
		let ticks = 0;
		const gaveUp = vi.fn();
		const poller = createPoller(async () => (ticks++, true), { onGiveUp: gaveUp });
		const start = Date.now();
		poller.restart();
		await vi.advanceTimersByTimeAsync(POLL_GIVE_UP_MS - 15_000);
		expect(gaveUp).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(gaveUp).toHaveBeenCalledTimes(1);
		const ticksAtGiveUp = ticks;
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(ticks).toBe(ticksAtGiveUp);
		// The last tick came within the bound.
		expect(Date.now() - start).toBeGreaterThan(POLL_GIVE_UP_MS);
		poller.stop();
	});

	it('a restart after giving up polls again with a fresh bound', async () => {
		let ticks = 0;
		const poller = createPoller(async () => (ticks++, true), { giveUpAfterMs: 5000 });
		poller.restart();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(ticks).toBe(2); // at 2 s and 4 s; the next (7 s) is past 5 s
		poller.restart();
		await vi.advanceTimersByTimeAsync(2000);
		expect(ticks).toBe(3);
		poller.stop();
	});
});
