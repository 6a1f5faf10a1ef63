export type { RecordedRequest } from './recorded-request.js';
export type {
  ScriptedFailure,
  ScriptedFault,
  ScriptedFinishReason,
  ScriptedReply,
  ScriptedReplyContext,
  ScriptedReplyFunction,
  ScriptedText,
} from './scripted-reply.js';
export type { ResolvedAnswer, WireFormat, WireRoute } from './wire-format.js';
export { startWireServer, type WireServer, type WireServerOptions } from './wire-server.js';
export { openAIWireFormat } from './openai-wire-format.js';
export { groqWireFormat } from './groq-wire-format.js';
export { geminiWireFormat } from './gemini-wire-format.js';
export { startOpenAICompatibleServer, type OpenAICompatibleServerOptions } from './start-openai-compatible-server.js';
export { startGroqServer, type GroqServerOptions } from './start-groq-server.js';
export { startGeminiServer, type GeminiServerOptions } from './start-gemini-server.js';
export { splitIntoChunks } from './split-into-chunks.js';
