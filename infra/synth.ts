/**
 * Synthesises the stack to a plain CloudFormation template, with no CDK bootstrap and no assets:
 *   npm run synth            writes infra/console.template.json (committed; a test keeps it in sync)
 *   npm run synth -- --base /ops --out ops.template.json   the same stack for another prefix
 * BootstraplessSynthesizer also refuses assets, so nothing can slip in that needs a bootstrap bucket.
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.BootstraplessSynthesizer.html
 */
import { App, BootstraplessSynthesizer } from 'aws-cdk-lib/core';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConsoleStack } from './stack/console-stack';

export const TEMPLATE_PATH = fileURLToPath(new URL('./console.template.json', import.meta.url));

export function synthesize(base = '/_console') {
	const app = new App({ analyticsReporting: false });
	const stack = new ConsoleStack(app, 'CloudFrontPurgeConsole', {
		base,
		synthesizer: new BootstraplessSynthesizer()
	});
	return { stack, template: app.synth().getStackByName(stack.stackName).template as Template };
}

export type Template = {
	Parameters: Record<string, { Type: string; Default?: string }>;
	Conditions: Record<string, unknown>;
	Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
	Outputs: Record<string, { Value: unknown }>;
};

export const templateText = (template: unknown) => JSON.stringify(template, null, 1) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { base: { type: 'string' }, out: { type: 'string' } } });
	const started = performance.now();
	const { template } = synthesize(values.base);
	const out = values.out ?? TEMPLATE_PATH;
	writeFileSync(out, templateText(template));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`Wrote ${out} (${Object.keys(template.Resources).length} resources, ${seconds} s)`);
}
