// The contract of README.md ("Contract"): ids the console's local config and the browser tests rely on.
// Change them only together with the README.

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '111122223333';
export const USER_POOL_ID = 'us-east-1_LOCALPOOL';
export const CLIENT_ID = 'localconsoleclient0000000001';
export const IDENTITY_POOL_ID = 'us-east-1:4b0c3d6e-1f2a-4c5b-8d9e-0a1b2c3d4e5f';
export const DEMO_PASSWORD = 'demo-password';

export const DEFAULT_PORTS = { auth: 4510, identity: 4511, cloudfront: 4512 } as const;

export const DEFAULT_CALLBACK_URLS = [
	'http://localhost:4173/_console/auth/callback',
	'http://localhost:4173/auth/callback',
	'http://localhost:5173/_console/auth/callback',
	'http://localhost:5173/auth/callback'
];
export const DEFAULT_LOGOUT_URLS = [
	'http://localhost:4173/_console/',
	'http://localhost:4173/',
	'http://localhost:5173/_console/',
	'http://localhost:5173/'
];

/** Scopes the app client allows: `openid email profile`, as our stack configures the real one. */
export const ALLOWED_SCOPES = ['openid', 'email', 'profile'];

export const CLOUDFRONT_API_VERSION = '2020-05-31';
export const CLOUDFRONT_XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

/** `arn:aws:cloudfront::<account>:distribution/<id>`: no region (Service Authorization Reference). */
export const distributionArn = (id: string): string =>
	`arn:aws:cloudfront::${ACCOUNT_ID}:distribution/${id}`;

export const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
