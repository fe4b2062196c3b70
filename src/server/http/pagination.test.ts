import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { pageEnvelope, readPageRequest } from './pagination.ts';

const url = (query: string) => new URL(`http://h/list/${query}`);

describe('readPageRequest', () => {
  it.each([
    ['', { page: 1, pageSize: 50, offset: 0 }],
    ['?page=3&page_size=10', { page: 3, pageSize: 10, offset: 20 }],
    ['?page_size=500', { page: 1, pageSize: 200, offset: 0 }],
    ['?page_size=0', { page: 1, pageSize: 50, offset: 0 }],
    ['?page_size=abc', { page: 1, pageSize: 50, offset: 0 }],
    ['?page=', { page: 1, pageSize: 50, offset: 0 }],
  ])('%s', (query, expected) => {
    expect(readPageRequest(url(query))).toEqual(expected);
  });

  it.each(['?page=0', '?page=-1', '?page=x', '?page=1.5'])('%s is an invalid page', (query) => {
    expect(() => readPageRequest(url(query))).toThrow(ApiError);
  });
});

describe('pageEnvelope', () => {
  it('links neighbours with absolute URLs, dropping page=1', () => {
    const request = readPageRequest(url('?page=2&page_size=1&x=y'));
    expect(pageEnvelope(url('?page=2&page_size=1&x=y'), request, 3, ['b'])).toEqual({
      count: 3,
      next: 'http://h/list/?page=3&page_size=1&x=y',
      previous: 'http://h/list/?page_size=1&x=y',
      results: ['b'],
    });
  });

  it('allows an empty first page and refuses pages past the end', () => {
    expect(pageEnvelope(url(''), readPageRequest(url('')), 0, [])).toEqual({
      count: 0,
      next: null,
      previous: null,
      results: [],
    });
    expect(() => pageEnvelope(url('?page=2'), readPageRequest(url('?page=2')), 50, [])).toThrow(
      'Invalid page.',
    );
  });
});
