import { geminiWireFormat } from './gemini-wire-format.js';
import type { ScriptedReply } from './scripted-reply.js';
import { startWireServer, type WireServer, type WireServerOptions } from './wire-server.js';

export interface GeminiServerOptions extends Omit<WireServerOptions, 'replies'> {
  answers?: ScriptedReply[];
}

/** Starts a local server speaking the Gemini API; `url` is the origin, for @google/genai's `httpOptions.baseUrl`. */
export function startGeminiServer(options: GeminiServerOptions = {}): Promise<WireServer> {
  const { answers, ...rest } = options;
  return startWireServer(geminiWireFormat, { ...rest, replies: answers ?? [] });
}
