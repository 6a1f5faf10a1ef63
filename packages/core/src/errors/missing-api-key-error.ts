import { ExecuterError } from './executer-error.js';

/** A provider needs a key and none was given; raised before any request is made. */
export class MissingApiKeyError extends ExecuterError {
  override readonly name = 'MissingApiKeyError';
  readonly provider: string;
  readonly environmentVariables: readonly string[];

  constructor(provider: string, environmentVariables: readonly string[]) {
    super(
      'MISSING_API_KEY',
      `No API key for provider "${provider}": set ${environmentVariables.join(' or ')}, or pass apiKey (--api-key).`,
      { hint: `export ${environmentVariables[0] ?? 'THE_API_KEY'}=...` },
    );
    this.provider = provider;
    this.environmentVariables = environmentVariables;
  }
}
