import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '$lib/storage';
import { MultiPurge, type Target } from './multi-purge.svelte';

function memoryStore(): KeyValueStore {
	const data = new Map<string, string>();
	return {
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

const owner = { subject: 'sub-ops', email: 'ops@example.com' };
const target = (id: string): Target => ({
	id,
	label: id,
	distribution: null,
	error: null,
	live: null
});

describe('MultiPurge draft', () => {
	it('is one draft for the same distributions named in another order', () => {
		const store = memoryStore();
		const first = new MultiPurge(store, owner, [target('E1AAA'), target('E2BBB')]);
		first.text = '/index.html';
		const reversed = new MultiPurge(store, owner, [target('E2BBB'), target('E1AAA')]);
		expect(reversed.text).toBe('/index.html');
		const other = new MultiPurge(store, owner, [target('E1AAA')]);
		expect(other.text).toBe('');
	});
});
