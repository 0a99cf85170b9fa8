/**
 * Money as integer micro-dollars (1 USD = 1,000,000), so sums of $0.005 never drift the way
 * binary floats do (0.1 + 0.2). Every price from config.json is converted once, on the way in.
 */
import { formatCount } from '$lib/paths/format-count';
export type Micros = number;

export const MICROS_PER_USD = 1_000_000;

/**
 * A USD amount from config.json as micro-dollars, rounded to the nearest micro-dollar.
 * @example usdToMicros(0.005) // 5000
 */
export const usdToMicros = (usd: number): Micros => Math.round(usd * MICROS_PER_USD);

/**
 * Dollars for display: cents when the amount is whole cents, otherwise as many decimals as it
 * needs (up to six), so a single path at $0.005 is not shown as "$0.01".
 * @example formatUsd(1_200_000) // '$1.20'
 * @example formatUsd(5000) // '$0.005'
 */
export function formatUsd(micros: Micros): string {
	const sign = micros < 0 ? '-' : '';
	const abs = Math.abs(micros);
	const whole = Math.floor(abs / MICROS_PER_USD);
	const fraction = String(abs % MICROS_PER_USD).padStart(6, '0');
	const trimmed = fraction.replace(/0+$/, '');
	const decimals = trimmed.length <= 2 ? fraction.slice(0, 2) : trimmed;
	return `${sign}$${formatCount(whole)}.${decimals}`;
}
