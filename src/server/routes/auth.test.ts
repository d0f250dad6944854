import { describe, expect, it } from 'vitest';
import { lockSeconds } from './auth.js';

describe('account lockout backoff', () => {
  it('does not lock before five failures, then doubles from 30 s up to an hour', () => {
    expect([0, 1, 4].map(lockSeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(lockSeconds)).toEqual([30, 60, 120, 240]);
    expect(lockSeconds(12)).toBe(3600);
    expect(lockSeconds(100)).toBe(3600);
  });
});
