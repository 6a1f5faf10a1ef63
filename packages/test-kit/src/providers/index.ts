export {
  type ConformanceWire,
  describeProviderConformance,
  type ProviderConformanceSubject,
} from './describe-provider-conformance.js';
export { geminiWireFormat } from './gemini-wire-format.js';
export { groqWireFormat } from './groq-wire-format.js';
export { openAIWireFormat } from './openai-wire-format.js';
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
export { splitIntoChunks } from './split-into-chunks.js';
export { type GeminiServerOptions, startGeminiServer } from './start-gemini-server.js';
export { type GroqServerOptions, startGroqServer } from './start-groq-server.js';
export {
  type OpenAICompatibleServerOptions,
  startOpenAICompatibleServer,
} from './start-openai-compatible-server.js';
export type { ResolvedAnswer, WireFormat, WireRoute } from './wire-format.js';
export { startWireServer, type WireServer, type WireServerOptions } from './wire-server.js';
