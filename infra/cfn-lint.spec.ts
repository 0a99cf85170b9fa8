import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PATH } from './synth';

// cfn-lint (Python) checks the committed template against CloudFormation's resource specs. Its exit
// code is a bit set: 2 errors, 4 warnings, 8 informational; only errors fail.
// https://github.com/aws-cloudformation/cfn-lint#exit-codes
const INSTALL =
	'Install it with `pip install cfn-lint==1.51.0` (or `pipx install cfn-lint`), then rerun.';

function cfnLint(args: string[]): Promise<{ code: number; output: string; missing: boolean }> {
	return new Promise((done) => {
		execFile('cfn-lint', args, { timeout: 120_000 }, (error, stdout, stderr) => {
			const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
			done({
				code: typeof err?.code === 'number' ? err.code : err ? -1 : 0,
				output: `${stdout}${stderr}`,
				missing: err?.code === 'ENOENT'
			});
		});
	});
}

describe('cfn-lint', () => {
	it('finds no error in infra/console.template.json', async () => {
		const { code, output, missing } = await cfnLint(['--format', 'parseable', TEMPLATE_PATH]);
		if (missing) expect.fail(`cfn-lint is not installed. ${INSTALL}`);
		expect(code, `cfn-lint failed to run:\n${output}`).toBeGreaterThanOrEqual(0);
		expect(code & 2, `cfn-lint found errors:\n${output}`).toBe(0);
	});
});
