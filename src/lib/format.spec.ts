import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration } from './format';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatAge', () => {
	it.each([
		[0, '0 s ago', 'just now'],
		[42, '42 s ago', 'under a minute in seconds'],
		[60, '1 min ago', 'a minute'],
		[3599, '59 min ago', 'minutes are floored'],
		[3600, '1 h ago', 'an hour'],
		[86_399, '23 h ago', 'hours are floored'],
		[86_400, '1 day ago', 'singular day'],
		[90 * 86_400, '90 days ago', 'three months'],
		[-30, '0 s ago', 'a clock slightly ahead never shows a negative age']
	])('%i s → %s (%s)', (seconds, expected) => expect(formatAge(ago(seconds), now)).toBe(expected));
});

describe('formatDuration', () => {
	it.each([
		[0, '0 s'],
		[3_400, '3 s'],
		[59_600, '1 min'],
		[60_000, '1 min'],
		[185_000, '3 min 5 s'],
		[-5, '0 s']
	])('%i ms → %s', (ms, expected) => expect(formatDuration(ms)).toBe(expected));
});
