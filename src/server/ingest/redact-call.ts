import type { IngestCall } from '../../contract/call-log-input-schema.ts';

/** "+14155550123" → "********0123": only the last four characters stay readable. */
export function maskCustomerNumber(value: string): string {
  return value.length <= 4 ? value : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/**
 * The call as `--redact` stores it: the customer number masked to its last four digits. Transcripts
 * and recording URLs never reach storage in any mode (the store has no place for them and no chart
 * reads them), so there is nothing else to drop here.
 */
export function redactCall(call: IngestCall): IngestCall {
  return call.customerNumber === null
    ? call
    : { ...call, customerNumber: maskCustomerNumber(call.customerNumber) };
}
