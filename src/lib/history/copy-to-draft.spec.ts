import { describe, expect, it } from 'vitest';
import { copyToDraft, hasText } from './copy-to-draft';

const submission = { callerReference: 'console:a@b.c:1', items: ['/x'], startedAt: '' };

describe('copyToDraft', () => {
	it.each([
		{ draft: { text: '' }, mode: 'add', text: '/b\n/c', why: 'an empty draft just takes them' },
		{ draft: { text: '  \n' }, mode: 'add', text: '/b\n/c', why: 'blank lines are not kept' },
		{ draft: { text: '/a\n\n' }, mode: 'add', text: '/a\n/b\n/c', why: 'added below, no gap' },
		{ draft: { text: '/a' }, mode: 'replace', text: '/b\n/c', why: 'replaced only when asked' }
	] as const)('$why', ({ draft, mode, text }) => {
		expect(copyToDraft(draft, ['/b', '/c'], mode).text).toBe(text);
	});

	it('keeps a submission in flight, so its retry reuses the CallerReference', () => {
		expect(copyToDraft({ text: '/a', submission }, ['/b'], 'replace').submission).toBe(submission);
	});

	it('hasText ignores whitespace', () => {
		expect(hasText({ text: ' \n\t' })).toBe(false);
		expect(hasText({ text: '/a' })).toBe(true);
	});
});
