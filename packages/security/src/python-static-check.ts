import type { StaticCheckResult, Violation } from '@executer/core';
import { findCertainSyntaxError } from './certain-syntax-error.js';
import {
  dunderRule,
  forbiddenBareNameRule,
  forbiddenImportRule,
  forbiddenNameRule,
  introspectionRule,
  methodRule,
  type StaticRule,
} from './python-static-rules.js';
import { type PythonToken, PythonTokenKind } from './python-token.js';
import { tokenizePython } from './python-tokens.js';

const writeModeCharacters = /[wax+]/;
const openCallees = new Set([
  'open',
  'io.open',
  'io.FileIO',
  '_io.FileIO',
  '_io.open',
  'codecs.open',
  'os.fdopen',
  'gzip.open',
  'bz2.open',
  'lzma.open',
  'tarfile.open',
  'zipfile.ZipFile',
]);
const writeFlags = /\bO_(WRONLY|RDWR|CREAT|TRUNC|APPEND|TMPFILE)\b/;
// Callees whose arguments checkCall reads; every other call needs no argument split.
const calleesWithArguments = new Set([
  ...openCallees,
  'os.open',
  'getattr',
  'setattr',
  'delattr',
  'vars',
  'logging.basicConfig',
]);

const keywords = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
/** Keywords that are values, so they can start an attribute chain (`None.__class__`). */
const valueKeywords = new Set(['None', 'True', 'False']);
/** Statements whose `:` at bracket depth 0 starts a statement on the same line (`if x: import os`). */
const compoundKeywords = new Set([
  'if',
  'elif',
  'else',
  'while',
  'for',
  'try',
  'except',
  'finally',
  'with',
  'def',
  'class',
  'async',
  'match',
  'case',
]);

const NameToken = PythonTokenKind.Name;
const NumberToken = PythonTokenKind.Number;
const StringToken = PythonTokenKind.String;
const FormatStringStartToken = PythonTokenKind.FormatStringStart;
const FormatStringEndToken = PythonTokenKind.FormatStringEnd;
const OperatorToken = PythonTokenKind.Operator;
const NewlineToken = PythonTokenKind.Newline;
const EndToken = PythonTokenKind.End;

/** Token roles the scan assigns ahead of reaching the token. */
const plainBracket = 1; // a bracket that is no expression: def/class parameters, a decorator's arguments
const bareName = 2; // a name that is a variable but starts no chain: def/class names, decorator names
const subscriptElement = 4; // a name that is a whole element of a subscript (`a[b]`, `a[b:c]`): an index, left alone
const softKeyword = 8; // `match` and `case` opening a match statement or a case clause
const pattern = 16; // a token of a case pattern: names are captures or lookups, brackets no calls or subscripts

/** One argument of a call as lezer's ArgList saw it: a token range, or a lone `*`/`**`/`for`. */
interface ArgumentNode {
  first: number;
  /** Exclusive. */
  last: number;
  expression: boolean;
}

/**
 * Reads Python without running it and reports the forbidden operations a model should avoid.
 * Advisory: the runtime guard is the wall; this check fails fast and teaches the model.
 *
 * The source is tokenized (python-tokens.ts), not parsed: the checks need only attribute chains
 * (`o.system(...)`), calls with their arguments, imports, names and strings, and the tokens give
 * them at a fraction of a parser's cost.
 */
export function checkPython(code: string): StaticCheckResult {
  const syntaxError = findCertainSyntaxError(code);
  if (syntaxError) return { violations: [], syntaxError };
  const tokens = tokenizePython(code);
  const count = tokens.length;
  const token = (index: number) => tokens[index] as PythonToken;
  let lineStarts: number[] | undefined;
  // Local name -> what it names: `import os as o` maps o to "os", `from os import system` maps system to "os.system".
  const aliases = new Map<string, string>();
  const modules = new Set<string>();
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const roles = new Uint8Array(count);
  const addRole = (index: number, role: number) => {
    roles[index] = (roles[index] as number) | role;
  };
  const hasRole = (index: number, role: number) => ((roles[index] as number) & role) !== 0;

  const report = (offset: number, rule: StaticRule, subject: string) => {
    lineStarts ??= computeLineStarts(code);
    const { line, column } = position(lineStarts, offset);
    const key = `${line}:${rule.rule}:${subject}`;
    if (seen.has(key)) return;
    seen.add(key);
    violations.push({
      rule: rule.rule,
      message: `\`${subject}\` ${rule.message}`,
      line,
      column,
      source: 'static',
    });
  };

  const isVariable = (index: number) => {
    const candidate = token(index);
    return candidate.kind === NameToken && !keywords.has(candidate.text);
  };
  const isOperator = (index: number, text: string) => {
    const candidate = token(index);
    return candidate.kind === OperatorToken && candidate.text === text;
  };
  /** The index after a bracket, f-string or replacement field that opens at `index`. */
  const after = (index: number) => Math.max(token(index).partner, index) + 1;
  const statementEnd = (from: number) => {
    let index = from;
    while (index < count) {
      const current = token(index);
      if (
        current.kind === NewlineToken ||
        current.kind === EndToken ||
        (current.kind === OperatorToken && current.text === ';')
      )
        return index;
      index = current.partner > index ? current.partner + 1 : index + 1;
    }
    return count - 1;
  };

  // Statement starts: after a newline or `;`, and after a compound statement's `:` (`if x: import os`).
  const statementStarts = new Uint8Array(count);
  // Statement starts whose statement is a compound statement's header (ends with that `:`).
  const headers = new Uint8Array(count);
  {
    let atStart = true;
    let compound = false;
    let lambdas = 0;
    let statement = 0;
    for (let index = 0; index < count; index++) {
      const current = token(index);
      if (atStart) {
        statementStarts[index] = 1;
        statement = index;
        atStart = false;
        compound = current.kind === NameToken && compoundKeywords.has(current.text);
        lambdas = 0;
      }
      if (current.kind === NewlineToken) atStart = true;
      else if (current.partner > index) index = current.partner;
      else if (current.kind === OperatorToken) {
        if (current.text === ';') atStart = true;
        else if (current.text === ':' && compound) {
          if (lambdas > 0) lambdas -= 1;
          else {
            atStart = true;
            headers[statement] = 1;
          }
        }
      } else if (current.kind === NameToken && current.text === 'lambda') lambdas += 1;
    }
  }

  const checkImport = (moduleName: string, offset: number, isMember = false) => {
    const rule = forbiddenImportRule(moduleName);
    if (rule) report(offset, rule, isMember ? moduleName : `import ${moduleName}`);
  };

  const checkName = (qualified: string, offset: number) => {
    const rule = forbiddenNameRule(qualified);
    if (rule) report(offset, rule, qualified);
  };

  const readImport = (start: number, end: number) => {
    if (token(start).text === 'from') {
      let importIndex = start + 1;
      while (
        importIndex < end &&
        !(token(importIndex).kind === NameToken && token(importIndex).text === 'import')
      )
        importIndex += 1;
      let moduleName = '';
      for (let index = start + 1; index < importIndex; index++) moduleName += token(index).text;
      checkImport(moduleName, token(start).start);
      for (let index = importIndex + 1; index < end; index++) {
        if (!isVariable(index)) continue;
        const imported = token(index).text;
        let local = imported;
        const nameOffset = token(index).start;
        if (index + 2 < end && token(index + 1).kind === NameToken && token(index + 1).text === 'as') {
          local = token(index + 2).text;
          index += 2;
        }
        const qualified = `${moduleName}.${imported}`;
        aliases.set(local, qualified);
        if (forbiddenImportRule(qualified)) checkImport(qualified, nameOffset, true);
        else checkName(qualified, nameOffset);
      }
      return;
    }
    // import a.b.c as d, e
    let dotted = '';
    let first = -1;
    const flush = (local?: string) => {
      if (!dotted || first < 0) return;
      checkImport(dotted, first);
      const top = dotted.split('.')[0] as string;
      aliases.set(local ?? top, local ? dotted : top);
      modules.add(local ?? top);
      dotted = '';
      first = -1;
    };
    for (let index = start + 1; index < end; index++) {
      const current = token(index);
      if (isVariable(index)) {
        if (first < 0) first = current.start;
        dotted += current.text;
      } else if (current.kind === OperatorToken && current.text === '.') dotted += '.';
      else if (current.kind === NameToken && current.text === 'as') {
        flush(index + 1 < end ? token(index + 1).text : undefined);
        index += 1;
      } else if (current.kind === OperatorToken && current.text === ',') flush();
    }
    flush();
  };

  // Imports first, so that aliases resolve wherever they are used.
  const importEnds = new Map<number, number>();
  for (let index = 0; index < count; index++) {
    if (!statementStarts[index]) continue;
    const current = token(index);
    if (current.kind !== NameToken || (current.text !== 'import' && current.text !== 'from')) continue;
    const end = statementEnd(index);
    importEnds.set(index, end);
    readImport(index, end);
  }

  const isModuleReference = (qualified: string | undefined) =>
    qualified !== undefined &&
    (modules.has(qualified.split('.')[0] as string) ||
      qualified === '__builtins__' ||
      qualified === 'builtins');

  const argumentText = (node: ArgumentNode) =>
    node.last > node.first ? code.slice(token(node.first).start, token(node.last - 1).end) : '';
  const argumentIsString = (node: ArgumentNode | undefined) =>
    node?.expression === true && node.last - node.first === 1 && token(node.first).kind === StringToken;
  /** What a `name` or `name.attribute...` argument names; undefined for any other expression. */
  const argumentQualifiedName = (node: ArgumentNode | undefined): string | undefined => {
    if (!node?.expression || !isVariable(node.first)) return undefined;
    let name = token(node.first).text;
    name = aliases.get(name) ?? name;
    for (let index = node.first + 1; index < node.last; index += 2) {
      if (!isOperator(index, '.') || index + 1 >= node.last || token(index + 1).kind !== NameToken)
        return undefined;
      name += `.${token(index + 1).text}`;
    }
    return name;
  };

  // The arguments between `(` at `open` and its `)`, split like lezer's ArgList children: `*x` is two
  // nodes, `name=value` a keyword, and a generator argument's `for` a node of its own.
  const splitArguments = (open: number) => {
    const positional: ArgumentNode[] = [];
    const keywordArguments = new Map<string, ArgumentNode>();
    const close = token(open).partner > open ? token(open).partner : open + 1;
    let segment = open + 1;
    let comprehension = -1;
    for (let index = open + 1; index <= close; index++) {
      const current = token(index);
      if (
        index < close &&
        current.kind === NameToken &&
        (current.text === 'for' || current.text === 'async')
      ) {
        if (comprehension < 0) comprehension = index;
      }
      if (index === close || (current.kind === OperatorToken && current.text === ',')) {
        addArgument(segment, index, comprehension, positional, keywordArguments);
        segment = index + 1;
        comprehension = -1;
        continue;
      }
      if (current.partner > index) index = current.partner;
    }
    return { positional, keywords: keywordArguments };
  };
  const addArgument = (
    first: number,
    last: number,
    comprehension: number,
    positional: ArgumentNode[],
    keywordArguments: Map<string, ArgumentNode>,
  ) => {
    if (last <= first) return;
    const start = token(first);
    const valueEnd = comprehension < 0 ? last : comprehension;
    if (start.kind === OperatorToken && (start.text === '*' || start.text === '**')) {
      positional.push({ first, last: first + 1, expression: false });
      if (last > first + 1) positional.push({ first: first + 1, last, expression: true });
      return;
    }
    if (
      isVariable(first) &&
      (isOperator(first + 1, '=') || isOperator(first + 1, ':=')) &&
      first + 2 < last
    ) {
      keywordArguments.set(start.text, { first: first + 2, last: valueEnd, expression: true });
    } else positional.push({ first, last: valueEnd, expression: true });
    if (comprehension >= 0)
      positional.push({ first: comprehension, last: comprehension + 1, expression: false });
  };

  const checkCall = (
    offset: number,
    open: number,
    qualified: string | undefined,
    method: string | undefined,
    methodOffset: number,
  ) => {
    const isFunction = qualified !== undefined && openCallees.has(qualified);
    // os.open is read by its flags below, not as a `.open()` method with a mode.
    const opensWithMode = isFunction || (method === 'open' && qualified !== 'os.open');
    if (opensWithMode || (qualified !== undefined && calleesWithArguments.has(qualified))) {
      const { positional, keywords: keywordArguments } = splitArguments(open);
      if (opensWithMode) {
        const modeNode = keywordArguments.get('mode') ?? (isFunction ? positional[1] : positional[0]);
        const mode = modeNode && argumentIsString(modeNode) ? stringValue(argumentText(modeNode)) : undefined;
        const writes =
          mode !== undefined &&
          (qualified === 'zipfile.ZipFile' || qualified === 'tarfile.open'
            ? /[wax]/.test(mode)
            : writeModeCharacters.test(mode));
        if (writes) {
          report(
            offset,
            {
              rule: 'file-write',
              message: `opens a file for writing (mode "${mode}"), which SAFE mode forbids; print the result instead of saving it`,
            },
            `${isFunction ? qualified : `.${method}`}(..., "${mode}")`,
          );
        }
      }
      if (qualified === 'os.open') {
        const flags = positional[1] ?? keywordArguments.get('flags');
        if (flags && writeFlags.test(argumentText(flags))) {
          report(
            offset,
            {
              rule: 'file-write',
              message:
                'opens a file for writing, which SAFE mode forbids; read with open(path) and print the result',
            },
            'os.open',
          );
        }
      }
      if (
        (qualified === 'getattr' || qualified === 'setattr' || qualified === 'delattr') &&
        positional.length >= 2
      ) {
        const targetName = argumentQualifiedName(positional[0]);
        const nameNode = positional[1] as ArgumentNode;
        const literal = argumentIsString(nameNode) ? stringValue(argumentText(nameNode)) : undefined;
        const onModule = isModuleReference(targetName);
        if (literal !== undefined && targetName !== undefined) checkName(`${targetName}.${literal}`, offset);
        else if (literal === undefined && onModule) {
          report(
            offset,
            {
              rule: 'introspection',
              message:
                'looks up a module attribute by a computed name, which SAFE mode forbids; use the attribute directly',
            },
            `${qualified}(${targetName}, ...)`,
          );
        }
        if (qualified !== 'getattr' && onModule) {
          report(
            offset,
            {
              rule: 'module-manipulation',
              message: 'changes a module, which SAFE mode forbids; keep your own variables instead',
            },
            `${qualified}(${targetName}, ...)`,
          );
        }
      }
      if (qualified === 'vars' && positional[0] && isModuleReference(argumentQualifiedName(positional[0]))) {
        report(offset, introspectionRule, `vars(${argumentQualifiedName(positional[0])})`);
      }
      if (qualified === 'logging.basicConfig' && keywordArguments.has('filename')) {
        report(
          offset,
          {
            rule: 'file-write',
            message: 'logs to a file, which SAFE mode forbids; log to the console instead',
          },
          'logging.basicConfig(filename=...)',
        );
      }
    }
    if (method) {
      const rule = methodRule(method);
      if (rule) report(methodOffset, rule, `.${method}()`);
    }
  };

  /** Whether the expression that ends before `index`, at a statement start, is the first target of an assignment. */
  const isAssignmentTarget = (index: number) => {
    if (isOperator(index, '=') || isOperator(index, ':')) return true;
    if (!isOperator(index, ',')) return false;
    for (let current = index; current < count; current++) {
      const candidate = token(current);
      if (candidate.kind === NewlineToken || candidate.kind === EndToken) return false;
      if (candidate.kind === NameToken && candidate.text === 'lambda') return false;
      if (candidate.kind === OperatorToken) {
        if (candidate.text === '=' || candidate.text === ':') return true;
        if (
          candidate.text === ';' ||
          (candidate.text.length > 1 &&
            candidate.text.endsWith('=') &&
            candidate.text !== '==' &&
            candidate.text !== '<=' &&
            candidate.text !== '>=' &&
            candidate.text !== '!=')
        )
          return false;
      }
      if (candidate.partner > current) current = candidate.partner;
    }
    return false;
  };

  // A name alone between a subscript's `[`, `,`, `:` and `]` is an index, not the base of a chain: the
  // lezer checker skipped it (as a non-first child of the member expression), and so does this one.
  const markSubscriptElements = (open: number) => {
    const close = token(open).partner;
    if (close <= open) return;
    let previous = open;
    for (let index = open + 1; index < close; index++) {
      const current = token(index);
      if (
        current.kind === NameToken &&
        (previous === open || isOperator(previous, ',') || isOperator(previous, ':')) &&
        (index + 1 === close || isOperator(index + 1, ',') || isOperator(index + 1, ':'))
      )
        addRole(index, subscriptElement);
      previous = index;
      if (current.partner > index) {
        index = current.partner;
        previous = index;
      }
    }
  };

  // Trailers (`.name`, `(...)`, `[...]`) of the chain whose atom ends before `from`.
  const trailers: number[] = [];
  const qualifiedNames: (string | undefined)[] = [];

  /**
   * The attribute chain starting at `atom` (a name, literal or bracket) with its trailers: its member
   * expressions and calls, outermost first, as lezer's tree walk met them.
   */
  const readChain = (atom: number, atomEnd: number) => {
    trailers.length = 0;
    let index = atomEnd;
    for (;;) {
      const current = token(index);
      if (current.kind !== OperatorToken) break;
      if (current.text === '.' && token(index + 1).kind === NameToken) {
        trailers.push(index);
        index += 2;
      } else if ((current.text === '(' || current.text === '[') && !hasRole(index, plainBracket)) {
        trailers.push(index);
        if (current.text === '[') markSubscriptElements(index);
        index = after(index);
      } else break;
    }
    if (trailers.length === 0) return;
    const start = token(atom);
    const offset = start.start;
    qualifiedNames.length = 0;
    let qualified = isVariable(atom) ? (aliases.get(start.text) ?? start.text) : undefined;
    const atomQualified = qualified;
    for (const trailer of trailers) {
      qualified =
        qualified !== undefined && token(trailer).text === '.'
          ? `${qualified}.${token(trailer + 1).text}`
          : undefined;
      qualifiedNames.push(qualified);
    }
    const outermost = trailers.length - 1;
    for (let level = outermost; level >= 0; level--) {
      const trailer = trailers[level] as number;
      const base = level > 0 ? qualifiedNames[level - 1] : atomQualified;
      const kind = token(trailer).text;
      if (kind === '.') {
        const property = token(trailer + 1);
        const propertyName = property.text;
        const dunder = dunderRule(propertyName);
        if (dunder) report(property.start, dunder, `.${propertyName}`);
        else if (propertyName === '__dict__' && isModuleReference(base))
          report(property.start, introspectionRule, '.__dict__');
        const own = qualifiedNames[level];
        if (own) checkName(own, offset);
        // sys.audit = ..., builtins.open = ...: monkeypatching a module.
        if (
          level === outermost &&
          statementStarts[atom] &&
          isAssignmentTarget(index) &&
          isModuleReference(base)
        ) {
          report(
            offset,
            {
              rule: 'module-manipulation',
              message:
                'replaces a module attribute, which SAFE mode forbids; keep your own variables instead',
            },
            `${own ?? propertyName} = ...`,
          );
        }
      } else if (kind === '(') {
        const calleeIsMember = level > 0 && token(trailers[level - 1] as number).text === '.';
        const methodToken = calleeIsMember ? token((trailers[level - 1] as number) + 1) : undefined;
        checkCall(offset, trailer, base, methodToken?.text, methodToken?.start ?? offset);
      }
    }
  };

  const checkVariable = (current: PythonToken) => {
    const name = current.text;
    const named = aliases.has(name) ? undefined : forbiddenBareNameRule(name);
    const dunder = dunderRule(name);
    if (named) report(current.start, named, name);
    else if (dunder) report(current.start, dunder, name);
  };

  // getattr(x, "__globals__") and friends.
  const checkString = (current: PythonToken) => {
    const value = stringValue(current.text);
    const dunder = value === undefined ? undefined : dunderRule(value);
    if (dunder && value !== undefined) report(current.start, dunder, value);
  };

  /** Whether a `(` or `[` at `index` calls or subscripts what precedes it (rather than opening a tuple or list). */
  const isTrailer = (index: number) => {
    if (index === 0) return false;
    const previous = token(index - 1);
    switch (previous.kind) {
      case NameToken:
        return (
          (!keywords.has(previous.text) || valueKeywords.has(previous.text)) &&
          !hasRole(index - 1, softKeyword)
        );
      case StringToken:
      case FormatStringEndToken:
      case NumberToken:
        return true;
      case OperatorToken:
        return (
          previous.text === ')' || previous.text === ']' || previous.text === '}' || previous.text === '...'
        );
      default:
        return false;
    }
  };

  for (let index = 0; index < count; index++) {
    const current = token(index);
    const kind = current.kind;
    if (statementStarts[index]) {
      const importEnd = importEnds.get(index);
      if (importEnd !== undefined) {
        index = importEnd;
        continue;
      }
      if (kind === OperatorToken && current.text === '@') {
        // A decorator is `@` dotted.name (arguments): its names are plain variables, its call no call.
        let next = index + 1;
        while (token(next).kind === NameToken || isOperator(next, '.')) {
          if (token(next).kind === NameToken) addRole(next, bareName);
          next += 1;
        }
        if (isOperator(next, '(')) addRole(next, plainBracket);
        continue;
      }
      if (kind === NameToken && (current.text === 'match' || current.text === 'case') && headers[index]) {
        addRole(index, softKeyword);
        // case <pattern> [if <guard>]: the pattern is no expression (`case [a, b]` is no subscript).
        if (current.text === 'case') {
          for (let next = index + 1; next < count; next++) {
            const inPattern = token(next);
            if (isOperator(next, ':') || (inPattern.kind === NameToken && inPattern.text === 'if')) break;
            const end = Math.max(inPattern.partner, next);
            for (; next <= end; next++) addRole(next, pattern);
            next = end;
          }
        }
        continue;
      }
    }
    if (hasRole(index, pattern)) {
      // Lezer's patterns: captures and the names of lookups are variables, `.name` is no member.
      if (kind === NameToken && !keywords.has(current.text) && !isOperator(index - 1, '.'))
        checkVariable(current);
      else if (kind === StringToken) checkString(current);
      continue;
    }
    if (kind === NameToken) {
      if (hasRole(index, bareName)) {
        checkVariable(current);
        continue;
      }
      if (index > 0 && isOperator(index - 1, '.')) continue;
      if (keywords.has(current.text)) {
        if (current.text === 'def' || current.text === 'class') {
          // def name[T](parameters), class Name[T](bases): a definition, not a subscript and a call.
          let next = index + 1;
          if (token(next).kind === NameToken) addRole(next, bareName);
          next += 1;
          if (isOperator(next, '[')) {
            addRole(next, plainBracket);
            next = after(next);
          }
          if (isOperator(next, '(')) addRole(next, plainBracket);
        } else if (valueKeywords.has(current.text)) readChain(index, index + 1);
        continue;
      }
      readChain(index, index + 1);
      if (!hasRole(index, subscriptElement)) checkVariable(current);
      continue;
    }
    if (kind === StringToken || kind === FormatStringStartToken) {
      const previous = index > 0 ? token(index - 1).kind : EndToken;
      if (previous !== StringToken && previous !== FormatStringEndToken) {
        let atomEnd = index;
        while (token(atomEnd).kind === StringToken || token(atomEnd).kind === FormatStringStartToken)
          atomEnd = after(atomEnd);
        readChain(index, atomEnd);
      }
      if (kind === StringToken) checkString(current);
      continue;
    }
    if (kind === NumberToken) {
      readChain(index, index + 1);
      continue;
    }
    if (kind === OperatorToken) {
      const text = current.text;
      if (text === '...') readChain(index, index + 1);
      else if ((text === '(' || text === '[' || text === '{') && !hasRole(index, plainBracket)) {
        if (text !== '{' && isTrailer(index)) continue;
        readChain(index, after(index));
      }
    }
  }

  violations.sort(
    (left, right) => (left.line ?? 0) - (right.line ?? 0) || (left.column ?? 0) - (right.column ?? 0),
  );
  return { violations };
}

/** The value of a plain string literal ("w", 'rb', r"x"), or undefined for anything else. */
export function stringValue(literal: string): string | undefined {
  const match = /^([rRbBuU]{0,2})("""|'''|"|')([\s\S]*)\2$/.exec(literal);
  return match ? match[3] : undefined;
}

function computeLineStarts(code: string): number[] {
  const starts = [0];
  for (let index = 0; index < code.length; index++) if (code.charCodeAt(index) === 10) starts.push(index + 1);
  return starts;
}

function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}
