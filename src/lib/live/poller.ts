import { pollDelayMs } from './poll-delay';

export interface Poller {
	/** Start again from the shortest delay (e.g. after a new purge); nothing once stopped. */
	restart(): void;
	/** Final: the owner is gone. */
	stop(): void;
}

/**
 * Runs `tick` after growing delays for as long as it returns true. While the tab is hidden it
 * waits for the tab to come back instead of polling in the background.
 */
export function createPoller(tick: () => Promise<boolean>): Poller {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let attempt = 0;
	let stopped = false;
	const poll = async () => {
		if (document.hidden) {
			document.addEventListener('visibilitychange', run, { once: true });
			return;
		}
		if ((await tick()) && !stopped) timer = setTimeout(run, pollDelayMs(attempt++));
	};
	// Timers and listeners ignore a returned promise: `tick` reports its own failures, and a
	// rejected tick simply ends the polling.
	const run = () => void poll();
	const cancel = () => {
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', run);
	};
	return {
		restart() {
			if (stopped) return;
			cancel();
			attempt = 0;
			timer = setTimeout(run, pollDelayMs(attempt++));
		},
		stop() {
			stopped = true;
			cancel();
		}
	};
}
