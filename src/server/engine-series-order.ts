/** One partition's line rows as parallel arrays, as fetched (values: NaN for null). */
export interface SeriesPart {
  ids: Float64Array;
  times: Float64Array;
  values: Float64Array;
  groups: unknown[] | null;
}

/** A merged series: parallel arrays ordered by (time, id). */
export interface Series {
  ids: Float64Array;
  times: Float64Array;
  values: Float64Array;
  groups: unknown[] | null;
}

function isOrdered(part: SeriesPart, a: number, b: number): boolean {
  const ta = part.times[a] ?? 0;
  const tb = part.times[b] ?? 0;
  return ta < tb || (ta === tb && (part.ids[a] ?? 0) <= (part.ids[b] ?? 0));
}

function sortedOrder(part: SeriesPart): Int32Array {
  const order = Array.from({ length: part.times.length }, (_, i) => i).sort((a, b) =>
    isOrdered(part, a, b) ? (isOrdered(part, b, a) ? 0 : -1) : 1,
  );
  return Int32Array.from(order);
}

/**
 * Index order of one part by (time, id): null when it already is. Parts come from an index read in
 * time order, where calls of the same millisecond may be out of id order: only those runs of equal
 * times are sorted (a full sort of 100k+ indexes cost more than the query). Anything else out of
 * order falls back to a full sort, so the function stays total.
 */
function localOrder(part: SeriesPart): Int32Array | null {
  const { times, ids } = part;
  const n = times.length;
  let tiesOutOfOrder = false;
  for (let i = 1; i < n; i += 1) {
    const t = times[i] ?? Number.NaN;
    const previous = times[i - 1] ?? Number.NaN;
    if (!(t >= previous)) return sortedOrder(part);
    if (t === previous && (ids[i] ?? 0) < (ids[i - 1] ?? 0)) tiesOutOfOrder = true;
  }
  if (!tiesOutOfOrder) return null;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  let start = 0;
  for (let i = 1; i <= n; i += 1) {
    if (i < n && times[i] === times[start]) continue;
    if (i - start > 1) order.subarray(start, i).sort((a, b) => (ids[a] ?? 0) - (ids[b] ?? 0));
    start = i;
  }
  return order;
}

/** A part in (time, id) order: itself when it already is. */
function ordered(part: SeriesPart): Series {
  const order = localOrder(part);
  if (!order) return part;
  const pick = (source: Float64Array) => {
    // A plain loop: TypedArray.from with a mapping function is several times slower on 100k+ points.
    const out = new Float64Array(order.length);
    for (let k = 0; k < order.length; k += 1) out[k] = source[order[k] ?? 0] ?? Number.NaN;
    return out;
  };
  return {
    ids: pick(part.ids),
    times: pick(part.times),
    values: pick(part.values),
    groups: part.groups ? Array.from(order, (i) => part.groups?.[i] ?? null) : null,
  };
}

/** Two-way merge of series already in (time, id) order. */
function mergeTwo(a: Series, b: Series): Series {
  const na = a.times.length;
  const nb = b.times.length;
  const out: Series = {
    ids: new Float64Array(na + nb),
    times: new Float64Array(na + nb),
    values: new Float64Array(na + nb),
    groups: a.groups || b.groups ? new Array<unknown>(na + nb) : null,
  };
  const { ids: ai, times: at, values: av } = a;
  const { ids: bi, times: bt, values: bv } = b;
  let i = 0;
  let j = 0;
  for (let n = 0; n < na + nb; n += 1) {
    const ta = i < na ? (at[i] ?? 0) : Number.POSITIVE_INFINITY;
    const tb = j < nb ? (bt[j] ?? 0) : Number.POSITIVE_INFINITY;
    const takeA = j >= nb || (i < na && (ta < tb || (ta === tb && (ai[i] ?? 0) <= (bi[j] ?? 0))));
    if (takeA) {
      out.ids[n] = ai[i] ?? 0;
      out.times[n] = ta;
      out.values[n] = av[i] ?? Number.NaN;
      if (out.groups) out.groups[n] = a.groups?.[i] ?? null;
      i += 1;
    } else {
      out.ids[n] = bi[j] ?? 0;
      out.times[n] = tb;
      out.values[n] = bv[j] ?? Number.NaN;
      if (out.groups) out.groups[n] = b.groups?.[j] ?? null;
      j += 1;
    }
  }
  return out;
}

/**
 * Merges parts into one series ordered by (time, id). Each part is put in order first (a no-op when
 * it came from the index in time order without ties out of id order, the usual case), then the parts
 * are merged pairwise (there are a handful: one per project or metric). Pure.
 */
export function mergeSeriesParts(parts: readonly SeriesPart[]): Series {
  const empty: Series = {
    ids: new Float64Array(0),
    times: new Float64Array(0),
    values: new Float64Array(0),
    groups: null,
  };
  return parts
    .map(ordered)
    .reduce((merged, part) => (merged.times.length === 0 ? part : mergeTwo(merged, part)), empty);
}
