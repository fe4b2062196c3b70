import { describe, expect, it } from 'vitest';
import { createHostPolicy, normaliseHostname, parseAllowedHosts } from './host-policy.ts';

describe('normaliseHostname', () => {
  it.each([
    ['127.0.0.1:8787', '127.0.0.1'],
    ['LOCALHOST', 'localhost'],
    ['[::1]:8787', '::1'],
    ['[::1]', '::1'],
    ['::1', '::1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['studio.example.com.', 'studio.example.com'],
    ['studio.example.com:', 'studio.example.com'],
    ['  Studio.Example.com:443 ', 'studio.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHostname(input)).toBe(expected);
  });
});

describe('createHostPolicy', () => {
  const loopbackOnly = createHostPolicy();
  const behindProxy = createHostPolicy({ allowedHosts: ['studio.example.com'], ownAddresses: ['0.0.0.0'] });
  const onLan = createHostPolicy({ ownAddresses: ['127.0.0.1', '192.168.1.20', 'fe80::2'] });

  it.each([
    [loopbackOnly, 'localhost', true],
    [loopbackOnly, '127.0.0.1', true],
    [loopbackOnly, '127.9.9.9:1', true],
    [loopbackOnly, '[::1]:8787', true],
    [loopbackOnly, 'evil.example', false],
    [loopbackOnly, 'localhost.evil.example', false],
    [loopbackOnly, '127.0.0.1.evil.example', false],
    [loopbackOnly, '0.0.0.0', false],
    [loopbackOnly, '', false],
    [behindProxy, 'studio.example.com', true],
    [behindProxy, 'STUDIO.example.com:443', true],
    [behindProxy, 'other.example.com', false],
    [behindProxy, '0.0.0.0', false],
    [onLan, '192.168.1.20:8787', true],
    [onLan, '[fe80::2]:8787', true],
    [onLan, '192.168.1.21', false],
  ])('policy %#: %s → %s', (policy, host, expected) => {
    expect(policy(host)).toBe(expected);
  });

  it('allows every name only when told to with *', () => {
    expect(createHostPolicy({ allowedHosts: ['*'] })('anything.example')).toBe(true);
  });
});

describe('parseAllowedHosts', () => {
  it.each([
    [undefined, []],
    ['', []],
    [' a.example , b.example:8443,, ', ['a.example', 'b.example:8443']],
  ])('%s → %j', (raw, expected) => {
    expect(parseAllowedHosts(raw)).toEqual(expected);
  });
});
