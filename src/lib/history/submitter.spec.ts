import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callerReference } from '$lib/purge/draft';
import { submitterLabel, submitterOf } from './submitter';

describe('submitterOf', () => {
	it.each<[string, string | null, string]>([
		[
			'console:alice@example.com:0b9e0c52-6d3c-4c4f-9a43-1d1f0a8d8c11',
			'alice@example.com',
			'the console format'
		],
		['console:a:b@example.com:id', 'a:b@example.com', 'a colon inside the email'],
		['console-1b2c3d4e-aaaa-bbbb-cccc-123456789012', null, "another tool's format"],
		['cli-1717171717', null, 'the AWS CLI'],
		['console::id', null, 'no email'],
		['console:alice@example.com:', 'alice@example.com', 'an empty id still names the sender'],
		['', null, 'empty']
	])('%s → %s (%s)', (ref, who) => expect(submitterOf(ref)).toBe(who));

	it('shows "—" for purges made elsewhere', () => {
		expect(submitterLabel('terraform-123')).toBe('—');
		expect(submitterLabel('console:bob@example.com:x')).toBe('bob@example.com');
	});

	it('reads back every reference the console writes (fast-check seed 20261130)', () => {
		fc.assert(
			fc.property(fc.emailAddress(), fc.uuid(), (email, uuid) => {
				expect(submitterOf(callerReference(email, uuid))).toBe(email.slice(0, 64));
			}),
			{ seed: 20261130, numRuns: 300 }
		);
	});
});
