/**
 * Puts the plan's uploads with a few requests in flight, stage by stage: every hashed asset is up
 * before any file that references one, and index.html goes only after everything else, so a
 * visitor never loads an entry point whose files are not there yet. Within a stage order does not
 * matter. The first failure stops new puts; the ones in flight finish, then it is thrown.
 */

/** At most this many PutObject requests at once. */
export const UPLOAD_CONCURRENCY = 8;

export async function uploadInStages<T>(
	/** In upload order, stages ascending (as planDeploy returns them). */
	uploads: readonly T[],
	stageOf: (upload: T) => number,
	put: (upload: T) => Promise<void>,
	concurrency = UPLOAD_CONCURRENCY
): Promise<void> {
	for (const stage of stages(uploads, stageOf)) {
		let next = 0;
		let failed = false;
		const worker = async () => {
			while (!failed && next < stage.length) {
				const upload = stage[next++];
				try {
					await put(upload);
				} catch (e) {
					failed = true;
					throw e;
				}
			}
		};
		const workers = Array.from({ length: Math.min(concurrency, stage.length) }, worker);
		const settled = await Promise.allSettled(workers);
		const rejected = settled.find((r) => r.status === 'rejected');
		if (rejected) throw rejected.reason;
	}
}

/** Consecutive runs of the same stage; a stage out of order is a bug in the plan. */
function stages<T>(uploads: readonly T[], stageOf: (upload: T) => number): T[][] {
	const out: T[][] = [];
	let current = -Infinity;
	for (const upload of uploads) {
		const s = stageOf(upload);
		if (s < current) throw new Error('Uploads must come in stage order');
		if (s > current) out.push([]);
		current = s;
		out[out.length - 1].push(upload);
	}
	return out;
}
