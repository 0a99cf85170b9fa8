/**
 * How making a queue went: started, refused for an unfinished one or for an unreadable one kept
 * as evidence, or not storable.
 */
export type CreateResult = 'started' | 'already-running' | 'unreadable-kept' | 'not-stored';

/** What to tell the user when a queue was not started; null when it was. */
export function queueStartMessage(result: CreateResult): string | null {
	switch (result) {
		case 'started':
			return null;
		case 'already-running':
			return 'A purge queue for this distribution is still running (here or in another tab). Wait for it to finish, or stop the rest of it, then send again: your list is kept.';
		case 'unreadable-kept':
			return 'An earlier purge queue for this distribution could not be read (see the notice about it). Check the history, dismiss that notice, then send again: your list is kept.';
		case 'not-stored':
			return 'This browser would not store the purge queue (its storage is full or turned off), so a purge this big cannot be sent safely: after a reload it could be sent twice. Free some site storage, or send at most 3,000 paths at a time.';
	}
}
