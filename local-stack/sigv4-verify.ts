import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import {
	expiredToken,
	incompleteSignature,
	invalidClientTokenId,
	missingAuthenticationToken,
	signatureDoesNotMatch
} from './cloudfront-errors';
import type { CredentialStore, IssuedCredentials } from './credentials';
import { header } from './http';

// The CloudFront front door: re-computes SigV4 with the issued secret.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
// Reuses @smithy/signature-v4 so the canonicalisation is the SDK's own; only the checks are ours.

const ALGORITHM = 'AWS4-HMAC-SHA256';
/**
 * CloudFront is global: signed for us-east-1 whatever the client's region
 * (https://docs.aws.amazon.com/general/latest/gr/cf_region.html).
 */
const SIGNING_REGION = 'us-east-1';
const SERVICE = 'cloudfront';
const MAX_SKEW_MS = 5 * 60 * 1000;

/** SHA-256 in the constructor shape SignatureV4 expects. */
export class Sha256 extends Hash {
	constructor(secret?: SourceData) {
		super('sha256', secret);
	}
}

interface ParsedAuthorization {
	accessKeyId: string;
	date: string;
	region: string;
	service: string;
	terminator: string;
	signedHeaders: string[];
	signature: string;
}

function parseAuthorization(value: string): ParsedAuthorization {
	if (!value.startsWith(`${ALGORITHM} `))
		throw incompleteSignature(`Unsupported AWS 'algorithm': '${value.split(' ')[0]}'`);
	const params = new Map<string, string>();
	for (const part of value.slice(ALGORITHM.length).split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.get(p));
	if (missing.length)
		throw incompleteSignature(
			missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ') +
				` Authorization=${value}`
		);
	const credential = params.get('Credential') ?? '';
	const scope = credential.split('/');
	if (scope.length !== 5)
		throw incompleteSignature(
			`Credential should have exactly 5 slash-delimited elements, e.g. keyID/date/region/service/term, got '${credential}'`
		);
	const [accessKeyId, date, region, service, terminator] = scope;
	return {
		accessKeyId,
		date,
		region,
		service,
		terminator,
		signedHeaders: (params.get('SignedHeaders') ?? '').split(';').map((h) => h.toLowerCase()),
		signature: params.get('Signature') ?? ''
	};
}

/** `YYYYMMDDTHHMMSSZ` ↔ Date. */
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
function parseAmzDate(value: string): Date | undefined {
	const m = AMZ_DATE.exec(value);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s] = m.map(Number);
	const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
	return Number.isNaN(t.getTime()) ? undefined : t;
}
export const formatAmzDate = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

export interface SignedRequest {
	req: IncomingMessage;
	rawPath: string;
	query: URLSearchParams;
	body: Buffer;
}

/** Returns the caller's credentials, or throws the CloudFrontError AWS would answer with. */
export async function verifySigV4(
	{ req, rawPath, query, body }: SignedRequest,
	store: CredentialStore,
	now = Date.now()
): Promise<IssuedCredentials> {
	const authorization = header(req, 'authorization');
	if (!authorization) throw missingAuthenticationToken();
	const auth = parseAuthorization(authorization);
	const amzDate = header(req, 'x-amz-date');
	if (!amzDate)
		throw incompleteSignature(
			`Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`
		);
	const signedAt = parseAmzDate(amzDate);
	if (!signedAt)
		throw incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
	if (!auth.signedHeaders.includes('host'))
		throw incompleteSignature(
			"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."
		);

	// Credential scope. Messages as captured from AWS's front door for other global services, trailing
	// space included (e.g. https://github.com/aws/aws-sdk-php/issues/732); CloudFront's UNCONFIRMED.
	if (auth.date !== amzDate.slice(0, 8))
		throw signatureDoesNotMatch(
			`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`
		);
	if (auth.region !== SIGNING_REGION)
		throw signatureDoesNotMatch(
			`Credential should be scoped to a valid region, not '${auth.region}'. `
		);
	if (auth.service !== SERVICE)
		throw signatureDoesNotMatch(`Credential should be scoped to correct service: '${SERVICE}'. `);
	if (auth.terminator !== 'aws4_request')
		throw signatureDoesNotMatch(
			`Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'. `
		);

	// Temporary credentials need their session token (boto/boto#1279: role creds without it).
	const creds = store.get(auth.accessKeyId);
	if (!creds) throw invalidClientTokenId();
	if (header(req, 'x-amz-security-token') !== creds.sessionToken) throw invalidClientTokenId();

	// ±5 minutes, with AWS's "Signature expired" wording (amimoto-ami/c3-cloudfront-clear-cache#41).
	const fmt = (ms: number) => formatAmzDate(new Date(ms));
	if (signedAt.getTime() < now - MAX_SKEW_MS)
		throw signatureDoesNotMatch(
			`Signature expired: ${amzDate} is now earlier than ${fmt(now - MAX_SKEW_MS)} (${fmt(now)} - 5 min.)`
		);
	if (signedAt.getTime() > now + MAX_SKEW_MS)
		throw signatureDoesNotMatch(
			`Signature not yet current: ${amzDate} is still later than ${fmt(now + MAX_SKEW_MS)} (${fmt(now)} + 5 min.)`
		);
	if (now >= creds.expiresAt) throw expiredToken();

	// The signer trusts x-amz-content-sha256 as the payload hash, so hold it to the real body first.
	const claimedHash = header(req, 'x-amz-content-sha256');
	if (claimedHash !== undefined && claimedHash !== createHash('sha256').update(body).digest('hex'))
		throw signatureDoesNotMatch();

	const expected = await recomputeSignature(auth, creds, { req, rawPath, query, body }, signedAt);
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(auth.signature, 'utf8');
	if (a.length !== b.length || !timingSafeEqual(a, b)) throw signatureDoesNotMatch();
	return creds;
}

async function recomputeSignature(
	auth: ParsedAuthorization,
	creds: IssuedCredentials,
	{ req, rawPath, query, body }: SignedRequest,
	signingDate: Date
): Promise<string> {
	const signer = new SignatureV4({
		service: auth.service,
		region: auth.region,
		sha256: Sha256,
		uriEscapePath: true,
		applyChecksum: false,
		credentials: {
			accessKeyId: creds.accessKeyId,
			secretAccessKey: creds.secretAccessKey,
			sessionToken: creds.sessionToken
		}
	});
	// Only the headers named in SignedHeaders take part; the signer re-adds x-amz-date and the token.
	const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, header(req, h) ?? '']));
	const q: Record<string, string | string[]> = {};
	for (const key of new Set(query.keys())) {
		const all = query.getAll(key);
		q[key] = all.length === 1 ? all[0] : all;
	}
	const signed = await signer.sign(
		{
			method: req.method ?? 'GET',
			protocol: 'http:',
			hostname: header(req, 'host') ?? '',
			path: rawPath, // still percent-encoded: the signer encodes it once more
			query: q,
			headers,
			body: body.length ? new Uint8Array(body) : undefined
		},
		{
			signingDate,
			signableHeaders: new Set(auth.signedHeaders),
			signingRegion: auth.region,
			signingService: auth.service
		}
	);
	return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
}
