/** The kinds of token `tokenizePython` produces. F-strings are split so that the expressions in their
 * replacement fields are ordinary tokens between a ReplacementStart and a ReplacementEnd. */
export const PythonTokenKind = {
  Name: 1,
  Number: 2,
  /** A whole plain (non-f) string literal, prefix and quotes included. */
  String: 3,
  /** The prefix and opening quote of an f-string; its partner is the FormatStringEnd. */
  FormatStringStart: 4,
  /** The closing quote of an f-string (empty when the f-string is unterminated). */
  FormatStringEnd: 5,
  /** The `{` opening a replacement field; its partner is the ReplacementEnd. */
  ReplacementStart: 6,
  /** The `}` closing a replacement field. */
  ReplacementEnd: 7,
  Operator: 8,
  /** The end of a logical line (never inside brackets, never for blank or comment-only lines). */
  Newline: 9,
  /** Always the last token. */
  End: 10,
} as const;

export type PythonTokenKind = (typeof PythonTokenKind)[keyof typeof PythonTokenKind];

/** One token of Python source. Comments, whitespace and line continuations produce none. */
export interface PythonToken {
  kind: PythonTokenKind;
  /** Offset of the first character (UTF-16 units, like String.prototype.slice). */
  start: number;
  /** Offset after the last character. */
  end: number;
  /**
   * Names (NFKC-normalised, as Python compares identifiers), operators and brackets as written,
   * whole string literals, the prefix and quote of an f-string; empty for the other kinds.
   */
  text: string;
  /**
   * For an opening bracket, a ReplacementStart or a FormatStringStart, the index of the token that
   * closes it, and for those closers the index of their opener; -1 for every other token. An opener
   * left open (unbalanced input) points at the last token of the region it was left open in.
   */
  partner: number;
}
