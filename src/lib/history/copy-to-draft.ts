/**
 * "Copy to new": an invalidation's items put into the purge form's draft. What the user already
 * typed there is never dropped silently: they choose to add to it or replace it.
 */
import type { Draft } from '$lib/purge/draft';

export type CopyMode = 'add' | 'replace';

/** Whether the draft holds anything the user typed (blank lines do not count). */
export const hasText = (draft: Draft) => draft.text.trim() !== '';

/**
 * The draft with `items` in it, one per line. A submission in flight stays with the draft, so its
 * retry still reuses its CallerReference.
 * @example copyToDraft({ text: '/a' }, ['/b', '/c'], 'add') // { text: '/a\n/b\n/c' }
 */
export function copyToDraft(draft: Draft, items: readonly string[], mode: CopyMode): Draft {
	const copied = items.join('\n');
	const text = mode === 'add' && hasText(draft) ? `${draft.text.trimEnd()}\n${copied}` : copied;
	return { ...draft, text };
}
