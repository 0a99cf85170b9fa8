import type { DistributionEntry } from '$lib/config';
import type { DistributionSummary } from '$lib/distributions/types';

export interface PickerRow {
	id: string;
	label: string;
	hosts: string[];
}

/** The listed distributions (labelled from the config when it names them), else the config's list. */
export function pickerRows(
	listed: DistributionSummary[] | null,
	configured: DistributionEntry[]
): PickerRow[] {
	const labels = new Map(configured.map((d) => [d.id, d.label]));
	if (listed)
		return listed.map((d) => ({
			id: d.id,
			label: labels.get(d.id) ?? (d.comment || d.aliases[0] || d.domainName || d.id),
			hosts: [...d.aliases, d.domainName].filter(Boolean)
		}));
	return configured.map((d) => ({ id: d.id, label: d.label, hosts: [] }));
}
