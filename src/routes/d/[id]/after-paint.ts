/**
 * Resolves once the browser has painted what is on screen now: a requestAnimationFrame callback
 * runs just before a paint, and a task queued from it runs after that paint. The purge page loads
 * its second stage from here, so the form is shown (and takes typing) first. A hidden tab paints
 * nothing (and runs no animation frames), so there it resolves on the next task instead.
 */
export const afterFirstPaint = () =>
	new Promise<void>((painted) =>
		document.hidden ? setTimeout(painted) : requestAnimationFrame(() => setTimeout(painted))
	);
