/**
 * Where to land after sign-in. Only a path on this origin under the console's base: anything else
 * (another origin, `//host`, a path outside the console) falls back to the console's home.
 */
export function safeReturnPath(returnTo: string, base: string): string {
	const home = `${base}/`;
	if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return home;
	if (base && returnTo !== base && !returnTo.startsWith(home)) return home;
	if (returnTo.startsWith(`${base}/auth/callback`)) return home;
	return returnTo;
}
