import { describe, expect, it } from 'vitest';
import { type PythonToken, PythonTokenKind } from './python-token.js';
import { tokenizePython } from './python-tokens.js';

const kindNames = Object.fromEntries(Object.entries(PythonTokenKind).map(([name, kind]) => [kind, name]));

/** Each token as `Kind:text` (`Kind` alone when the text is empty), End left out. */
function describeTokens(code: string): string[] {
  return tokenizePython(code)
    .filter((token) => token.kind !== PythonTokenKind.End)
    .map((token) => (token.text ? `${kindNames[token.kind]}:${token.text}` : `${kindNames[token.kind]}`));
}

function textsOf(code: string, kind: PythonToken['kind']): string[] {
  return tokenizePython(code)
    .filter((token) => token.kind === kind)
    .map((token) => token.text);
}

describe('tokenizePython', () => {
  it('splits a statement into names, operators and numbers, and ends with Newline and End', () => {
    expect(describeTokens('total = price * 2')).toEqual([
      'Name:total',
      'Operator:=',
      'Name:price',
      'Operator:*',
      'Number:2',
      'Newline',
    ]);
    const tokens = tokenizePython('x');
    expect(tokens.at(-1)?.kind).toBe(PythonTokenKind.End);
    expect(tokenizePython('')).toEqual([
      { kind: PythonTokenKind.End, start: 0, end: 0, text: '', partner: -1 },
    ]);
  });

  it('gives offsets as String.prototype.slice counts them', () => {
    const code = 'é = "ü"\nprint(é)';
    for (const token of tokenizePython(code)) {
      if (token.kind === PythonTokenKind.Name || token.kind === PythonTokenKind.String)
        expect(code.slice(token.start, token.end)).toBe(token.text);
    }
  });

  it('reads non-ASCII identifiers and normalises them with NFKC as Python does', () => {
    expect(textsOf('naïve = 1; 名前 = naïve; 𝔘 = 2', PythonTokenKind.Name)).toEqual([
      'naïve',
      '名前',
      'naïve',
      'U',
    ]);
    expect(textsOf('ｅｖａｌ("1")', PythonTokenKind.Name)).toEqual(['eval']);
    // A character that cannot be in a name is an (invalid) operator, not part of a name.
    expect(describeTokens('a→b')).toEqual(['Name:a', 'Operator:→', 'Name:b', 'Newline']);
  });

  it('reads every number form', () => {
    expect(
      textsOf('1 1_000 0x_ff 0o17 0b1010 1.5 .5 1. 1e-3 1.5E+10 3j 2.5J 1_0.0_1e1_0', PythonTokenKind.Number),
    ).toEqual([
      '1',
      '1_000',
      '0x_ff',
      '0o17',
      '0b1010',
      '1.5',
      '.5',
      '1.',
      '1e-3',
      '1.5E+10',
      '3j',
      '2.5J',
      '1_0.0_1e1_0',
    ]);
    // `1if` is a number then a keyword; `x.real` after a number needs a space in Python.
    expect(describeTokens('1if x else 2')).toEqual([
      'Number:1',
      'Name:if',
      'Name:x',
      'Name:else',
      'Number:2',
      'Newline',
    ]);
  });

  it('takes the longest operator', () => {
    expect(textsOf('a **= b // c >> d != e -> f := g ... h @= i <= j', PythonTokenKind.Operator)).toEqual([
      '**=',
      '//',
      '>>',
      '!=',
      '->',
      ':=',
      '...',
      '@=',
      '<=',
    ]);
    expect(textsOf('x[...]', PythonTokenKind.Operator)).toEqual(['[', '...', ']']);
  });

  it('skips comments, blank lines and line continuations; ends logical lines only outside brackets', () => {
    expect(
      describeTokens('# head\n\nx = (1,  # one\n     2)\n   \n# tail\ny = 1 + \\\n    2\r\nz = 3\r'),
    ).toEqual([
      'Name:x',
      'Operator:=',
      'Operator:(',
      'Number:1',
      'Operator:,',
      'Number:2',
      'Operator:)',
      'Newline',
      'Name:y',
      'Operator:=',
      'Number:1',
      'Operator:+',
      'Number:2',
      'Newline',
      'Name:z',
      'Operator:=',
      'Number:3',
      'Newline',
    ]);
    expect(describeTokens('print("# not a comment")  # a comment with "quotes" and (')).toEqual([
      'Name:print',
      'Operator:(',
      'String:"# not a comment"',
      'Operator:)',
      'Newline',
    ]);
  });

  it('pairs brackets through their partner index', () => {
    const tokens = tokenizePython('f(a[1], {2: (3)})');
    const pairs = tokens
      .map((token, index) => [index, token] as const)
      .filter(([index, token]) => token.partner > index)
      .map(([index, token]) => `${token.text}${index}-${tokens[token.partner]?.text}${token.partner}`);
    expect(pairs).toEqual(['(1-)14', '[3-]5', '{7-}13', '(10-)12']);
    // Unbalanced input still pairs what it can and points the rest at the end of the region.
    const unclosed = tokenizePython('f(a, [b');
    expect(unclosed[1]?.partner).toBe(5);
    expect(tokenizePython('a)')[1]?.partner).toBe(-1);
  });

  it.each([
    [`'single'`],
    [`"double"`],
    [`'''triple\n'single' "double"\n'''`],
    [`"""triple "double" \\""" quote"""`],
    [`'it\\'s'`],
    [`"a \\\\"`],
    [`r"\\d+\\""`],
    [`b'\\x00'`],
    [`u"text"`],
    [`R'raw'`],
    [`Rb"raw bytes"`],
    [`bR'raw bytes'`],
    [`rb'x'`],
    [`BR"x"`],
    [`''`],
    [`""""""`],
    [`"line\\\ncontinued"`],
  ])('reads the string %s as one token', (literal) => {
    expect(describeTokens(`x = ${literal}`)).toEqual([
      'Name:x',
      'Operator:=',
      `String:${literal}`,
      'Newline',
    ]);
  });

  it('does not take a name ending in a prefix letter, or an unknown prefix, for a string prefix', () => {
    expect(describeTokens('bar"x" ub"y"')).toEqual([
      'Name:bar',
      'String:"x"',
      'Name:ub',
      'String:"y"',
      'Newline',
    ]);
  });

  it('ends an unterminated one-line string at its line end and keeps going', () => {
    expect(describeTokens('x = "abc\ny = 1')).toEqual([
      'Name:x',
      'Operator:=',
      'String:"abc',
      'Newline',
      'Name:y',
      'Operator:=',
      'Number:1',
      'Newline',
    ]);
    expect(describeTokens("'''never closed")).toEqual(["String:'''never closed", 'Newline']);
  });

  it('tokenizes the expressions inside f-string replacement fields', () => {
    expect(describeTokens(`f"{__import__('os').system('x')}"`)).toEqual([
      'FormatStringStart:f"',
      'ReplacementStart:{',
      'Name:__import__',
      'Operator:(',
      "String:'os'",
      'Operator:)',
      'Operator:.',
      'Name:system',
      'Operator:(',
      "String:'x'",
      'Operator:)',
      'ReplacementEnd:}',
      'FormatStringEnd',
      'Newline',
    ]);
  });

  it.each([
    ['every f-string prefix', `F'{a}' rf"{a}" fR'{a}' Rf"""{a}"""`, ['a', 'a', 'a', 'a']],
    ['doubled braces as text', `f"{{x}} {y} }}"`, ['y']],
    ['a conversion and a format specification', `f"{a!r:>10} {b!s}"`, ['a', 'b']],
    [
      'nested replacement fields in the specification',
      `f"{value:{width}.{precision}f}"`,
      ['value', 'width', 'precision'],
    ],
    ['a self-documenting expression', `f"{total=} {count = !r}"`, ['total', 'count']],
    ['a comparison, not a conversion', `f"{a != b}"`, ['a', 'b']],
    ['a subscript slice, not a specification', `f"{items[1:2]} {d['k']:>5}"`, ['items', 'd']],
    ['quotes nested in 3.12 style', `f"{names["first"]} {f"{inner}"}"`, ['names', 'inner']],
    ['a dict and a call', `f"{ {'a': 1}['a'] } {fn(x, y=2)}"`, ['fn', 'x', 'y']],
    ['a fill character that is a quote', `f"{x:'^10}"`, ['x']],
    ['a named character escape', `f"\\N{BULLET} {x}"`, ['x']],
    ['a triple-quoted f-string over lines', `f"""\n{a +\n b}\n"""`, ['a', 'b']],
    ['a raw f-string with backslashes', `rf"\\d{n}\\{{"`, ['n']],
  ])('handles %s', (_name, code, names) => {
    expect(textsOf(code, PythonTokenKind.Name)).toEqual(names);
  });

  it('pairs f-strings with their end and replacement fields with their `}`', () => {
    const tokens = tokenizePython('f"a{b:{c}}d" + 1');
    const [start, replacement, name, nested] = tokens;
    expect(start?.kind).toBe(PythonTokenKind.FormatStringStart);
    expect(tokens[start?.partner ?? -1]?.kind).toBe(PythonTokenKind.FormatStringEnd);
    expect(tokens[replacement?.partner ?? -1]).toMatchObject({
      kind: PythonTokenKind.ReplacementEnd,
      start: 9,
    });
    expect(name?.text).toBe('b');
    expect(tokens[nested?.partner ?? -1]).toMatchObject({ kind: PythonTokenKind.ReplacementEnd, start: 8 });
    expect(tokens[(start?.partner ?? 0) + 1]?.text).toBe('+');
  });

  it('survives malformed f-strings without looping or throwing', () => {
    for (const code of [
      'f"{',
      'f"{x',
      'f"{x!',
      'f"{x:',
      'f"{x:{y',
      'f"{(}"',
      'f"{)}"',
      'f"\\N{',
      "f'''{x",
      'f"}"',
    ])
      expect(tokenizePython(code).at(-1)?.kind, code).toBe(PythonTokenKind.End);
  });
});
