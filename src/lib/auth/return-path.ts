/**
 * Where to land after sign-in. Only a path on this origin under the console's base: anything else
 * (another origin, `//host`, a path outside the console) falls back to the console's home. The
 * check runs on the URL as a browser would resolve it (tabs stripped, dot segments removed).
 */
const ORIGIN = 'http://return-path.invalid';

export function safeReturnPath(returnTo: string, base: string): string {
	const home = `${base}/`;
	if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\'))
		return home;
	let resolved: URL;
	try {
		resolved = new URL(returnTo, ORIGIN);
	} catch {
		return home;
	}
	if (resolved.origin !== ORIGIN) return home;
	const path = resolved.pathname + resolved.search + resolved.hash;
	if (path.startsWith('//')) return home;
	if (base && resolved.pathname !== base && !resolved.pathname.startsWith(home)) return home;
	if (resolved.pathname.startsWith(`${base}/auth/callback`)) return home;
	return path;
}
