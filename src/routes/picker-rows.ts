import type { DistributionEntry } from '$lib/config';
import { distributionHosts, distributionLabel } from '$lib/distributions/names';
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
			label: distributionLabel(d, labels.get(d.id)),
			hosts: distributionHosts(d)
		}));
	return configured.map((d) => ({ id: d.id, label: d.label, hosts: [] }));
}
