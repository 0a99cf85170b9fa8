/** Reading the stack's outputs (as `aws cloudformation describe-stacks` prints them). */

export interface StackOutputs {
	BasePath: string;
	BucketName: string;
	ConsoleConfig: string;
	DistributionIdList: string;
	[key: string]: string;
}

const REQUIRED = ['BasePath', 'BucketName', 'ConsoleConfig', 'DistributionIdList'];

/**
 * Accepts `[{ OutputKey, OutputValue }]` (`--query 'Stacks[0].Outputs'`), the whole
 * describe-stacks response, or a plain `{ key: value }` object.
 */
export function readOutputs(text: string): StackOutputs {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new Error('is not JSON: save it with --output json');
	}
	const stacks = (json as { Stacks?: { Outputs?: unknown }[] })?.Stacks;
	const list = Array.isArray(stacks) ? stacks[0]?.Outputs : json;
	const map: Record<string, string> = {};
	if (Array.isArray(list)) {
		for (const o of list as { OutputKey?: unknown; OutputValue?: unknown }[])
			if (typeof o?.OutputKey === 'string' && typeof o.OutputValue === 'string')
				map[o.OutputKey] = o.OutputValue;
	} else if (list && typeof list === 'object') {
		for (const [k, v] of Object.entries(list)) if (typeof v === 'string') map[k] = v;
	}
	const missing = REQUIRED.filter((key) => !map[key]);
	if (missing.length)
		throw new Error(
			`has no ${missing.join(', ')}: is it the output of this console's stack (infra/console.template.json)?`
		);
	return map as StackOutputs;
}

/**
 * config.json: the ConsoleConfig output plus `distributions` from DistributionIdList, labelled by
 * `--label ID=Label` (the ID itself otherwise), and `auth.identityProvider` from
 * `--identity-provider`. Checked by the caller with checkConsoleConfig.
 */
export function configFromOutputs(
	outputs: StackOutputs,
	labels: string[] = [],
	identityProvider?: string
): unknown {
	let config: unknown;
	try {
		config = JSON.parse(outputs.ConsoleConfig);
	} catch {
		throw new Error('its ConsoleConfig output is not JSON');
	}
	const byId = new Map<string, string>();
	for (const label of labels) {
		const eq = label.indexOf('=');
		if (eq < 1) throw new Error(`--label "${label}" must look like E1ABCDEF="www (production)"`);
		byId.set(label.slice(0, eq), label.slice(eq + 1));
	}
	const ids = outputs.DistributionIdList.split(',').map((id) => id.trim());
	for (const id of byId.keys())
		if (!ids.includes(id))
			throw new Error(`--label ${id}: not one of the stack's DistributionIds (${ids.join(', ')})`);
	const auth = (config as { auth?: object }).auth;
	return {
		...(config as object),
		// Skips Cognito's sign-in chooser: straight to this federated IdP.
		...(identityProvider ? { auth: { ...auth, identityProvider } } : {}),
		distributions: ids.map((id) => ({ id, label: byId.get(id) ?? id }))
	};
}
