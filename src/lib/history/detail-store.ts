/**
 * Where invalidation details are kept: IndexedDB (through `idb`), one database per user, or
 * memory when IndexedDB is missing, refuses to open, or is full. The console shares its origin
 * with the site it purges, and that site may fill the origin's quota, so a failed write is never
 * an error for the caller: the detail is kept in memory instead.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Invalidation } from './invalidation';

export interface DetailStore {
	/** `indexeddb` while details persist across reloads; `memory` after a fallback. */
	readonly kind: 'indexeddb' | 'memory';
	get(key: string): Promise<Invalidation | undefined>;
	put(key: string, detail: Invalidation): Promise<void>;
}

const STORE = 'details';

/** One database per user, so a second user on the same browser never sees the first one's. */
export const detailDatabaseName = (userKey: string) => `purge-console:details:${userKey}`;

/** IndexedDB for `userKey` when it works, memory otherwise; never rejects. */
export async function openDetailStore(userKey: string): Promise<DetailStore> {
	let db: IDBPDatabase | null = null;
	try {
		db = await openDB(detailDatabaseName(userKey), 1, {
			upgrade: (d) => d.createObjectStore(STORE)
		});
	} catch {
		// No IndexedDB (private mode, old browser, tests): memory only.
	}
	return fallingBackToMemory(db);
}

function fallingBackToMemory(db: IDBPDatabase | null): DetailStore {
	const memory = new Map<string, Invalidation>();
	let persistent = db;
	return {
		get kind() {
			return persistent ? 'indexeddb' : 'memory';
		},
		async get(key) {
			const held = memory.get(key);
			if (held || !persistent) return held;
			try {
				const stored = readDetail(await persistent.get(STORE, key));
				if (stored) memory.set(key, stored);
				return stored;
			} catch {
				return undefined;
			}
		},
		async put(key, detail) {
			memory.set(key, detail);
			if (!persistent) return;
			try {
				await persistent.put(STORE, detail, key);
			} catch {
				// QuotaExceededError or a closed database: keep going in memory.
				persistent = null;
			}
		}
	};
}

/** A stored value is checked, not cast: anything malformed reads as missing and is refetched. */
function readDetail(v: unknown): Invalidation | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const d = v as Record<string, unknown>;
	const ok =
		typeof d.id === 'string' &&
		typeof d.status === 'string' &&
		d.createTime instanceof Date &&
		typeof d.callerReference === 'string' &&
		Array.isArray(d.paths) &&
		d.paths.every((p) => typeof p === 'string');
	return ok ? (d as unknown as Invalidation) : undefined;
}
