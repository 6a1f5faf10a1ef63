import type { ProviderError } from '@executer/core';
import {
  describeProviderConformance,
  type ScriptedReply,
  startGeminiServer,
  type WireServer,
} from '@executer/test-kit/providers';
import { afterEach, describe, expect, it } from 'vitest';
import { createGeminiProviderModule } from './create-gemini-provider-module.js';
import { GeminiProvider } from './gemini-provider.js';

describeProviderConformance({
  provider: 'gemini',
  wire: 'gemini',
  module: (server, overrides) => createGeminiProviderModule({ baseUrl: server.url, ...overrides }),
  apiKeyVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
});

describe('gemini specifics, through the real SDK', () => {
  const servers: WireServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const provider = async (...answers: ScriptedReply[]) => {
    const server = await startGeminiServer({ answers });
    servers.push(server);
    return new GeminiProvider({
      apiKey: 'AIza-test-key',
      baseUrl: server.url,
      apiVersion: 'v1beta',
      defaultModel: 'gemini-3-flash-preview',
      headers: {},
      timeoutMs: 5000,
    });
  };
  const request = { system: 's', user: 'u', model: 'gemini-3-flash-preview', temperature: 0.2 };

  it('treats the 400 Gemini sends for an invalid key as an auth error', async () => {
    const gemini = await provider({
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
            },
          ],
        },
      },
    });
    const error = await gemini.generate(request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'auth', statusCode: 400, isRetryable: false });
    expect((error as ProviderError).message).toContain('API key not valid');
    expect((error as ProviderError).hint).toContain('GEMINI_API_KEY');
  });

  it("reads a 429's google.rpc.RetryInfo delay when there is no Retry-After header", async () => {
    const gemini = await provider({
      status: 429,
      body: {
        error: {
          code: 429,
          message: 'You exceeded your current quota.',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' }],
        },
      },
    });
    expect(await gemini.generate(request).catch((caught: unknown) => caught)).toMatchObject({
      kind: 'rate-limit',
      retryAfterMs: 17_000,
    });
  });

  it('maps a server that is not listening to a retryable unavailable error naming the base URL', async () => {
    const server = await startGeminiServer();
    await server.close();
    const gemini = new GeminiProvider({
      apiKey: 'k',
      baseUrl: server.url,
      apiVersion: 'v1beta',
      defaultModel: 'm',
      headers: {},
      timeoutMs: 5000,
    });
    const error = await gemini.generate(request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unavailable', isRetryable: true });
    expect((error as ProviderError).message).toContain(server.url);
  });
});
