import type { RecordedRequest } from './recorded-request.js';

/** Why the scripted answer stopped, in neutral words; each server spells it the vendor's way. */
export type ScriptedFinishReason = 'stop' | 'length' | 'content-filter';

/** A successful answer. A plain string is the same as `{ text }`. */
export interface ScriptedText {
  text: string;
  /** The model the server says answered; default the model asked for. */
  model?: string;
  finishReason?: ScriptedFinishReason;
  /** Token counts to report; default a rough count of characters / 4. */
  usage?: { inputTokens: number; outputTokens: number };
  /** Characters per streamed chunk (default 8), so a stream has several deltas. */
  chunkSize?: number;
  /** Pause before answering (and between streamed chunks), in milliseconds. */
  delayMs?: number;
}

/** An HTTP error, with the vendor's error body unless `body` replaces it. */
export interface ScriptedFailure {
  status: number;
  /** The error message in the vendor's body; default a vendor-like message for the status. */
  message?: string;
  /** A whole body to send instead of the vendor's error envelope. */
  body?: unknown;
  /** Extra response headers, e.g. { "retry-after": "2" }. */
  headers?: Record<string, string>;
}

/**
 * Misbehaviour: `hang` never answers (for aborts and timeouts), `reset` drops the connection,
 * `malformed` answers 200 with a body that is not the vendor's JSON, `empty` answers 200 with no
 * candidates/choices.
 */
export interface ScriptedFault {
  fault: 'hang' | 'reset' | 'malformed' | 'empty';
}

/** What a reply function sees: the request, and the prompt read out of it in the vendor's format. */
export interface ScriptedReplyContext {
  request: RecordedRequest;
  /** The system prompt (system/developer messages, or Gemini's systemInstruction). */
  system: string;
  /** The last user message's text. */
  user: string;
  /** The model asked for. */
  model: string;
  /** Whether the client asked for a stream. */
  stream: boolean;
  /** 0 for the first request the server answers, 1 for the next... */
  index: number;
}

/** A reply computed from the request, e.g. a program that echoes something from the prompt. */
export type ScriptedReplyFunction = (context: ScriptedReplyContext) => ScriptedReply;

/** One entry of a wire-format server's script. */
export type ScriptedReply = string | ScriptedText | ScriptedFailure | ScriptedFault | ScriptedReplyFunction;
