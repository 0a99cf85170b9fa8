import type { KeyValueStore } from '$lib/storage';

const KEY = 'purge-console:automatic-sign-ins';
// A loop bounces in well under a second per round; a person opening bookmarks in one tab does not
// open five in ten seconds.
const WINDOW_MS = 10_000;
const MAX_IN_WINDOW = 5;

/**
 * Records an automatic redirect to Cognito and says whether it may go ahead: at most five in ten
 * seconds per tab, so a misconfiguration can never bounce the browser back and forth forever.
 */
export function recordAutomaticSignIn(store: KeyValueStore, now: number): boolean {
	let times: number[] = [];
	try {
		const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
		if (Array.isArray(parsed)) times = parsed.filter((t): t is number => typeof t === 'number');
	} catch {
		// a corrupt entry counts as none
	}
	const recent = times.filter((t) => now - t < WINDOW_MS);
	if (recent.length >= MAX_IN_WINDOW) return false;
	store.setItem(KEY, JSON.stringify([...recent, now]));
	return true;
}
