/** IMR-YYYY-NNNNNN: the year the request was filed and its place in that year's sequence. */
export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`No reference number ${sequence} in a year`);
  return `IMR-${year}-${String(sequence).padStart(6, "0")}`;
}

export const REFERENCE_PATTERN = /^IMR-\d{4}-\d{6}$/;
