import {
  parseChartData,
  type ChartData,
  type LinePoint,
  type WidgetDataResponse,
} from '../../../contract/widget-data-schema.ts';

/**
 * True when `item` is what `LinePointSchema` accepts: a safe-integer `id`, a string `timestamp`, a
 * finite number or null `value`, and an optional string `group` (other keys are ignored, as Zod
 * strips them). A test holds this to the schema case by case.
 */
export function isLinePoint(item: Record<string, unknown>): item is LinePoint & Record<string, unknown> {
  const { id, timestamp, value, group } = item;
  return (
    typeof id === 'number' &&
    Number.isSafeInteger(id) &&
    typeof timestamp === 'string' &&
    (value === null || (typeof value === 'number' && Number.isFinite(value))) &&
    (group === undefined || typeof group === 'string')
  );
}

const cache = new WeakMap<WidgetDataResponse, ChartData>();

/**
 * The contract's `parseChartData`, with a one-pass fast path for per-call line points: the one shape
 * that arrives by the tens of thousands, and that Zod (without its JIT, which our CSP forbids) takes
 * 60–90 ms to check at 50,000 points. Anything the fast check does not accept goes through
 * `parseChartData`, so every message and edge case stays the contract's. Remembered per response
 * object (responses are immutable cache entries), so the chart and the editor's export read it once.
 */
export function readChartData(response: WidgetDataResponse): ChartData {
  const known = cache.get(response);
  if (known) return known;
  const data = readLinePoints(response.data) ?? parseChartData(response);
  cache.set(response, data);
  return data;
}

/** The line points of `data` when it is in the line shape and every item passes; else null. */
function readLinePoints(data: WidgetDataResponse['data']): ChartData | null {
  if (!Array.isArray(data)) return null;
  const first = data[0];
  // The same shape detection as parseChartData: buckets and slices are recognised first.
  if (first === undefined || 'time_interval' in first || 'label' in first || !('timestamp' in first)) {
    return null;
  }
  return data.every(isLinePoint) ? { kind: 'line', points: data } : null;
}
