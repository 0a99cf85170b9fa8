/** Short, unambiguous times for ops screens. */

/**
 * How long ago, coarsened to what a reader needs.
 * @example formatAge(new Date('2026-11-25T10:00:00Z'), new Date('2026-11-25T10:00:42Z')) // '42 s ago'
 */
export function formatAge(then: Date, now: Date): string {
	const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
	if (seconds < 60) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Whole seconds between two times, as "12 s" or "3 min 5 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const rest = seconds % 60;
	return rest === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}
