import { describeProviderConformance } from '@executer/test-kit/providers';
import { createGroqProviderModule } from './create-groq-provider-module.js';

describeProviderConformance({
  provider: 'groq',
  wire: 'groq',
  module: (server, overrides) => createGroqProviderModule({ baseUrl: server.url, ...overrides }),
  apiKeyVariables: ['GROQ_API_KEY'],
});
