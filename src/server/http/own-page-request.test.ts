import { describe, expect, it } from 'vitest';
import { foreignRequestReason, requestFacts, type RequestFacts } from './own-page-request.ts';

const base: RequestFacts = {
  method: 'GET',
  host: '127.0.0.1:8787',
  origin: undefined,
  secFetchSite: undefined,
  contentType: undefined,
  hasBody: false,
};

describe('foreignRequestReason', () => {
  it.each<[string, Partial<RequestFacts>]>([
    ['a same-origin GET (no Origin)', { secFetchSite: 'same-origin' }],
    ['a typed address', { secFetchSite: 'none' }],
    ['a client that sends no browser headers', {}],
    [
      'a same-origin JSON POST',
      { method: 'POST', origin: 'http://127.0.0.1:8787', contentType: 'application/json', hasBody: true },
    ],
    [
      'JSON with a charset',
      { method: 'PATCH', contentType: 'application/json; charset=utf-8', hasBody: true },
    ],
    ['a vendor +json type', { method: 'PUT', contentType: 'application/merge-patch+json', hasBody: true }],
    ['a same-origin DELETE without a body', { method: 'DELETE', origin: 'http://127.0.0.1:8787' }],
    ['an https origin behind a proxy', { host: 'studio.example.com', origin: 'https://studio.example.com' }],
  ])('allows %s', (_label, facts) => {
    expect(foreignRequestReason({ ...base, ...facts })).toBeNull();
  });

  it.each<[string, Partial<RequestFacts>, RegExp]>([
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, /another site \(Sec-Fetch-Site: cross-site\)/],
    ['a same-site fetch (another port)', { secFetchSite: 'same-site' }, /same-site/],
    ['another origin', { origin: 'https://evil.example' }, /another origin \(https:\/\/evil\.example\)/],
    ['an opaque origin', { origin: 'null' }, /another origin \(null\)/],
    ['another port', { origin: 'http://127.0.0.1:1' }, /another origin/],
    ['a file: origin', { origin: 'file://' }, /another origin/],
    [
      'a form post',
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', hasBody: true },
      /not JSON \(Content-Type: application\/x-www-form-urlencoded\)/,
    ],
    [
      'a multipart post',
      { method: 'POST', contentType: 'multipart/form-data; boundary=x', hasBody: true },
      /not JSON/,
    ],
    ['a text/plain post', { method: 'POST', contentType: 'text/plain', hasBody: true }, /not JSON/],
    ['a body without a type', { method: 'POST', hasBody: true }, /no JSON content type/],
  ])('refuses %s', (_label, facts, reason) => {
    expect(foreignRequestReason({ ...base, ...facts })).toMatch(reason);
  });
});

describe('requestFacts', () => {
  it('reads a Fetch request: Host header first, body presence', () => {
    const request = new Request('http://localhost/x/', {
      method: 'POST',
      headers: {
        host: '127.0.0.1:8787',
        origin: 'http://127.0.0.1:8787',
        'content-type': 'text/plain',
        'content-length': '1',
      },
      body: 'x',
    });
    expect(requestFacts(request)).toEqual({
      method: 'POST',
      host: '127.0.0.1:8787',
      origin: 'http://127.0.0.1:8787',
      secFetchSite: undefined,
      contentType: 'text/plain',
      hasBody: true,
    });
    expect(requestFacts(new Request('http://localhost:9/x/')).host).toBe('localhost:9');
    expect(requestFacts(new Request('http://localhost:9/x/')).hasBody).toBe(false);
    const chunked = new Request('http://localhost/x/', { headers: { 'transfer-encoding': 'chunked' } });
    expect(requestFacts(chunked).hasBody).toBe(true);
  });
});
