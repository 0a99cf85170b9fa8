/**
 * Evaluates the intrinsic functions of a synthesised template for given parameter values, as
 * CloudFormation would at deploy time, so tests can read the policies, headers and config.json a
 * real stack would get. Covers the functions the console's template uses; anything else throws.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import type { Template } from '../synth';

export interface Deployment {
	parameters: Record<string, string>;
	pseudo?: Record<string, string>;
	/** Values of `Ref <logicalId>` and `Fn::GetAtt [<logicalId>, <attr>]` (key `id.attr`). */
	resources?: Record<string, string>;
}

const NO_VALUE = Symbol('AWS::NoValue');

export function resolver(template: Template, deployment: Deployment) {
	const pseudo: Record<string, string> = {
		'AWS::Region': 'eu-west-1',
		'AWS::AccountId': '111122223333',
		'AWS::Partition': 'aws',
		'AWS::StackName': 'CloudFrontPurgeConsole',
		'AWS::URLSuffix': 'amazonaws.com',
		...deployment.pseudo
	};
	const ref = (name: string): unknown => {
		if (name === 'AWS::NoValue') return NO_VALUE;
		if (name in pseudo) return pseudo[name];
		const param = template.Parameters[name];
		if (param) {
			const value = deployment.parameters[name] ?? param.Default;
			if (value === undefined) throw new Error(`No value for parameter ${name}`);
			return param.Type === 'CommaDelimitedList' ? value.split(',') : value;
		}
		const resource = deployment.resources?.[name];
		if (resource === undefined) throw new Error(`No value for Ref ${name}`);
		return resource;
	};
	const condition = (name: string): boolean => {
		const value = resolve(template.Conditions[name]);
		if (typeof value !== 'boolean') throw new Error(`Condition ${name} is not a boolean`);
		return value;
	};
	const text = (v: unknown) => {
		if (typeof v !== 'string') throw new Error(`Expected a string, got ${JSON.stringify(v)}`);
		return v;
	};
	const resolve = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(resolve).filter((v) => v !== NO_VALUE);
		if (node === null || typeof node !== 'object') return node;
		const entries = Object.entries(node);
		if (entries.length === 1) {
			const [fn, arg] = entries[0] as [string, unknown];
			const args = arg as unknown[];
			switch (fn) {
				case 'Ref':
					return ref(text(arg));
				case 'Fn::GetAtt': {
					const key = `${args[0]}.${args[1]}`;
					const value = deployment.resources?.[key];
					if (value === undefined) throw new Error(`No value for Fn::GetAtt ${key}`);
					return value;
				}
				case 'Fn::Join':
					return (resolve(args[1]) as unknown[]).map(text).join(text(args[0]));
				case 'Fn::Split':
					return text(resolve(args[1])).split(text(args[0]));
				case 'Fn::Select':
					return (resolve(args[1]) as unknown[])[Number(resolve(args[0]))];
				case 'Fn::Sub': {
					const [source, vars] = Array.isArray(arg) ? arg : [arg, {}];
					const values = resolve(vars) as Record<string, unknown>;
					return text(source).replace(/\$\{([\w:.]+)\}/g, (_, name: string) =>
						text(name in values ? values[name] : ref(name))
					);
				}
				case 'Fn::If':
					return resolve(condition(text(args[0])) ? args[1] : args[2]);
				case 'Fn::Equals':
					return resolve(args[0]) === resolve(args[1]);
				case 'Fn::Not':
					return !resolve(args[0]);
				case 'Condition':
					return condition(text(arg));
				default:
					if (fn.startsWith('Fn::')) throw new Error(`resolve.ts does not implement ${fn}`);
			}
		}
		return Object.fromEntries(
			entries.map(([k, v]) => [k, resolve(v)]).filter(([, v]) => v !== NO_VALUE)
		);
	};
	return resolve;
}
