import { buildRequestUrl, nextPagePath, originOf } from './request-url.ts';

test.each([
  ['', '/dashboards/dashboards/', undefined, '/dashboards/dashboards/'],
  [
    'https://api.cekura.ai',
    '/dashboards/dashboards/',
    { page: 2, project_id: null },
    'https://api.cekura.ai/dashboards/dashboards/?page=2',
  ],
  ['', '/x/?page=2', { page_size: 50 }, '/x/?page=2&page_size=50'],
  ['', '/x/?page=2', { page: 3 }, '/x/?page=3'],
  ['', '/x/', { agents: [1, 2] }, '/x/?agents=1&agents=2'],
  ['', '/x/', { filters: '{"a":1}' }, '/x/?filters=%7B%22a%22%3A1%7D'],
  ['http://h/api', '/x/', { ok: true }, 'http://h/api/x/?ok=true'],
])('buildRequestUrl(%j, %j, %j) = %j', (base, path, query, expected) => {
  expect(buildRequestUrl(base, path, query)).toBe(expected);
});

test.each([
  [
    'https://api.cekura.ai/dashboards/dashboards/?page=2',
    '',
    'http://127.0.0.1:8787',
    '/dashboards/dashboards/?page=2',
  ],
  [
    'https://evil.example/dashboards/dashboards/?page=2',
    'https://api.cekura.ai',
    null,
    '/dashboards/dashboards/?page=2',
  ],
  ['http://h/api/x/?page=2', 'http://h/api', null, '/x/?page=2'],
  ['/x/?page=3', '', 'http://127.0.0.1:8787', '/x/?page=3'],
])('nextPagePath(%j) on %j = %j', (next, base, page, expected) => {
  expect(nextPagePath(next, base, page)).toBe(expected);
});

test.each([
  ['', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ['', null, 'the embedded server'],
  ['https://api.cekura.ai/', null, 'https://api.cekura.ai'],
  ['not a url', null, 'not a url'],
])('originOf(%j, %j) = %j', (base, page, expected) => {
  expect(originOf(base, page)).toBe(expected);
});
