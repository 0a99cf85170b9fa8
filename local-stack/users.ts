import { roleArn } from './constants';

// Demo users of the README's contract table. `sub` is a fixed UUID so tokens and identity ids stay
// stable across restarts. The pool uses email as the sign-in alias (UsernameAttributes: email), so
// Cognito's `cognito:username` is the generated UUID, not the email.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html

export const ROLES = {
	webOperator: roleArn('console-web-operator'),
	dataOperator: roleArn('console-data-operator'),
	viewer: roleArn('console-viewer')
} as const;

export interface DemoUser {
	email: string;
	sub: string;
	groups: string[];
	/** `cognito:roles`: the roles of all the user's groups. */
	roles: string[];
	/** `cognito:preferred_role`: the role of the group with the lowest precedence. */
	preferredRole?: string;
	description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
	{
		email: 'alice@example.com',
		sub: '0a1c5e7f-3b2d-4e6f-8a9b-0c1d2e3f4a51',
		groups: ['operators', 'web-team'],
		roles: [ROLES.webOperator],
		preferredRole: ROLES.webOperator,
		description: 'purges E1LOCALWWW0001 and E2LOCALSHOP001'
	},
	{
		email: 'bob@example.com',
		sub: '1b2d6f80-4c3e-4f70-9bac-1d2e3f4a5b62',
		groups: ['operators', 'data-team'],
		roles: [ROLES.dataOperator],
		preferredRole: ROLES.dataOperator,
		description: 'purges E3LOCALDATA001'
	},
	{
		email: 'vera@example.com',
		sub: '2c3e7091-5d4f-4081-8cbd-2e3f4a5b6c73',
		groups: ['viewers'],
		roles: [ROLES.viewer],
		preferredRole: ROLES.viewer,
		description: 'reads all three, purges none'
	},
	{
		email: 'nora@example.com',
		sub: '3d4f81a2-6e50-4192-9dce-3f4a5b6c7d84',
		groups: [],
		roles: [],
		description: 'no group: the identity pool denies her credentials'
	}
];

/** Sign-in is case-insensitive on the email alias, as Cognito's default for new pools. */
export const findUser = (username: string): DemoUser | undefined =>
	DEMO_USERS.find((u) => u.email === username.trim().toLowerCase());

export const findUserBySub = (sub: string): DemoUser | undefined =>
	DEMO_USERS.find((u) => u.sub === sub);
