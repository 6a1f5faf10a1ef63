/** One HTTP request a wire-format server received, kept for assertions. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  /** Query parameters, e.g. { alt: "sse" }. */
  query: Record<string, string>;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The JSON body, parsed; the raw text when it was not JSON; undefined when empty. */
  body: unknown;
}
