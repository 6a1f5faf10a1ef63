import { describeProviderConformance } from '@executer/test-kit/providers';
import { createGeminiProviderModule } from './create-gemini-provider-module.js';

describeProviderConformance({
  provider: 'gemini',
  wire: 'gemini',
  module: (server, overrides) => createGeminiProviderModule({ baseUrl: server.url, ...overrides }),
  apiKeyVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
});
