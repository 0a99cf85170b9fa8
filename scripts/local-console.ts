/**
 * Runs the local stack and the built console together: used by `npm start` and by the browser
 * tests. The console gets a config.json pointing at the stack, exactly as a deployment would write
 * one pointing at AWS (see README, "Configuration").
 */
import { consoleConfigLayout } from '../infra/rules/console-config';
import { CLIENT_ID, IDENTITY_POOL_ID, REGION } from '../local-stack/constants';
import { startStack, type RunningStack } from '../local-stack/server';
import { startConsoleServer } from './serve-console';

type StackUrls = RunningStack['urls'];

/** The config.json a deployment would write, pointing at the local stack instead of AWS. */
export function consoleConfig(urls: StackUrls, base: string) {
	const layout = consoleConfigLayout({
		region: REGION,
		identityPoolId: IDENTITY_POOL_ID,
		issuer: urls.issuer,
		domain: urls.auth,
		clientId: CLIENT_ID,
		base,
		endpoints: { cloudfront: urls.cloudfront, cognitoIdentity: urls.identity }
	});
	return {
		...layout,
		distributions: [
			{ id: 'E1LOCALWWW0001', label: 'www (production)' },
			{ id: 'E2LOCALSHOP001', label: 'shop (production)' },
			{ id: 'E3LOCALDATA001', label: 'data (team data)' }
		],
		pricing: {
			...layout.pricing,
			confirmAboveUsd: 1,
			// One distribution declared on a flat-rate plan, so the estimate shows that pricing too.
			perDistribution: { E3LOCALDATA001: { plan: 'flat-rate' } }
		}
	};
}

export interface LocalConsoleOptions {
	consolePort?: number;
	base?: string;
	completeAfterMs?: number;
	seedCount?: number;
	stackPorts?: { auth: number; identity: number; cloudfront: number };
}

export async function startLocalConsole(options: LocalConsoleOptions = {}) {
	const base = options.base ?? '/_console';
	const consolePort = options.consolePort ?? 4173;
	const stack = await startStack({
		completeAfterMs: options.completeAfterMs,
		seedCount: options.seedCount,
		ports: options.stackPorts,
		// The app client's registered URLs, for whichever port this console listens on.
		callbackUrls: [`http://localhost:${consolePort}${base}/auth/callback`],
		logoutUrls: [`http://localhost:${consolePort}${base}/`]
	});
	const { urls } = stack;
	const config = consoleConfig(urls, base);
	const origins = [urls.auth, urls.identity, urls.cloudfront].map((u) => new URL(u).origin);
	const server = await startConsoleServer({
		port: consolePort,
		root: 'build',
		base,
		config,
		connectSrc: [...new Set(origins)]
	});
	return {
		consoleUrl: `http://localhost:${consolePort}${base}/`,
		stack,
		close: async () => {
			await new Promise((ok) => server.close(ok));
			await stack.close();
		}
	};
}
