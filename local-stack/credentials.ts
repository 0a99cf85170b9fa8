import { randomBytes, randomInt } from 'node:crypto';

// Temporary credentials as Cognito Identity hands them out (an STS session for the chosen role).
// The CloudFront front door looks them up by access key id to re-compute signatures.

export interface IssuedCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	/** Epoch milliseconds. */
	expiresAt: number;
	roleArn: string;
	identityId?: string;
}

// Access key ids use the base32 alphabet; `ASIA` marks temporary (STS) keys.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accessKeyId = () =>
	'ASIA' + Array.from({ length: 16 }, () => BASE32[randomInt(BASE32.length)]).join('');

export class CredentialStore {
	#byKey = new Map<string, IssuedCredentials>();

	issue(roleArn: string, ttlSeconds: number, identityId?: string): IssuedCredentials {
		const creds: IssuedCredentials = {
			accessKeyId: accessKeyId(),
			secretAccessKey: randomBytes(30).toString('base64'),
			sessionToken: randomBytes(360).toString('base64'),
			expiresAt: Date.now() + ttlSeconds * 1000,
			roleArn,
			identityId
		};
		this.#byKey.set(creds.accessKeyId, creds);
		return creds;
	}

	get(accessKeyId: string): IssuedCredentials | undefined {
		return this.#byKey.get(accessKeyId);
	}

	/** The `expire-credentials` fault: everything issued so far stops working now. */
	expireAll(now = Date.now()) {
		for (const c of this.#byKey.values()) c.expiresAt = Math.min(c.expiresAt, now - 1);
	}
}
