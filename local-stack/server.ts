import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudFrontApi } from './cloudfront-api';
import { cognitoIdentity } from './cognito-identity';
import { cognitoOAuth } from './cognito-oauth';
import {
	DEFAULT_CALLBACK_URLS,
	DEFAULT_LOGOUT_URLS,
	DEFAULT_PORTS,
	USER_POOL_ID
} from './constants';
import type { Settings, StackContext, StackUrls } from './context';
import { controlApi } from './control-api';
import { CredentialStore } from './credentials';
import { DISTRIBUTION_IDS } from './distributions';
import { Faults } from './faults';
import { send, type Handler } from './http';
import { InvalidationStore } from './invalidation-store';
import { RequestLog } from './request-log';
import { lastModifiedOf, seedHistory } from './seed';
import { TokenIssuer } from './tokens';

// Starts the three listeners on loopback and wires them to one shared StackContext.

export interface StackOptions {
	/** Port per listener; 0 picks a free one (tests). Defaults: 4510 / 4511 / 4512. */
	ports?: { auth?: number; identity?: number; cloudfront?: number };
	/** Seeded history size over the three distributions (default 300). */
	seedCount?: number;
	/** PRNG seed for the history (default 1): same seed, same ids, paths and references. */
	seed?: number;
	/** New invalidations turn Completed this long after CreateTime (default 20 000 ms). */
	completeAfterMs?: number;
	tokenTtlSeconds?: number;
	credentialTtlSeconds?: number;
	callbackUrls?: string[];
	logoutUrls?: string[];
}

export interface ReseedOptions {
	seedCount?: number;
	seed?: number;
	/** The whole history on this one distribution (e.g. 5,000 for the history benchmark). */
	distributionId?: string;
}

export interface RunningStack {
	urls: StackUrls;
	/** Live settings (the control API changes them too). */
	settings: Settings;
	callbackUrls: readonly string[];
	logoutUrls: readonly string[];
	/** Re-seeds the history (as `POST /_stack/reset`); returns the number of invalidations. */
	reseed(opts?: ReseedOptions): number;
	close(): Promise<void>;
}

const HOST = '127.0.0.1';

async function listen(server: Server, port: number, name: string): Promise<number> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', (e: NodeJS.ErrnoException) =>
			reject(e.code === 'EADDRINUSE' ? new Error(`${name} port ${port} is already in use`) : e)
		);
		server.listen(port, HOST, () => resolve());
	});
	return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => {
		if (!server.listening) return resolve();
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/**
 * Last-resort guard: a bug answers 500 instead of hanging the client. Node ignores a listener's
 * promise, so this one never rejects and is marked `void`.
 */
const guarded =
	(handler: Handler) =>
	(req: IncomingMessage, res: ServerResponse): void =>
		void (async () => {
			try {
				await handler(req, res);
			} catch (e) {
				console.error('[local-stack]', e);
				send(
					res,
					500,
					{ 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' },
					'internal error'
				);
			}
		})();

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
	const servers = { auth: createServer(), identity: createServer(), cloudfront: createServer() };
	const ports = { ...DEFAULT_PORTS, ...options.ports };
	let bound: { auth: number; identity: number; cloudfront: number };
	try {
		bound = {
			auth: await listen(servers.auth, ports.auth, 'auth'),
			identity: await listen(servers.identity, ports.identity, 'identity'),
			cloudfront: await listen(servers.cloudfront, ports.cloudfront, 'cloudfront')
		};
	} catch (e) {
		await Promise.all(Object.values(servers).map(closeServer));
		throw e;
	}

	const auth = `http://${HOST}:${bound.auth}`;
	const issuer = `${auth}/${USER_POOL_ID}`;
	const cloudfront = `http://${HOST}:${bound.cloudfront}`;
	const urls: StackUrls = {
		auth,
		issuer,
		loginsKey: issuer.replace(/^https?:\/\//, ''),
		identity: `http://${HOST}:${bound.identity}`,
		cloudfront,
		control: `${cloudfront}/_stack`
	};
	const ctx: StackContext = {
		urls,
		settings: {
			completeAfterMs: options.completeAfterMs ?? 20_000,
			tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
			credentialTtlSeconds: options.credentialTtlSeconds ?? 3600
		},
		callbackUrls: options.callbackUrls ?? DEFAULT_CALLBACK_URLS,
		logoutUrls: options.logoutUrls ?? DEFAULT_LOGOUT_URLS,
		faults: new Faults(),
		credentials: new CredentialStore(),
		tokens: await TokenIssuer.create(issuer),
		store: new InvalidationStore(DISTRIBUTION_IDS),
		requests: new RequestLog()
	};

	let seeding = { seedCount: options.seedCount ?? 300, seed: options.seed ?? 1 };
	const reseed = (opts: ReseedOptions = {}) => {
		seeding = { seedCount: opts.seedCount ?? seeding.seedCount, seed: opts.seed ?? seeding.seed };
		const history = seedHistory({
			seed: seeding.seed,
			count: seeding.seedCount,
			now: Date.now(),
			distributionId: opts.distributionId
		});
		ctx.store.reset(history);
		ctx.faults.clear();
		return history.length;
	};
	reseed();

	const startedAt = Date.now();
	const control = controlApi(ctx, { reseed });
	servers.auth.on('request', guarded(cognitoOAuth(ctx)));
	servers.identity.on('request', guarded(cognitoIdentity(ctx)));
	servers.cloudfront.on(
		'request',
		guarded(cloudFrontApi(ctx, control, (i) => lastModifiedOf(startedAt, i)))
	);

	return {
		urls,
		settings: ctx.settings,
		callbackUrls: ctx.callbackUrls,
		logoutUrls: ctx.logoutUrls,
		reseed,
		close: async () => {
			await Promise.all(Object.values(servers).map(closeServer));
		}
	};
}
