import { describe, expect, it } from 'vitest';
import { readDistributionId } from './address';

describe('readDistributionId', () => {
	it.each([
		{ typed: 'E1ABCDEF', id: 'E1ABCDEF', isWellFormed: true, needsCorrection: false },
		{ typed: 'e1abcdef', id: 'E1ABCDEF', isWellFormed: true, needsCorrection: true },
		{ typed: 'not-an-id', id: 'not-an-id', isWellFormed: false, needsCorrection: false }
	])('$typed', ({ typed, ...expected }) => expect(readDistributionId(typed)).toEqual(expected));
});
