import { DEMO_PASSWORD } from './constants';
import { DEMO_USERS } from './users';

// The managed-login pages. Everything interpolated goes through `escapeHtml`: usernames and query
// values come from the address bar. Plain HTML, no script, so the CSP header can forbid scripts.

export const escapeHtml = (s: string): string =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

/** No scripts, no framing; form-action is left open because the 302 after sign-in leaves the origin. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1f;background:#f6f7f9}
main{max-width:44rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
label{display:block;margin-top:.75rem;font-weight:600}
input{font:inherit;padding:.4rem;width:100%;max-width:22rem;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.4rem 1rem;cursor:pointer}
table button{margin:0}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
table{border-collapse:collapse;margin-top:1rem;width:100%}
th,td{text-align:left;border-bottom:1px solid #ddd;padding:.4rem}
[role=alert]{color:#a50e0e;font-weight:600}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}main{background:#1d1d21}
a{color:#8ab4f8}th,td{border-color:#444}[role=alert]{color:#f28b82}}`;

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface LoginPageInput {
	/** Where the form posts: `/login?<the authorize query>`. */
	formAction: string;
	error?: string;
	username?: string;
}

export function renderLoginPage({ formAction, error, username }: LoginPageInput): string {
	const action = escapeHtml(formAction);
	const alert = error ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>` : '';
	const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
	const rows = DEMO_USERS.map(
		(
			u
		) => `<tr><td>${escapeHtml(u.email)}</td><td>${escapeHtml(u.groups.join(', ') || '(none)')}</td>
<td>${escapeHtml(u.description)}</td><td><form method="post" action="${action}">
<input type="hidden" name="username" value="${escapeHtml(u.email)}">
<input type="hidden" name="password" value="${escapeHtml(DEMO_PASSWORD)}">
<button type="submit">Sign in as ${escapeHtml(u.email)}</button></form></td></tr>`
	).join('\n');
	return page(
		'Sign in',
		`<h1>Sign in</h1>
<p>Local stack: a stand-in for Cognito managed login. Every demo user's password is
<code>${escapeHtml(DEMO_PASSWORD)}</code>.</p>
${alert}
<form method="post" action="${action}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required
 value="${escapeHtml(username ?? '')}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>
<table><caption>Demo users</caption>
<thead><tr><th scope="col">User</th><th scope="col">Groups</th><th scope="col">May</th>
<th scope="col"><span>Action</span></th></tr></thead>
<tbody>
${rows}
</tbody></table>`
	);
}

/** Cognito shows its own error page (and never redirects) for a bad client or redirect URI. */
export function renderErrorPage(error: string, detail: string): string {
	return page(
		'Error',
		`<h1>An error was encountered with the requested page.</h1>
<p role="alert">${escapeHtml(error)}</p><p>${escapeHtml(detail)}</p>`
	);
}

export function renderSignedOutPage(): string {
	return page('Signed out', '<h1>Signed out</h1><p>You can close this page.</p>');
}
