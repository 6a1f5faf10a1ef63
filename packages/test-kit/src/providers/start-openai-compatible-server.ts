import { openAIWireFormat } from './openai-wire-format.js';
import type { ScriptedReply } from './scripted-reply.js';
import { startWireServer, type WireServer, type WireServerOptions } from './wire-server.js';

export interface OpenAICompatibleServerOptions extends Omit<WireServerOptions, 'replies'> {
  /** Scripted answers, in order: text (e.g. a fenced Python block), errors, faults, or functions of the request. */
  answers?: ScriptedReply[];
}

/**
 * Starts a local server speaking OpenAI chat completions (JSON and SSE). `url` is the base URL
 * ending in /v1, ready for the openai SDK's `baseURL`, `--base-url`, or Ollama-style settings.
 *
 * @example
 * const server = await startOpenAICompatibleServer({ answers: ['```python\nprint(1)\n```'] });
 * // ... run against server.url, then inspect server.requests
 * await server.close();
 */
export function startOpenAICompatibleServer(
  options: OpenAICompatibleServerOptions = {},
): Promise<WireServer> {
  const { answers, ...rest } = options;
  return startWireServer(openAIWireFormat, { ...rest, replies: answers ?? [] }, '/v1');
}
