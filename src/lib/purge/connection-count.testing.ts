// Test helper (not a spec): the queue-store and live-queue specs count open IndexedDB connections.

/** Records every connection opened from now on, as a browser's count of open connections. */
export function countConnections() {
	const connections: IDBDatabase[] = [];
	const factory = globalThis.indexedDB;
	const open = factory.open.bind(factory);
	factory.open = (name: string, version?: number) => {
		const request = open(name, version);
		request.addEventListener('success', () => connections.push(request.result));
		return request;
	};
	const isOpen = (db: IDBDatabase) => {
		try {
			db.transaction('queues').abort();
			return true;
		} catch {
			return false; // InvalidStateError: the connection is closed
		}
	};
	return { open: () => connections.filter(isOpen).length, total: () => connections.length };
}
