/**
 * Purge queues in IndexedDB (through `idb`), so a queue survives a reload and a new sign-in and
 * resumes when its page opens again. One queue per user (the ID token's `sub`) and distribution:
 * whoever signs in next in this browser never sees it. Records are checked on the way in, as
 * anything stored by an older console or another tab is untrusted.
 *
 * One database for all users, keyed by user, unlike the detail cache's database per user: moving
 * queues into per-user databases would be copy-then-delete (an IndexedDB transaction never spans
 * two databases), and a tab still running the previous build keeps writing its queue's progress
 * to this database after any migration, where the new build would no longer look. Every read
 * names its user, so nothing crosses between users either way.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { BatchState, PurgeQueue, QueuedBatch } from './queue';

/**
 * A record under this user and distribution that is not a queue this console can read: kept,
 * because what it held (which batches were sent) is the evidence the user needs, until they
 * dismiss it.
 */
export interface UnreadableQueue {
	unreadable: true;
	/** Why, in words for the user. */
	reason: string;
	/** When the queue was made (epoch milliseconds), when that much could be read. */
	createdAt?: number;
	/** How many invalidations it was split into, when that much could be read. */
	batches?: number;
}

export type StoredQueue = PurgeQueue | UnreadableQueue;

export const isUnreadable = (q: StoredQueue | undefined): q is UnreadableQueue =>
	q !== undefined && 'unreadable' in q;

export interface QueueStore {
	/** The stored queue; an unreadable record is reported, never taken for "no queue". */
	get(owner: string, distributionId: string): Promise<StoredQueue | undefined>;
	put(queue: PurgeQueue): Promise<void>;
	delete(owner: string, distributionId: string): Promise<void>;
	/**
	 * Closes the connection (the page is left). A call made after it still works, on a connection
	 * of its own closed once done, so a write finishing late is never lost.
	 */
	close(): void;
}

const DB_NAME = 'purge-console-queues';
const STORE = 'queues';
/** The stored shape; bump with a migration whenever it changes. */
export const QUEUE_FORMAT = 1;

/**
 * Opens the database on first use and keeps the connection until `close`. A connection left open
 * blocks another tab's upgrade or deletion of the database, so it also closes when asked
 * (`versionchange`), and the next call opens a new one.
 * https://developer.mozilla.org/en-US/docs/Web/API/IDBDatabase/versionchange_event
 */
export function openQueueStore(): QueueStore {
	let db: Promise<IDBPDatabase> | null = null;
	let closed = false;
	const connect = () =>
		openDB(DB_NAME, 1, {
			upgrade: (d) => void d.createObjectStore(STORE, { keyPath: ['owner', 'distributionId'] }),
			blocking: (_current, _next, event) => {
				(event.target as IDBDatabase).close();
				db = null;
			},
			terminated: () => void (db = null)
		});
	async function use<T>(task: (d: IDBPDatabase) => Promise<T>): Promise<T> {
		if (!closed) return task(await (db ??= connect()));
		const once = await connect();
		try {
			return await task(once);
		} finally {
			once.close();
		}
	}
	return {
		async get(owner, distributionId) {
			const record: unknown = await use((d) => d.get(STORE, [owner, distributionId]));
			return record === undefined ? undefined : (readQueue(record) ?? unreadable(record));
		},
		async put(queue) {
			await use((d) => d.put(STORE, { v: QUEUE_FORMAT, ...queue }));
		},
		async delete(owner, distributionId) {
			await use((d) => d.delete(STORE, [owner, distributionId]));
		},
		close() {
			closed = true;
			const open = db;
			db = null;
			// A connection that never opened has nothing to close.
			open?.then((d) => d.close()).catch(() => {});
		}
	};
}

const STATES: readonly BatchState[] = ['waiting', 'sending', 'sent', 'completed', 'stopped'];
const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalNumber = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** What can be told about a record `readQueue` refused. */
export function unreadable(v: unknown): UnreadableQueue {
	const r = isRecord(v) ? v : {};
	const reason =
		typeof r.v === 'number' && r.v !== QUEUE_FORMAT
			? `it was stored in format ${r.v} by another version of this console, which this version cannot read`
			: r.v === undefined
				? 'it was stored by an older version of this console, in a format this version cannot read'
				: 'it is damaged';
	return {
		unreadable: true,
		reason,
		createdAt: typeof r.createdAt === 'number' ? r.createdAt : undefined,
		batches: Array.isArray(r.batches) ? r.batches.length : undefined
	};
}

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
