import type { StaticCheckResult, Violation } from '@executer/core';
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { findCertainSyntaxError } from '../certain-syntax-error.js';
import {
  dunderRule,
  forbiddenBareNameRule,
  forbiddenImportRule,
  forbiddenNameRule,
  introspectionRule,
  methodRule,
  type StaticRule,
} from '../python-static-rules.js';

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

/**
 * The static check as it was before the tokenizer replaced it: it parses with @lezer/python and walks
 * the tree. Kept only as the oracle of the differential test (python-static-check.differential.test.ts);
 * the build leaves src/test-support out.
 */
export function checkPythonWithLezer(code: string): StaticCheckResult {
  const syntaxError = findCertainSyntaxError(code);
  if (syntaxError) return { violations: [], syntaxError };
  const tree = parser.parse(code);
  const lineStarts = computeLineStarts(code);
  // Local name -> what it names: `import os as o` maps o to "os", `from os import system` maps system to "os.system".
  const aliases = new Map<string, string>();
  const modules = new Set<string>();
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const text = (node: SyntaxNode) => code.slice(node.from, node.to);

  const report = (node: SyntaxNode, rule: StaticRule, subject: string) => {
    const { line, column } = position(lineStarts, node.from);
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

  const qualifiedName = (node: SyntaxNode | null): string | undefined => {
    if (!node) return undefined;
    if (node.name === 'VariableName') {
      const name = text(node);
      return aliases.get(name) ?? name;
    }
    if (node.name === 'MemberExpression') {
      const property = node.lastChild;
      if (property?.name !== 'PropertyName') return undefined;
      const base = qualifiedName(node.firstChild);
      return base === undefined ? undefined : `${base}.${text(property)}`;
    }
    return undefined;
  };

  const checkImport = (moduleName: string, node: SyntaxNode, isMember = false) => {
    const rule = forbiddenImportRule(moduleName);
    if (rule) report(node, rule, isMember ? moduleName : `import ${moduleName}`);
  };

  const checkName = (qualified: string, node: SyntaxNode) => {
    const rule = forbiddenNameRule(qualified);
    if (rule) report(node, rule, qualified);
  };

  const readImport = (node: SyntaxNode) => {
    const children = childrenOf(node);
    if (children[0]?.name === 'from') {
      const importIndex = children.findIndex((child) => child.name === 'import');
      const moduleName = children.slice(1, importIndex).map(text).join('');
      const names = children.slice(importIndex + 1);
      checkImport(moduleName, node);
      for (let index = 0; index < names.length; index++) {
        const child = names[index] as SyntaxNode;
        if (child.name !== 'VariableName') continue;
        const imported = text(child);
        let local = imported;
        if (names[index + 1]?.name === 'as' && names[index + 2]) {
          local = text(names[index + 2] as SyntaxNode);
          index += 2;
        }
        const qualified = `${moduleName}.${imported}`;
        aliases.set(local, qualified);
        if (forbiddenImportRule(qualified)) checkImport(qualified, child, true);
        else checkName(qualified, child);
      }
      return;
    }
    // import a.b.c as d, e
    let dotted = '';
    let first: SyntaxNode | undefined;
    const flush = (local?: string) => {
      if (!dotted || !first) return;
      checkImport(dotted, first);
      const top = dotted.split('.')[0] as string;
      aliases.set(local ?? top, local ? dotted : top);
      modules.add(local ?? top);
      dotted = '';
      first = undefined;
    };
    for (let index = 1; index < children.length; index++) {
      const child = children[index] as SyntaxNode;
      if (child.name === 'VariableName') {
        first ??= child;
        dotted += text(child);
      } else if (child.name === '.') dotted += '.';
      else if (child.name === 'as') {
        const local = children[index + 1];
        flush(local ? text(local) : undefined);
        index += 1;
      } else if (child.name === ',') flush();
    }
    flush();
  };

  // Imports first, so that aliases resolve wherever they are used.
  tree.iterate({
    enter: (reference) => {
      if (reference.name !== 'ImportStatement') return;
      readImport(reference.node);
      return false;
    },
  });

  const isModuleReference = (qualified: string | undefined) =>
    qualified !== undefined &&
    (modules.has(qualified.split('.')[0] as string) ||
      qualified === '__builtins__' ||
      qualified === 'builtins');

  const checkCall = (node: SyntaxNode) => {
    const callee = node.firstChild;
    const argumentList = node.lastChild;
    if (!callee || argumentList?.name !== 'ArgList') return;
    const method =
      callee.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName'
        ? text(callee.lastChild)
        : undefined;
    const qualified = qualifiedName(callee);
    const { positional, keywords } = splitArguments(argumentList, text);

    if (
      (qualified !== undefined && openCallees.has(qualified)) ||
      (method === 'open' && qualified !== 'os.open')
    ) {
      const isFunction = qualified !== undefined && openCallees.has(qualified);
      const modeNode = keywords.get('mode') ?? (isFunction ? positional[1] : positional[0]);
      const mode = modeNode?.name === 'String' ? stringValue(text(modeNode)) : undefined;
      const writes =
        mode !== undefined &&
        (qualified === 'zipfile.ZipFile' || qualified === 'tarfile.open'
          ? /[wax]/.test(mode)
          : writeModeCharacters.test(mode));
      if (writes) {
        report(
          node,
          {
            rule: 'file-write',
            message: `opens a file for writing (mode "${mode}"), which SAFE mode forbids; print the result instead of saving it`,
          },
          `${isFunction ? qualified : `.${method}`}(..., "${mode}")`,
        );
      }
    }
    if (qualified === 'os.open') {
      const flags = positional[1] ?? keywords.get('flags');
      if (flags && writeFlags.test(text(flags))) {
        report(
          node,
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
      const targetName = qualifiedName(positional[0] as SyntaxNode);
      const nameNode = positional[1] as SyntaxNode;
      const literal = nameNode.name === 'String' ? stringValue(text(nameNode)) : undefined;
      const onModule = isModuleReference(targetName);
      if (literal !== undefined && targetName !== undefined) checkName(`${targetName}.${literal}`, node);
      else if (literal === undefined && onModule) {
        report(
          node,
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
          node,
          {
            rule: 'module-manipulation',
            message: 'changes a module, which SAFE mode forbids; keep your own variables instead',
          },
          `${qualified}(${targetName}, ...)`,
        );
      }
    }
    if (qualified === 'vars' && positional[0] && isModuleReference(qualifiedName(positional[0]))) {
      report(node, introspectionRule, `vars(${qualifiedName(positional[0])})`);
    }
    if (qualified === 'logging.basicConfig' && keywords.has('filename')) {
      report(
        node,
        {
          rule: 'file-write',
          message: 'logs to a file, which SAFE mode forbids; log to the console instead',
        },
        'logging.basicConfig(filename=...)',
      );
    }
    if (method) {
      const rule = methodRule(method);
      if (rule) report(callee.lastChild as SyntaxNode, rule, `.${method}()`);
    }
  };

  tree.iterate({
    enter: (reference) => {
      const node = reference.node;
      switch (node.name) {
        case 'ImportStatement':
          return false;
        case 'VariableName': {
          const parent = node.parent;
          // One fix against the checker as it shipped: it compared `parent.firstChild !== node`, which is
          // always true (lezer hands out a new node object on every access), so the base of every
          // attribute chain or subscript (`ctypes` in `ctypes.CDLL(...)`) went unchecked. Only the
          // names inside a subscript (`a[b]`) are meant to be skipped.
          if (parent?.name === 'MemberExpression' && parent.from !== node.from) return;
          const name = text(node);
          const named = aliases.has(name) ? undefined : forbiddenBareNameRule(name);
          const dunder = dunderRule(name);
          if (named) report(node, named, name);
          else if (dunder) report(node, dunder, name);
          return;
        }
        case 'MemberExpression': {
          const property = node.lastChild;
          if (property?.name !== 'PropertyName') return;
          const propertyName = text(property);
          const dunder = dunderRule(propertyName);
          if (dunder) report(property, dunder, `.${propertyName}`);
          else if (propertyName === '__dict__' && isModuleReference(qualifiedName(node.firstChild)))
            report(property, introspectionRule, '.__dict__');
          const qualified = qualifiedName(node);
          if (qualified) checkName(qualified, node);
          // sys.audit = ..., builtins.open = ...: monkeypatching a module.
          const parent = node.parent;
          if (
            parent?.name === 'AssignStatement' &&
            parent.firstChild?.from === node.from &&
            parent.firstChild?.to === node.to &&
            isModuleReference(qualifiedName(node.firstChild))
          ) {
            report(
              node,
              {
                rule: 'module-manipulation',
                message:
                  'replaces a module attribute, which SAFE mode forbids; keep your own variables instead',
              },
              `${qualified ?? propertyName} = ...`,
            );
          }
          return;
        }
        case 'CallExpression':
          checkCall(node);
          return;
        case 'String': {
          // getattr(x, "__globals__") and friends.
          const value = stringValue(text(node));
          const dunder = value === undefined ? undefined : dunderRule(value);
          if (dunder && value !== undefined) report(node, dunder, value);
          return;
        }
        default:
          return;
      }
    },
  });

  violations.sort(
    (left, right) => (left.line ?? 0) - (right.line ?? 0) || (left.column ?? 0) - (right.column ?? 0),
  );
  return { violations };
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

function splitArguments(argumentList: SyntaxNode, text: (node: SyntaxNode) => string) {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const children = childrenOf(argumentList).filter((child) => child.name !== '(' && child.name !== ')');
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as SyntaxNode;
    if (child.name === ',') continue;
    if (child.name === 'VariableName' && children[index + 1]?.name === 'AssignOp' && children[index + 2]) {
      keywords.set(text(child), children[index + 2] as SyntaxNode);
      index += 2;
      continue;
    }
    positional.push(child);
  }
  return { positional, keywords };
}

/** The value of a plain string literal ("w", 'rb', r"x"), or undefined for anything else. */
function stringValue(literal: string): string | undefined {
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
