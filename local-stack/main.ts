import { CLIENT_ID, DEMO_PASSWORD, IDENTITY_POOL_ID, USER_POOL_ID } from './constants';
import { DISTRIBUTIONS } from './distributions';
import { startStack, type StackOptions } from './server';
import { DEMO_USERS } from './users';

// `npm run stack`: the local stack in the foreground, configured from STACK_* variables.

function intFromEnv(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
	return n;
}

const listFromEnv = (name: string): string[] | undefined =>
	process.env[name]
		?.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

function optionsFromEnv(): StackOptions {
	return {
		ports: {
			auth: intFromEnv('STACK_AUTH_PORT'),
			identity: intFromEnv('STACK_IDENTITY_PORT'),
			cloudfront: intFromEnv('STACK_CLOUDFRONT_PORT')
		},
		seedCount: intFromEnv('STACK_SEED_COUNT'),
		seed: intFromEnv('STACK_SEED'),
		completeAfterMs: intFromEnv('STACK_COMPLETE_AFTER_MS'),
		tokenTtlSeconds: intFromEnv('STACK_TOKEN_TTL_SECONDS'),
		credentialTtlSeconds: intFromEnv('STACK_CREDENTIAL_TTL_SECONDS'),
		callbackUrls: listFromEnv('STACK_CALLBACK_URLS'),
		logoutUrls: listFromEnv('STACK_LOGOUT_URLS')
	};
}

/** Drops undefined ports so the defaults apply. */
function withoutUndefined(o: StackOptions): StackOptions {
	const ports = Object.fromEntries(
		Object.entries(o.ports ?? {}).filter(([, v]) => v !== undefined)
	);
	return { ...o, ports };
}

async function main() {
	// Output piped into a closed reader (e.g. `| head`) must not crash the stack.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code !== 'EPIPE') throw e;
	});
	const stack = await startStack(withoutUndefined(optionsFromEnv()));
	const { urls } = stack;
	const lines = [
		'Local stack (dev/test only) is running:',
		`  Cognito managed login  ${urls.auth}/oauth2/authorize`,
		`  Cognito issuer         ${urls.issuer}  (JWKS: /.well-known/jwks.json)`,
		`  Cognito Identity       ${urls.identity}`,
		`  CloudFront API         ${urls.cloudfront}/2020-05-31/`,
		`  Control API            ${urls.control}/`,
		'',
		`  User pool ${USER_POOL_ID}, app client ${CLIENT_ID}`,
		`  Identity pool ${IDENTITY_POOL_ID}, logins key ${urls.loginsKey}`,
		`  Distributions: ${DISTRIBUTIONS.map((d) => d.id).join(', ')}`,
		`  New invalidations complete after ${stack.settings.completeAfterMs} ms`,
		'',
		`Demo users (password for all: ${DEMO_PASSWORD}):`,
		...DEMO_USERS.map((u) => `  ${u.email.padEnd(20)} ${u.description}`),
		'',
		'Control API (unsigned JSON):',
		'  POST   /_stack/faults {kind, operation?, count?, ms?}   kinds: throttle, server-error,',
		'         latency, drop-response, expire-credentials, fail-refresh, identity-error,',
		'         foreign-signing-key',
		'  DELETE /_stack/faults          POST /_stack/reset {seedCount?, seed?, completeAfterMs?,',
		'         distributionId?}   (distributionId: the whole history on that one)',
		'  POST   /_stack/settings {completeAfterMs?, tokenTtlSeconds?, credentialTtlSeconds?}',
		'  GET    /_stack/invalidations?distributionId=…      GET /_stack/health',
		'  POST   /_stack/complete {distributionId, id}     completes that invalidation now',
		'',
		'Press Ctrl+C to stop.'
	];
	console.log(lines.join('\n'));

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the local stack…`);
		await stack.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
	console.error(`local stack failed to start: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});
