import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Paginated } from '../../contract/paginated-schema.ts';
import { ApiError } from './api-error.ts';

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

/**
 * Reads `page` and `page_size` as DRF's PageNumberPagination does (D12): page_size defaults to 50 and
 * is capped at 200, a bad page_size falls back to the default; a page that is not a positive integer
 * (or lies past the end, see `pageEnvelope`) is 404 "Invalid page.".
 */
export function readPageRequest(url: URL): PageRequest {
  const rawSize = url.searchParams.get('page_size');
  const sizeNumber = rawSize !== null && /^\d{1,9}$/.test(rawSize) ? Number(rawSize) : NaN;
  const pageSize = sizeNumber > 0 ? Math.min(sizeNumber, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const rawPage = url.searchParams.get('page');
  let page = 1;
  if (rawPage !== null && rawPage !== '') {
    if (!/^\d{1,9}$/.test(rawPage) || Number(rawPage) < 1) throw invalidPage();
    page = Number(rawPage);
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function invalidPage(): ApiError {
  return new ApiError(404, { detail: 'Invalid page.' });
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url.toString());
  if (page <= 1) next.searchParams.delete('page');
  else next.searchParams.set('page', String(page));
  return next.toString();
}

/** Throws "Invalid page." when the page lies past the end (page 1 of nothing is fine). */
export function assertPageExists(request: PageRequest, count: number): void {
  if (request.page > 1 && request.offset >= count) throw invalidPage();
}

/** The DRF envelope with absolute next/previous URLs. */
export function pageEnvelope<T>(url: URL, request: PageRequest, count: number, results: T[]): Paginated<T> {
  assertPageExists(request, count);
  const hasNext = request.offset + request.pageSize < count;
  return {
    count,
    next: hasNext ? pageUrl(url, request.page + 1) : null,
    previous: request.page > 1 ? pageUrl(url, request.page - 1) : null,
    results,
  };
}
