import { type PythonToken, PythonTokenKind } from './python-token.js';

const backslash = 92;
const newline = 10;
const carriageReturn = 13;
const singleQuote = 39;
const doubleQuote = 34;
const braceOpen = 123;
const braceClose = 125;

const stringPrefixes = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const threeCharacterOperators = new Set(['**=', '//=', '>>=', '<<=', '...']);
const twoCharacterOperators = new Set([
  '**',
  '//',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '<>',
  '->',
  ':=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
]);
const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const identifierStart = /[\p{ID_Start}_]/u;
const identifierContinue = /[\p{ID_Continue}]/u;

/** Why `expression` stopped inside a replacement field. */
type ReplacementStop = 'end' | 'specification' | 'conversion' | 'input';

/**
 * Splits Python source into tokens without parsing it: names, numbers, operators, brackets (paired),
 * strings, and f-strings with the expressions of their replacement fields tokenized too (quotes
 * nested in 3.12 style are allowed). Never throws: malformed input still yields tokens (an
 * unterminated string ends at the end of its line, an unclosed bracket points at the end of its region).
 */
export function tokenizePython(code: string): PythonToken[] {
  return new PythonTokenizer(code).run();
}

class PythonTokenizer {
  private readonly tokens: PythonToken[] = [];
  /** Indices of the brackets waiting for their closer. */
  private readonly openers: number[] = [];
  private position = 0;

  constructor(private readonly code: string) {}

  run(): PythonToken[] {
    this.expression(0, false);
    const last = this.tokens.length - 1;
    this.abandonOpeners(0, last);
    if (last >= 0 && this.tokens[last]?.kind !== PythonTokenKind.Newline) {
      this.push(PythonTokenKind.Newline, this.code.length, this.code.length, '');
    }
    this.push(PythonTokenKind.End, this.code.length, this.code.length, '');
    return this.tokens;
  }

  private push(kind: PythonTokenKind, start: number, end: number, text: string): number {
    this.tokens.push({ kind, start, end, text, partner: -1 });
    return this.tokens.length - 1;
  }

  private pair(opener: number, closer: number) {
    (this.tokens[opener] as PythonToken).partner = closer;
    (this.tokens[closer] as PythonToken).partner = opener;
  }

  /** Points every bracket still open above `floor` at `last`: the region it was opened in has ended. */
  private abandonOpeners(floor: number, last: number) {
    while (this.openers.length > floor)
      (this.tokens[this.openers.pop() as number] as PythonToken).partner = last;
  }

  /**
   * Tokens until the end of input, or, inside a replacement field, until the `}`, `:` or `!` that
   * ends its expression at its own bracket depth (the position is left on that character).
   */
  private expression(floor: number, inReplacement: boolean): ReplacementStop {
    const code = this.code;
    const length = code.length;
    while (this.position < length) {
      const start = this.position;
      const character = code.charCodeAt(start);
      if (character === 32 || character === 9 || character === 12) {
        this.position += 1;
        continue;
      }
      if (character === newline || character === carriageReturn) {
        this.position += character === carriageReturn && code.charCodeAt(start + 1) === newline ? 2 : 1;
        const last = this.tokens[this.tokens.length - 1];
        if (!inReplacement && this.openers.length === 0 && last && last.kind !== PythonTokenKind.Newline) {
          this.push(PythonTokenKind.Newline, start, start, '');
        }
        continue;
      }
      if (character === 35) {
        while (this.position < length && !isLineBreak(code.charCodeAt(this.position))) this.position += 1;
        continue;
      }
      if (character === backslash && isLineBreak(code.charCodeAt(start + 1))) {
        this.position +=
          code.charCodeAt(start + 1) === carriageReturn && code.charCodeAt(start + 2) === newline ? 3 : 2;
        continue;
      }
      if (character === singleQuote || character === doubleQuote) {
        this.string(start, '');
        continue;
      }
      if (isDigit(character) || (character === 46 && isDigit(code.charCodeAt(start + 1)))) {
        this.number();
        continue;
      }
      if (isAsciiIdentifierStart(character) || character >= 128) {
        if (this.name()) continue;
      }
      const depth0 = this.openers.length === floor;
      if (inReplacement && depth0) {
        if (character === braceClose) return 'end';
        if (character === 58) return 'specification';
        if (character === 33 && code.charCodeAt(start + 1) !== 61) return 'conversion';
        // The self-documenting `=` of f"{name=}" is not an operator.
        if (character === 61 && code.charCodeAt(start + 1) !== 61) {
          this.position += 1;
          continue;
        }
      }
      this.operator(floor);
    }
    return 'input';
  }

  private operator(floor: number) {
    const code = this.code;
    const start = this.position;
    let text = code.slice(start, start + 3);
    if (!threeCharacterOperators.has(text)) {
      text = text.slice(0, 2);
      if (!twoCharacterOperators.has(text)) text = String.fromCodePoint(code.codePointAt(start) as number);
    }
    this.position += text.length;
    const index = this.push(PythonTokenKind.Operator, start, this.position, text);
    if (text === '(' || text === '[' || text === '{') this.openers.push(index);
    else if (closers[text] !== undefined && this.openers.length > floor) {
      // A mismatched closer still closes the innermost bracket: the check sees balanced input anyway.
      this.pair(this.openers.pop() as number, index);
    }
  }

  private number() {
    const code = this.code;
    const start = this.position;
    let position = start;
    const next = code.charCodeAt(start + 1) | 32;
    if (code.charCodeAt(start) === 48 && (next === 120 || next === 111 || next === 98)) {
      position += 2;
      while (isHexDigitOrUnderscore(code.charCodeAt(position))) position += 1;
    } else {
      while (isDigitOrUnderscore(code.charCodeAt(position))) position += 1;
      if (code.charCodeAt(position) === 46) {
        position += 1;
        while (isDigitOrUnderscore(code.charCodeAt(position))) position += 1;
      }
      if ((code.charCodeAt(position) | 32) === 101) {
        const sign = code.charCodeAt(position + 1);
        const digitAt = sign === 43 || sign === 45 ? position + 2 : position + 1;
        if (isDigit(code.charCodeAt(digitAt))) {
          position = digitAt;
          while (isDigitOrUnderscore(code.charCodeAt(position))) position += 1;
        }
      }
      if ((code.charCodeAt(position) | 32) === 106) position += 1;
    }
    this.position = position;
    this.push(PythonTokenKind.Number, start, position, code.slice(start, position));
  }

  /** A name, or a prefixed string. False when the character cannot start a name (the caller makes it an operator). */
  private name(): boolean {
    const code = this.code;
    const start = this.position;
    let position = start;
    let ascii = true;
    while (position < code.length) {
      const character = code.charCodeAt(position);
      if (isAsciiIdentifierStart(character) || isDigit(character)) {
        position += 1;
        continue;
      }
      if (character < 128) break;
      const point = String.fromCodePoint(code.codePointAt(position) as number);
      if (!(position === start ? identifierStart : identifierContinue).test(point)) break;
      ascii = false;
      position += point.length;
    }
    if (position === start) return false;
    const quote = code.charCodeAt(position);
    if (
      ascii &&
      position - start <= 2 &&
      (quote === singleQuote || quote === doubleQuote) &&
      stringPrefixes.has(code.slice(start, position).toLowerCase())
    ) {
      this.position = position;
      this.string(start, code.slice(start, position).toLowerCase());
      return true;
    }
    this.position = position;
    const text = code.slice(start, position);
    // Python compares identifiers after NFKC normalisation: `ｅｖａｌ` is `eval`.
    this.push(PythonTokenKind.Name, start, position, ascii ? text : text.normalize('NFKC'));
    return true;
  }

  /** A string literal whose opening quote is at `this.position`; `prefix` is lower-case. */
  private string(start: number, prefix: string) {
    const code = this.code;
    const quote = code.charCodeAt(this.position);
    const triple =
      code.charCodeAt(this.position + 1) === quote && code.charCodeAt(this.position + 2) === quote;
    this.position += triple ? 3 : 1;
    if (prefix.includes('f')) {
      this.formatString(start, quote, triple, prefix.includes('r'));
      return;
    }
    this.skipStringBody(quote, triple);
    this.push(PythonTokenKind.String, start, this.position, code.slice(start, this.position));
  }

  /** Moves past the rest of a plain string, closing quote included (or to its line's end if unterminated). */
  private skipStringBody(quote: number, triple: boolean) {
    const code = this.code;
    const length = code.length;
    let position = this.position;
    while (position < length) {
      const character = code.charCodeAt(position);
      if (character === backslash) {
        // Even a raw string cannot end on an escaped quote; an escaped line break continues the string.
        position +=
          code.charCodeAt(position + 1) === carriageReturn && code.charCodeAt(position + 2) === newline
            ? 3
            : 2;
        continue;
      }
      if (character === quote) {
        if (!triple) {
          position += 1;
          break;
        }
        if (code.charCodeAt(position + 1) === quote && code.charCodeAt(position + 2) === quote) {
          position += 3;
          break;
        }
      } else if (!triple && isLineBreak(character)) break;
      position += 1;
    }
    this.position = Math.min(position, length);
  }

  private formatString(start: number, quote: number, triple: boolean, raw: boolean) {
    const code = this.code;
    const length = code.length;
    const opener = this.push(
      PythonTokenKind.FormatStringStart,
      start,
      this.position,
      code.slice(start, this.position),
    );
    let closeStart = -1;
    while (this.position < length) {
      const position = this.position;
      const character = code.charCodeAt(position);
      if (character === backslash) {
        // `\N{DASH}` names a character: its braces are no replacement field.
        if (!raw && code.charCodeAt(position + 1) === 78 && code.charCodeAt(position + 2) === braceOpen) {
          let end = position + 3;
          while (
            end < length &&
            code.charCodeAt(end) !== braceClose &&
            !isQuoteOrLineBreak(code.charCodeAt(end))
          )
            end += 1;
          this.position = code.charCodeAt(end) === braceClose ? end + 1 : end;
        } else this.position += 2;
        continue;
      }
      if (character === quote) {
        if (!triple) {
          closeStart = position;
          this.position += 1;
          break;
        }
        if (code.charCodeAt(position + 1) === quote && code.charCodeAt(position + 2) === quote) {
          closeStart = position;
          this.position += 3;
          break;
        }
      } else if (!triple && isLineBreak(character)) break;
      if (character === braceOpen && code.charCodeAt(position + 1) !== braceOpen) {
        this.replacementField(quote, triple);
        continue;
      }
      this.position +=
        character === braceOpen || (character === braceClose && code.charCodeAt(position + 1) === braceClose)
          ? 2
          : 1;
    }
    this.position = Math.min(this.position, length);
    const closer = this.push(
      PythonTokenKind.FormatStringEnd,
      closeStart < 0 ? this.position : closeStart,
      this.position,
      '',
    );
    this.pair(opener, closer);
  }

  /** A replacement field whose `{` is at `this.position`: its expression, conversion and format specification. */
  private replacementField(quote: number, triple: boolean) {
    const code = this.code;
    const opener = this.push(PythonTokenKind.ReplacementStart, this.position, this.position + 1, '{');
    this.position += 1;
    const floor = this.openers.length;
    let stop = this.expression(floor, true);
    this.abandonOpeners(floor, this.tokens.length - 1);
    if (stop === 'conversion') {
      this.position += 1;
      while (this.position < code.length && isAsciiIdentifierStart(code.charCodeAt(this.position)))
        this.position += 1;
      const next = code.charCodeAt(this.position);
      stop = next === 58 ? 'specification' : next === braceClose ? 'end' : 'input';
    }
    if (stop === 'specification') {
      this.position += 1;
      stop = this.formatSpecification(quote, triple);
    }
    if (stop === 'end') {
      const closer = this.push(PythonTokenKind.ReplacementEnd, this.position, this.position + 1, '}');
      this.position += 1;
      this.pair(opener, closer);
    } else (this.tokens[opener] as PythonToken).partner = this.tokens.length - 1;
  }

  /** The text after `:` in a replacement field, with its nested replacement fields; stops on the closing `}`. */
  private formatSpecification(quote: number, triple: boolean): ReplacementStop {
    const code = this.code;
    while (this.position < code.length) {
      const position = this.position;
      const character = code.charCodeAt(position);
      if (character === braceClose) return 'end';
      if (character === braceOpen) {
        this.replacementField(quote, triple);
        continue;
      }
      // The f-string's own closing quote (or a line break in a one-line f-string) here means it is malformed.
      if (
        (character === quote &&
          (!triple ||
            (code.charCodeAt(position + 1) === quote && code.charCodeAt(position + 2) === quote))) ||
        (!triple && isLineBreak(character))
      )
        return 'input';
      this.position += character === backslash ? 2 : 1;
    }
    return 'input';
  }
}

function isLineBreak(character: number): boolean {
  return character === newline || character === carriageReturn;
}

function isQuoteOrLineBreak(character: number): boolean {
  return character === singleQuote || character === doubleQuote || isLineBreak(character);
}

function isDigit(character: number): boolean {
  return character >= 48 && character <= 57;
}

function isDigitOrUnderscore(character: number): boolean {
  return isDigit(character) || character === 95;
}

function isHexDigitOrUnderscore(character: number): boolean {
  const lower = character | 32;
  return isDigitOrUnderscore(character) || (lower >= 97 && lower <= 102);
}

function isAsciiIdentifierStart(character: number): boolean {
  const lower = character | 32;
  return (lower >= 97 && lower <= 122) || character === 95;
}
