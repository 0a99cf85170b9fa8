import { describe, expect, it } from 'vitest';
import { recordAutomaticSignIn } from './sign-in-loop';

const store = () => {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k)
	};
};

describe('recordAutomaticSignIn', () => {
	it('allows five automatic sign-ins in ten seconds, then stops', () => {
		const s = store();
		const allowed = [0, 300, 600, 900, 1200, 1500].map((t) => recordAutomaticSignIn(s, t));
		expect(allowed).toEqual([true, true, true, true, true, false]);
	});

	it('allows again once the earlier ones are ten seconds old', () => {
		const s = store();
		[0, 300, 600, 900, 1200].forEach((t) => recordAutomaticSignIn(s, t));
		expect(recordAutomaticSignIn(s, 10_100)).toBe(true);
	});

	it('does not stop a person opening bookmarks one after another', () => {
		const s = store();
		const allowed = Array.from({ length: 20 }, (_, i) => recordAutomaticSignIn(s, i * 3000));
		expect(allowed.every(Boolean)).toBe(true);
	});

	it('treats a corrupt record as none', () => {
		const s = store();
		s.setItem('purge-console:automatic-sign-ins', '{not json');
		expect(recordAutomaticSignIn(s, 0)).toBe(true);
	});
});
