/** The `call_id` of a raw row when it is a string (for reports about rows that failed validation). */
export function callIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('call_id' in value)) return null;
  return typeof value.call_id === 'string' ? value.call_id : null;
}
