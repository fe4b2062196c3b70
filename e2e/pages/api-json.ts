import { expect, type APIRequestContext } from '@playwright/test';
import type * as z from 'zod';
import {
  DashboardListSchema,
  DashboardSchema,
  type DashboardList,
} from '../../src/contract/dashboard-schema.ts';
import { MAX_PAGE_SIZE, paginated } from '../../src/contract/paginated-schema.ts';
import { E2E_API_KEY, E2E_BASE_URL } from '../../playwright.config.ts';

/**
 * One request to the embedded server's API with the e2e key, checked for success and parsed with its
 * contract schema. Tests set up and verify data through it; the page under test never uses it.
 */
export async function apiJson<T>(
  request: APIRequestContext,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`${E2E_BASE_URL}${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': E2E_API_KEY },
    data,
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return schema.parse(await response.json());
}

/**
 * Every dashboard with exactly this name, over all pages of the list: specs running beside this one
 * add dashboards meanwhile, so neither the first page nor the total count says what this test wrote.
 */
export async function dashboardsNamed(request: APIRequestContext, name: string) {
  const found: DashboardList[] = [];
  let path: string | null = `/dashboards/dashboards/?page_size=${MAX_PAGE_SIZE}`;
  while (path !== null) {
    const listed: { results: DashboardList[]; next: string | null } = await apiJson(
      request,
      'GET',
      path,
      paginated(DashboardListSchema),
    );
    found.push(...listed.results.filter((d) => d.name === name));
    const next = listed.next === null ? null : new URL(listed.next);
    path = next === null ? null : `${next.pathname}${next.search}`;
  }
  return found;
}

/** A private copy of the seeded "Support overview" dashboard, so that a test that writes disturbs no other. */
export async function copyOfSupportOverview(request: APIRequestContext, name: string) {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const sample = list.results.find((d) => d.name === 'Support overview');
  if (!sample) throw new Error('sample dashboard missing');
  return apiJson(request, 'POST', `/dashboards/dashboards/${sample.id}/duplicate/`, DashboardSchema, {
    name,
  });
}
