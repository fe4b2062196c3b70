import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableRequest,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
} from './retry-policy.ts';

const policy = DEFAULT_RETRY_POLICY;
const now = new Date('2026-11-28T12:00:00Z');

test.each([
  ['GET', {}, false, true],
  ['get', {}, false, true],
  ['HEAD', {}, false, true],
  ['POST', {}, false, false],
  ['PATCH', {}, false, false],
  ['DELETE', {}, false, false],
  ['PATCH', { 'If-Match': '"abc"' }, false, true],
  ['PUT', { 'if-match': '"abc"' }, false, true],
  ['POST', {}, true, true],
])('isRetryableRequest(%s, %j, idempotent=%s) = %s', (method, headers, idempotent, expected) => {
  expect(isRetryableRequest(method, headers, idempotent)).toBe(expected);
});

test.each([
  [400, false],
  [401, false],
  [403, false],
  [404, false],
  [408, true],
  [409, false],
  [412, false],
  [429, true],
  [500, true],
  [501, false],
  [502, true],
  [503, true],
  [504, false],
])('isRetryableStatus(%i) = %s', (status, expected) => {
  expect(isRetryableStatus(status)).toBe(expected);
});

test.each([
  [null, null],
  ['', null],
  ['3', 3000],
  ['0', 0],
  ['1.5', 1500],
  ['-2', null],
  ['soon', null],
  ['Sat, 28 Nov 2026 12:00:05 GMT', 5000],
  ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
])('parseRetryAfter(%j) = %j', (value, expected) => {
  expect(parseRetryAfter(value, now)).toBe(expected);
});

test.each([
  [0, 0, 200],
  [0, 0.999999, 400],
  [1, 0, 400],
  [2, 0.5, 1200],
  [10, 0, 4000],
  [10, 0.999999, 8000],
])('backoffDelay(retry %i, random %f) = %i', (retry, random, expected) => {
  expect(backoffDelay(retry, policy, random)).toBe(expected);
});

test.each([
  [0, null, 0, 200],
  [2, null, 0, 800],
  [3, null, 0, null],
  [0, 2000, 0, 2000],
  [0, 0, 0.9, 0],
  [0, 31_000, 0, null],
  [3, 1000, 0, null],
])('nextRetryDelay(retry %i, retryAfter %j) = %j', (retry, retryAfter, random, expected) => {
  expect(nextRetryDelay(retry, retryAfter, policy, random)).toBe(expected);
});
