/**
 * The slice of Web Storage the console uses, so pure modules and tests can pass a Map-backed one.
 * The console shares its origin with the site it purges, which may fill localStorage: callers treat
 * a throwing setItem as "not kept", never as a failure of what the user asked for.
 */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** localStorage, or null where the browser refuses it (then drafts live in memory only). */
export function browserStorage(): KeyValueStore | null {
	try {
		return localStorage;
	} catch {
		return null;
	}
}
