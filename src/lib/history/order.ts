/**
 * Newest first, whatever order a server answered in. CloudFront documents no order for
 * ListInvalidations (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html),
 * and emulators list oldest first; ties keep the server's order.
 */
export function newestFirst<T extends { createTime: Date }>(rows: readonly T[]): T[] {
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => b.row.createTime.getTime() - a.row.createTime.getTime() || a.index - b.index)
		.map(({ row }) => row);
}
