import { describeProviderConformance } from '@executer/test-kit/providers';
import { expect } from 'vitest';
import { createOpenAIProviderModule } from './create-openai-provider-module.js';

describeProviderConformance({
  provider: 'openai',
  wire: 'openai',
  module: (server, overrides) => createOpenAIProviderModule({ baseUrl: server.url, ...overrides }),
  apiKeyVariables: ['OPENAI_API_KEY'],
});

describeProviderConformance({
  provider: 'openrouter',
  wire: 'openai',
  module: (server, overrides) => createOpenAIProviderModule({ baseUrl: server.url, ...overrides }),
  options: () => ({
    providers: { openrouter: { app_url: 'https://example.org/my-app', app_name: 'My App' } },
  }),
  apiKeyVariables: ['OPENROUTER_API_KEY'],
  assertRequest: (request) => {
    expect(request.headers['http-referer']).toBe('https://example.org/my-app');
    expect(request.headers['x-title']).toBe('My App');
  },
});

// The local-server case: base URL from configuration (--base-url), exactly as a user sets it.
describeProviderConformance({
  provider: 'openai-compatible',
  wire: 'openai',
  module: (_server, overrides) => createOpenAIProviderModule(overrides),
  options: (server) => ({ baseUrl: server.url }),
});
