/**
 * At most `max` tasks run at once; the others wait in order. A waiting task whose signal aborts
 * leaves the queue without ever starting (its promise rejects with the signal's reason).
 */
export type Limited = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/**
 * @example const limit = createLimiter(4);
 * await Promise.all(ids.map((id) => limit(() => api.getInvalidation(d, id), signal)));
 */
export function createLimiter(max: number): Limited {
	let running = 0;
	const waiting: Array<() => void> = [];

	const release = () => {
		running--;
		waiting.shift()?.();
	};

	return <T>(task: () => Promise<T>, signal?: AbortSignal) =>
		new Promise<T>((resolve, reject) => {
			if (signal?.aborted) return reject(signal.reason);
			const start = () => {
				signal?.removeEventListener('abort', onAbort);
				running++;
				task().then(resolve, reject).finally(release);
			};
			const onAbort = () => {
				const at = waiting.indexOf(start);
				if (at >= 0) waiting.splice(at, 1);
				reject(signal?.reason);
			};
			if (running < Math.max(1, max)) return start();
			waiting.push(start);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
}
