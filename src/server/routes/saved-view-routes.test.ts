import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SavedViewListSchema, SavedViewSchema, savedViewsPath } from '../../contract/saved-view-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 50, now: new Date('2026-08-20T12:00:00.000Z') });
});
afterAll(() => server.close());

const STATE = {
  variables: [{ field: 'metadata.region', values: ['emea', null] }],
  group_by: 'topic',
};

/** A dashboard of the second project: outside the scoped key, which sees the first project only. */
async function dashboardOfProject(index: number): Promise<number> {
  const project = server.projectIds[index] ?? 0;
  const created = await callApi(server, 'POST', '/dashboards/dashboards/', {
    body: { name: `Views ${index}`, project },
  });
  expect(created.status).toBe(201);
  return SavedViewSchema.pick({ id: true }).parse(created.body).id;
}

describe('/studio/dashboards/{id}/views/', () => {
  it('saves, lists by name and deletes the views of a dashboard', async () => {
    const id = await dashboardOfProject(0);
    const created = await callApi(server, 'POST', savedViewsPath(id), {
      body: { name: ' EMEA ', state: STATE },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const view = SavedViewSchema.parse(created.body);
    expect(view).toMatchObject({ dashboard: id, name: 'EMEA', state: STATE });
    await callApi(server, 'POST', savedViewsPath(id), {
      body: { name: 'all regions', state: { variables: [], group_by: null } },
    });
    const list = SavedViewListSchema.parse((await callApi(server, 'GET', savedViewsPath(id))).body);
    expect(list.results.map((v) => v.name)).toEqual(['all regions', 'EMEA']);
    expect((await callApi(server, 'DELETE', `${savedViewsPath(id)}${view.id}/`)).status).toBe(204);
    expect((await callApi(server, 'DELETE', `${savedViewsPath(id)}${view.id}/`)).status).toBe(404);
    const after = SavedViewListSchema.parse((await callApi(server, 'GET', savedViewsPath(id))).body);
    expect(after.results.map((v) => v.name)).toEqual(['all regions']);
  });

  it('tells only one of two racing writers of the same name that it succeeded', async () => {
    const id = await dashboardOfProject(0);
    const body = { name: 'Same', state: STATE };
    const answers = await Promise.all([
      callApi(server, 'POST', savedViewsPath(id), { body }),
      callApi(server, 'POST', savedViewsPath(id), { body }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect(answers.find((a) => a.status === 400)?.body).toEqual({
      name: ['This dashboard already has a view with this name.'],
    });
  });

  it.each([
    [{ state: STATE }, 'name'],
    [{ name: '   ', state: STATE }, 'name'],
    [{ name: 'x'.repeat(101), state: STATE }, 'name'],
    [{ name: 'v' }, 'state'],
    [{ name: 'v', state: { variables: [{ field: 'duration', values: [] }], group_by: null } }, 'state'],
    [{ name: 'v', state: { variables: [], group_by: 'customer_number' } }, 'state'],
    [
      {
        name: 'v',
        state: {
          variables: [
            { field: 'topic', values: [] },
            { field: 'topic', values: ['a'] },
          ],
          group_by: null,
        },
      },
      'state',
    ],
  ])('answers %o with a 400 naming %s, and saves nothing', async (body, key) => {
    const id = await dashboardOfProject(0);
    const result = await callApi(server, 'POST', savedViewsPath(id), { body });
    expect(result.status).toBe(400);
    expect(result.body).toHaveProperty(key);
    expect(
      SavedViewListSchema.parse((await callApi(server, 'GET', savedViewsPath(id))).body).results,
    ).toEqual([]);
  });

  it('is 404 for a dashboard outside the key, 404 for a missing one and 401 without a key', async () => {
    const foreign = await dashboardOfProject(1);
    const key = server.scopedApiKey;
    expect((await callApi(server, 'GET', savedViewsPath(foreign), { key })).status).toBe(404);
    expect(
      (await callApi(server, 'POST', savedViewsPath(foreign), { key, body: { name: 'x', state: STATE } }))
        .status,
    ).toBe(404);
    expect((await callApi(server, 'GET', savedViewsPath(999_999))).status).toBe(404);
    expect((await callApi(server, 'GET', savedViewsPath(foreign), { key: null })).status).toBe(401);
  });
});
