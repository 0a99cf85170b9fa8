import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from './context';
import { corsHeaders } from './cors';
import type { FaultSpec } from './faults';
import { CLIENT_ID } from './constants';
import { readBody, send, sendJson, splitUrl, type Handler } from './http';
import { ADMIN_ROLE, ROLE_POLICIES } from './iam';
import { statusOf } from './invalidation-store';
import { DISTRIBUTION_IDS } from './distributions';
import { findUser } from './users';

// Test-only control API under /_stack/ on the CloudFront port: unsigned JSON, CORS-enabled so
// browser tests can call it too. Never part of any AWS wire format.

export interface ControlDeps {
	reseed(opts: { seedCount?: number; seed?: number; distributionId?: string }): number;
}

class BadRequest extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const raw = (await readBody(req)).toString('utf8');
	if (raw.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new BadRequest('body must be JSON');
	}
	if (!isRecord(value)) throw new BadRequest('body must be a JSON object');
	return value;
}

function optionalNumber(
	body: Record<string, unknown>,
	key: string,
	min: number
): number | undefined {
	const v = body[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
		throw new BadRequest(`${key} must be a number ≥ ${min}`);
	return v;
}

export function controlApi(ctx: StackContext, deps: ControlDeps): Handler {
	const json = (res: ServerResponse, status: number, value: unknown) =>
		sendJson(res, status, corsHeaders(), value);

	const routes: Record<
		string,
		(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) => Promise<void>
	> = {
		async 'GET /_stack/health'(_req, res) {
			json(res, 200, { ok: true, urls: ctx.urls, settings: ctx.settings });
		},
		async 'GET /_stack/faults'(_req, res) {
			json(res, 200, { faults: ctx.faults.list(), delaying: ctx.faults.delaying });
		},
		async 'POST /_stack/faults'(req, res) {
			const body = await readJson(req);
			if (body.kind === 'expire-credentials') {
				ctx.credentials.expireAll();
				return json(res, 200, { kind: 'expire-credentials', applied: true });
			}
			const spec: FaultSpec = {
				kind: String(body.kind),
				operation: typeof body.operation === 'string' ? body.operation : undefined,
				count: optionalNumber(body, 'count', 1),
				ms: optionalNumber(body, 'ms', 0)
			};
			const fault = ctx.faults.add(spec);
			if (typeof fault === 'string') throw new BadRequest(fault);
			json(res, 201, { fault });
		},
		async 'DELETE /_stack/faults'(_req, res) {
			ctx.faults.clear();
			send(res, 204, corsHeaders());
		},
		async 'POST /_stack/reset'(req, res) {
			const body = await readJson(req);
			const completeAfterMs = optionalNumber(body, 'completeAfterMs', 0);
			if (completeAfterMs !== undefined) ctx.settings.completeAfterMs = completeAfterMs;
			const only = body.distributionId;
			if (only !== undefined && (typeof only !== 'string' || !DISTRIBUTION_IDS.includes(only)))
				throw new BadRequest('distributionId must be one of ' + DISTRIBUTION_IDS.join(', '));
			const count = deps.reseed({
				seedCount: optionalNumber(body, 'seedCount', 0),
				seed: optionalNumber(body, 'seed', 0),
				distributionId: only
			});
			json(res, 200, { invalidations: count, settings: ctx.settings });
		},
		async 'POST /_stack/settings'(req, res) {
			const body = await readJson(req);
			const next = {
				completeAfterMs: optionalNumber(body, 'completeAfterMs', 0),
				tokenTtlSeconds: optionalNumber(body, 'tokenTtlSeconds', 1),
				credentialTtlSeconds: optionalNumber(body, 'credentialTtlSeconds', 1)
			};
			for (const [k, v] of Object.entries(next))
				if (v !== undefined) ctx.settings[k as keyof typeof next] = v;
			json(res, 200, { settings: ctx.settings });
		},
		// Completes one invalidation now, so a test decides when "In progress" ends instead of racing
		// a timer against a loaded machine.
		async 'POST /_stack/complete'(req, res) {
			const body = await readJson(req);
			const { distributionId, id } = body;
			if (typeof distributionId !== 'string' || typeof id !== 'string')
				throw new BadRequest('distributionId and id must be strings');
			const inv = ctx.store.get(distributionId, id);
			if (!inv) throw new BadRequest(`no invalidation ${id} on ${distributionId}`);
			inv.completesAt = Math.min(inv.completesAt, Date.now());
			json(res, 200, { id, status: statusOf(inv) });
		},
		async 'GET /_stack/invalidations'(_req, res, q) {
			const only = q.get('distributionId');
			if (only !== null && !DISTRIBUTION_IDS.includes(only))
				throw new BadRequest('unknown distributionId');
			const now = Date.now();
			const invalidations = (only ? [only] : DISTRIBUTION_IDS).flatMap((id) =>
				ctx.store.all(id).map((i) => ({
					id: i.id,
					distributionId: i.distributionId,
					status: statusOf(i, now),
					createTime: new Date(i.createTime).toISOString(),
					callerReference: i.callerReference,
					paths: i.paths
				}))
			);
			json(res, 200, { invalidations });
		},
		/** CloudFront API calls received since the last DELETE (or start), oldest first. */
		async 'GET /_stack/requests'(_req, res, q) {
			const requests = ctx.requests.list({
				operation: q.get('operation') ?? undefined,
				distributionId: q.get('distributionId') ?? undefined
			});
			json(res, 200, { requests });
		},
		async 'DELETE /_stack/requests'(_req, res) {
			ctx.requests.clear();
			send(res, 204, corsHeaders());
		},
		/** Credentials straight from "STS" for a role (default: the all-access test role). */
		async 'POST /_stack/credentials'(req, res) {
			const body = await readJson(req);
			const role = typeof body.roleArn === 'string' ? body.roleArn : ADMIN_ROLE;
			if (!ROLE_POLICIES[role]) throw new BadRequest('unknown roleArn');
			const c = ctx.credentials.issue(role, ctx.settings.credentialTtlSeconds);
			json(res, 200, {
				accessKeyId: c.accessKeyId,
				secretAccessKey: c.secretAccessKey,
				sessionToken: c.sessionToken,
				expiration: new Date(c.expiresAt).toISOString(),
				roleArn: role
			});
		},
		/** A signed ID token for a demo user with claims overridden (expired, foreign audience, …). */
		async 'POST /_stack/id-token'(req, res) {
			const body = await readJson(req);
			const user = findUser(typeof body.email === 'string' ? body.email : '');
			if (!user) throw new BadRequest('unknown email');
			const claims = isRecord(body.claims) ? body.claims : {};
			const authTime = Math.floor(Date.now() / 1000);
			const session = {
				user,
				clientId: CLIENT_ID,
				scope: 'openid',
				authTime,
				originJti: 'control-api'
			};
			const ttl = ctx.settings.tokenTtlSeconds;
			const idToken = await ctx.tokens.idToken(session, ttl, { overrides: claims });
			json(res, 200, { idToken });
		}
	};

	return async (req, res) => {
		const { rawPath, query } = splitUrl(req);
		const handler = routes[`${req.method} ${rawPath}`];
		try {
			if (!handler) return json(res, 404, { error: `no control route ${req.method} ${rawPath}` });
			await handler(req, res, query);
		} catch (e) {
			if (e instanceof BadRequest) return json(res, 400, { error: e.message });
			throw e;
		}
	};
}
