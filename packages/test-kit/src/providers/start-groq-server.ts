import { groqWireFormat } from './groq-wire-format.js';
import type { ScriptedReply } from './scripted-reply.js';
import { startWireServer, type WireServer, type WireServerOptions } from './wire-server.js';

export interface GroqServerOptions extends Omit<WireServerOptions, 'replies'> {
  answers?: ScriptedReply[];
}

/** Starts a local server speaking Groq's API; `url` is the origin, as groq-sdk's `baseURL` expects. */
export function startGroqServer(options: GroqServerOptions = {}): Promise<WireServer> {
  const { answers, ...rest } = options;
  return startWireServer(groqWireFormat, { ...rest, replies: answers ?? [] });
}
