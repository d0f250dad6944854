import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, signature } from './webhooks.js';

describe('webhook targets', () => {
  it('counts loopback, private, link-local, CGNAT and unspecified addresses as private', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const a of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '::ffff:1.1.1.1',
    ])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('webhook signatures', () => {
  it('are the hex HMAC-SHA256 of the body under the secret', () => {
    const expected = createHmac('sha256', 'whsec_x').update('{"a":1}').digest('hex');
    expect(signature('whsec_x', '{"a":1}')).toBe(`sha256=${expected}`);
  });
});
