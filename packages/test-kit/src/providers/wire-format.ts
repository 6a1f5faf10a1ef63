import type { RecordedRequest } from './recorded-request.js';
import type { ScriptedFinishReason } from './scripted-reply.js';

/** A successful scripted answer with every default filled in. */
export interface ResolvedAnswer {
  text: string;
  model: string;
  finishReason: ScriptedFinishReason;
  usage: { inputTokens: number; outputTokens: number };
  /** The text cut into the pieces a stream sends. */
  chunks: string[];
  /** A stable id for this response, e.g. "chatcmpl-3". */
  id: string;
  /** Unix seconds. */
  created: number;
}

/** What a completion request asks for. */
export interface WireRoute {
  stream: boolean;
  model: string;
}

/** How one vendor spells requests, answers, streams and errors. The server engine does the rest. */
export interface WireFormat {
  readonly vendor: string;
  /** Recognises a completion request; undefined for any other path (answered 404). */
  route(request: RecordedRequest): WireRoute | undefined;
  /** Reads the system prompt and the last user message out of a request body. */
  prompt(body: unknown): { system: string; user: string };
  /** The JSON body of a non-streamed answer. */
  completion(answer: ResolvedAnswer, request: RecordedRequest): unknown;
  /** The `data:` payloads of a streamed answer, in order (objects are sent as JSON). */
  streamEvents(answer: ResolvedAnswer, request: RecordedRequest): unknown[];
  /** A 200 answer with no text at all (no choices or candidates). */
  emptyCompletion(model: string): unknown;
  /** The vendor's error envelope. */
  errorBody(status: number, message: string): unknown;
  /** A vendor-like message for an error status, when the script gives none. */
  defaultErrorMessage(status: number): string;
  /** The blank line between SSE events ("\n\n", or "\r\n\r\n" as Google sends). */
  readonly eventSeparator: string;
}
