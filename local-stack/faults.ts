// Fault injection, switched on by tests through the control API (`POST /_stack/faults`).
// Each fault fires `count` times on matching requests, then disappears.

export const CLOUDFRONT_OPERATIONS = [
	'ListDistributions',
	'GetDistribution',
	'CreateInvalidation',
	'GetInvalidation',
	'ListInvalidations'
] as const;
export const IDENTITY_OPERATIONS = ['GetId', 'GetCredentialsForIdentity'] as const;

export const OAUTH_GRANTS = ['AuthorizationCode', 'RefreshToken'] as const;

export type Service = 'cloudfront' | 'identity' | 'oauth';

/** Kinds queued here; `expire-credentials` acts at once and is handled by the control API. */
export const QUEUED_KINDS = [
	'throttle',
	'server-error',
	'latency',
	'drop-response',
	'fail-refresh',
	'identity-error',
	'foreign-signing-key'
] as const;
export type QueuedKind = (typeof QUEUED_KINDS)[number];
export type FaultKind = QueuedKind | 'expire-credentials';

export interface Fault {
	kind: QueuedKind;
	/** Limit to one operation; unset means every operation of the kind's default service. */
	operation?: string;
	remaining: number;
	ms: number;
}

/** Where a fault without `operation` applies, and which operations it may name. */
const SCOPE: Record<QueuedKind, { service: Service; operations: readonly string[] }> = {
	throttle: { service: 'cloudfront', operations: CLOUDFRONT_OPERATIONS },
	'server-error': { service: 'cloudfront', operations: CLOUDFRONT_OPERATIONS },
	latency: {
		service: 'cloudfront',
		operations: [...CLOUDFRONT_OPERATIONS, ...IDENTITY_OPERATIONS]
	},
	'drop-response': {
		service: 'cloudfront',
		operations: [...CLOUDFRONT_OPERATIONS, ...IDENTITY_OPERATIONS, 'RefreshToken']
	},
	'fail-refresh': { service: 'oauth', operations: ['RefreshToken'] },
	'identity-error': { service: 'identity', operations: IDENTITY_OPERATIONS },
	// The ID token is signed with a key that is not in the pool's JWKS (a forgery): the client must
	// refuse it, whatever its claims.
	'foreign-signing-key': { service: 'oauth', operations: OAUTH_GRANTS }
};

export interface FaultSpec {
	kind: string;
	operation?: string;
	count?: number;
	ms?: number;
}

export const isQueuedKind = (k: string): k is QueuedKind =>
	(QUEUED_KINDS as readonly string[]).includes(k);

export class Faults {
	#list: Fault[] = [];
	#delaying = 0;

	/** Requests a latency fault is holding right now (tests wait for 0 instead of sleeping). */
	get delaying(): number {
		return this.#delaying;
	}

	/** A latency fault's wait, counted while it runs. */
	async delay(ms: number): Promise<void> {
		this.#delaying += 1;
		try {
			await new Promise<void>((resolve) => setTimeout(resolve, ms));
		} finally {
			this.#delaying -= 1;
		}
	}

	/** Validates and appends a fault; returns an error message instead when the spec is wrong. */
	add(spec: FaultSpec): Fault | string {
		if (!isQueuedKind(spec.kind)) return `unknown fault kind: ${String(spec.kind)}`;
		const scope = SCOPE[spec.kind];
		if (spec.operation !== undefined && !scope.operations.includes(spec.operation))
			return `operation for ${spec.kind} must be one of ${scope.operations.join(', ')}`;
		const count = spec.count ?? 1;
		if (!Number.isInteger(count) || count < 1) return 'count must be a positive integer';
		const ms = spec.ms ?? 0;
		if (!Number.isFinite(ms) || ms < 0) return 'ms must be a non-negative number';
		if (spec.kind === 'latency' && ms === 0) return 'latency needs ms';
		const fault: Fault = { kind: spec.kind, operation: spec.operation, remaining: count, ms };
		this.#list.push(fault);
		return fault;
	}

	clear() {
		this.#list = [];
	}

	list(): readonly Fault[] {
		return this.#list;
	}

	/** Takes one shot of the first matching fault of `kind`, if any. */
	consume(kind: QueuedKind, service: Service, operation: string): Fault | undefined {
		const fault = this.#list.find(
			(f) =>
				f.kind === kind &&
				(f.operation === undefined ? SCOPE[kind].service === service : f.operation === operation)
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.#list = this.#list.filter((f) => f !== fault);
		return { ...fault };
	}
}
