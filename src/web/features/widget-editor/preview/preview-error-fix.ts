import { DATA_WINDOW_MESSAGES } from '../../../../contract/effective-filters.ts';

/**
 * The fix to show beside a data error, for the messages the contract defines (D11) and the same rule
 * worded by another server: the 30-day window and the missing timestamp bound. Null when no specific
 * fix is known (the message is shown alone). Total.
 */
export function fixForDataError(message: string): string | null {
  const text = message.toLowerCase();
  if (
    message === DATA_WINDOW_MESSAGES.missingLowerBound ||
    /timestamp filter \(gt or gte\)|timestamp.*required/.test(text)
  ) {
    return 'Set a date range on the dashboard, or add a “Call time at least …” filter to this widget.';
  }
  if (
    message === DATA_WINDOW_MESSAGES.startTooOld ||
    message === DATA_WINDOW_MESSAGES.spanTooWide ||
    /30 days/.test(text)
  ) {
    return 'Set the dashboard range to at most 30 days (for example “Last 30 days”), and keep widget time filters within it.';
  }
  return null;
}
