import * as z from 'zod';

/** `{"type":"field","field":"agent.id"}`: one series per distinct value of the field (D1). */
export const FieldGroupBySchema = z.object({ type: z.literal('field'), field: z.string() });
/** `{"type":"bucket","interval":3600000}`: fixed time buckets in milliseconds (D2). */
export const BucketGroupBySchema = z.object({ type: z.literal('bucket'), interval: z.number() });
export const GroupBySchema = z.union([FieldGroupBySchema, BucketGroupBySchema]);
export type FieldGroupBy = z.infer<typeof FieldGroupBySchema>;
export type BucketGroupBy = z.infer<typeof BucketGroupBySchema>;
export type GroupBy = z.infer<typeof GroupBySchema>;

/**
 * `group_by` on the wire is "any JSON or null": reads tolerate anything (a real server may send a
 * shape we do not know), and `checkWidget` decides what a write may carry. `{}` means no grouping (D2).
 */
export const WireGroupBySchema = z.unknown();
