import { describe, expect, it } from 'vitest';
import { providerErrorKindForStatus } from './provider-error-kind-for-status.js';

describe('providerErrorKindForStatus', () => {
  it('maps statuses to kinds', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503].map(providerErrorKindForStatus)).toEqual([
      'bad-request',
      'auth',
      'auth',
      'bad-request',
      'timeout',
      'unavailable',
      'bad-request',
      'rate-limit',
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });
});
