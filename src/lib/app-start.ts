/**
 * Start-up, once per page load: read config.json, then create the one session of this tab. Run
 * from `init()` in hooks.client.ts, before anything renders, so every `load` can reach the
 * session (and through it AWS) without component context.
 */
import { Session } from '$lib/auth/session.svelte';
import { loadConfig, type ConfigResult } from '$lib/load-config';

export interface AppStart {
	configResult: ConfigResult;
	/** Null when config.json is missing or invalid: the layout shows why. */
	session: Session | null;
}

let started: Promise<AppStart> | null = null;
let current: AppStart | null = null;

export function startApp(fetcher: typeof fetch, base: string): Promise<AppStart> {
	started ??= loadConfig(fetcher, base).then((configResult) => {
		current = {
			configResult,
			session: configResult.ok ? new Session(configResult.config) : null
		};
		return current;
	});
	return started;
}

/** What start-up produced; `init()` has finished before any load or component runs. */
export function appStart(): AppStart {
	if (!current)
		throw new Error('The console has not started: init() in hooks.client.ts runs first.');
	return current;
}

/** The signed-in session, for loads and components under the signed-in layout. */
export function currentSession(): Session {
	const { session } = appStart();
	if (!session) throw new Error('No session: config.json is not valid.');
	return session;
}
