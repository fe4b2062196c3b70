import * as z from 'zod';

export const CHART_TYPES = ['line', 'bar', 'pie', 'stat'] as const;
export const ChartTypeSchema = z.enum(CHART_TYPES);
export type ChartType = z.infer<typeof ChartTypeSchema>;

export const AGGREGATION_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99'] as const;
export const AggregationFunctionSchema = z.enum(AGGREGATION_FUNCTIONS);
export type AggregationFunction = z.infer<typeof AggregationFunctionSchema>;

export const TIME_PERIODS = ['hour', 'day', 'week', 'month'] as const;
export const TimePeriodSchema = z.enum(TIME_PERIODS);
export type TimePeriod = z.infer<typeof TimePeriodSchema>;

export const DATA_TYPES = ['numeric', 'boolean', 'string', 'datetime', 'dynamic'] as const;
export const DataTypeSchema = z.enum(DATA_TYPES);
export type DataType = z.infer<typeof DataTypeSchema>;

export const EVAL_TYPES = ['binary', 'continuous_qualitative', 'numeric', 'enum'] as const;
export const EvalTypeSchema = z.enum(EVAL_TYPES);
export type EvalType = z.infer<typeof EvalTypeSchema>;

/** Human labels, as the OpenAPI enum descriptions word them. */
export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  line: 'Line',
  bar: 'Bar',
  pie: 'Pie',
  stat: 'Stat',
};
export const AGGREGATION_LABELS: Record<AggregationFunction, string> = {
  count: 'Count',
  sum: 'Sum',
  avg: 'Average',
  min: 'Minimum',
  max: 'Maximum',
  p50: '50th Percentile (Median)',
  p95: '95th Percentile',
  p99: '99th Percentile',
};
export const TIME_PERIOD_LABELS: Record<TimePeriod, string> = {
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
};
export const DATA_TYPE_LABELS: Record<DataType, string> = {
  numeric: 'Numeric',
  boolean: 'Boolean',
  string: 'String',
  datetime: 'DateTime',
  dynamic: 'Dynamic',
};
