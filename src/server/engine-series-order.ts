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

/** Index order of one part by (time, id): the identity when it already is (the usual case). */
function localOrder(part: SeriesPart): Int32Array | null {
  const n = part.times.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i += 1) ordered = isOrdered(part, i - 1, i);
  if (ordered) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    isOrdered(part, a, b) ? (isOrdered(part, b, a) ? 0 : -1) : 1,
  );
  return Int32Array.from(order);
}

/** A part in (time, id) order: itself when it already is. */
function ordered(part: SeriesPart): Series {
  const order = localOrder(part);
  if (!order) return part;
  const pick = (source: Float64Array) => Float64Array.from(order, (i) => source[i] ?? Number.NaN);
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
