import { pollDelayMs } from './poll-delay';

/**
 * How long one run of live polling lasts before it gives up, as the AWS CLI's
 * `wait invalidation-completed` does (30 checks 20 s apart):
 * https://docs.aws.amazon.com/cli/latest/reference/cloudfront/wait/invalidation-completed.html
 */
export const POLL_GIVE_UP_MS = 10 * 60 * 1000;

export interface Poller {
	/** Start again from the shortest delay and a fresh time bound; nothing once stopped. */
	restart(): void;
	/** Final: the owner is gone. */
	stop(): void;
}

export interface PollerOptions {
	/** Give up this long after the last restart (default POLL_GIVE_UP_MS). */
	giveUpAfterMs?: number;
	/** Called once when the bound is reached with the tick still asking for more. */
	onGiveUp?: () => void;
}

/**
 * Runs `tick` after growing delays for as long as it returns true, up to a time bound. While the
 * tab is hidden it waits for the tab to come back instead of polling in the background.
 */
export function createPoller(tick: () => Promise<boolean>, options: PollerOptions = {}): Poller {
	const giveUpAfterMs = options.giveUpAfterMs ?? POLL_GIVE_UP_MS;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let attempt = 0;
	let startedAt = 0;
	let stopped = false;
	const schedule = () => {
		const delay = pollDelayMs(attempt++);
		if (Date.now() + delay - startedAt > giveUpAfterMs) options.onGiveUp?.();
		else timer = setTimeout(() => void run(), delay);
	};
	const run = async () => {
		if (document.hidden) {
			document.addEventListener('visibilitychange', onVisible, { once: true });
			return;
		}
		if ((await tick()) && !stopped) schedule();
	};
	const onVisible = () => void run();
	const cancel = () => {
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', onVisible);
	};
	return {
		restart() {
			if (stopped) return;
			cancel();
			attempt = 0;
			startedAt = Date.now();
			schedule();
		},
		stop() {
			stopped = true;
			cancel();
		}
	};
}
