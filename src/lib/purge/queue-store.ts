/**
 * Purge queues in IndexedDB (through `idb`), so a queue survives a reload and a new sign-in and
 * resumes when its page opens again. One queue per user (the ID token's `sub`) and distribution:
 * whoever signs in next in this browser never sees it. Records are checked on the way in, as
 * anything stored by an older console or another tab is untrusted.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { BatchState, PurgeQueue, QueuedBatch } from './queue';

export interface QueueStore {
	get(owner: string, distributionId: string): Promise<PurgeQueue | undefined>;
	put(queue: PurgeQueue): Promise<void>;
	delete(owner: string, distributionId: string): Promise<void>;
}

const DB_NAME = 'purge-console-queues';
const STORE = 'queues';
/** The stored shape; bump with a migration whenever it changes. */
export const QUEUE_FORMAT = 1;

/** Opens the database on first use. */
export function openQueueStore(): QueueStore {
	let db: Promise<IDBPDatabase> | null = null;
	const open = () =>
		(db ??= openDB(DB_NAME, 1, {
			upgrade: (d) => void d.createObjectStore(STORE, { keyPath: ['owner', 'distributionId'] })
		}));
	return {
		async get(owner, distributionId) {
			return readQueue(await (await open()).get(STORE, [owner, distributionId]));
		},
		async put(queue) {
			await (await open()).put(STORE, { v: QUEUE_FORMAT, ...queue });
		},
		async delete(owner, distributionId) {
			await (await open()).delete(STORE, [owner, distributionId]);
		}
	};
}

const STATES: readonly BatchState[] = ['waiting', 'sending', 'sent', 'completed', 'stopped'];
const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalNumber = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** A stored record as a queue, or undefined when it is not one this console wrote. */
export function readQueue(v: unknown): PurgeQueue | undefined {
	if (!isRecord(v) || v.v !== QUEUE_FORMAT) return undefined;
	if (typeof v.owner !== 'string' || typeof v.distributionId !== 'string') return undefined;
	if (typeof v.createdAt !== 'number' || !Array.isArray(v.batches)) return undefined;
	const batches = v.batches.map(readBatch);
	if (batches.some((b) => b === undefined)) return undefined;
	return {
		owner: v.owner,
		distributionId: v.distributionId,
		createdAt: v.createdAt,
		finishedAt: optionalNumber(v.finishedAt),
		batches: batches as QueuedBatch[]
	};
}

function readBatch(v: unknown): QueuedBatch | undefined {
	if (!isRecord(v) || typeof v.callerReference !== 'string') return undefined;
	if (!Array.isArray(v.items) || !v.items.every((i) => typeof i === 'string')) return undefined;
	if (!STATES.includes(v.state as BatchState)) return undefined;
	if (typeof v.files !== 'number' || typeof v.wildcards !== 'number') return undefined;
	return {
		callerReference: v.callerReference,
		items: v.items as string[],
		files: v.files,
		wildcards: v.wildcards,
		state: v.state as BatchState,
		invalidationId: typeof v.invalidationId === 'string' ? v.invalidationId : undefined,
		sentAt: optionalNumber(v.sentAt),
		completedAt: optionalNumber(v.completedAt)
	};
}
