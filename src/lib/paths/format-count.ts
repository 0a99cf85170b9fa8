/**
 * 12345 → "12,345". Number#toLocaleString goes through ICU and cost more than the whole parse of a
 * 100,000-line paste once messages counted thousands of siblings.
 */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
