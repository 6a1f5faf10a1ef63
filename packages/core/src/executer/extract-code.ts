import type { Language } from '../domain/language.js';

const languageTags: Record<string, readonly string[]> = {
  python: ['python', 'python3', 'py', 'py3'],
  javascript: ['javascript', 'js', 'mjs', 'node'],
};

// An opening fence (``` or ~~~, 3 or more) with an optional info string, then the body up to a
// matching closing fence or the end of the text (a truncated answer still yields its code).
const fencePattern = /^[ \t]*(`{3,}|~{3,})[ \t]*([^\n`]*)\n([\s\S]*?)(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;

// Lines that only code starts with; prose rarely does.
const codeLinePattern =
  /^\s*(import\s+\w|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+|print\s*\(|for\s+.+\s+in\s+.+:|while\s+.+:|if\s+.+:|with\s+.+:|try\s*:|return\b|@\w+|[A-Za-z_][\w.]*(\[[^\]]*\])?\s*[+\-*/]?=\s*\S|[A-Za-z_][\w.]*\s*\(.*\)\s*$|const\s|let\s|function\s|console\.log\()/;

/**
 * Takes the code out of a model's answer: the first fenced block tagged with the language, else the
 * first fenced block with no tag, else the first fenced block of any tag, else the whole answer when
 * it reads as code. Returns undefined when the answer holds no code.
 */
export function extractCode(answer: string, language: Language): string | undefined {
  const blocks = [...answer.matchAll(fencePattern)].map((match) => ({
    tag: (match[2] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '',
    body: (match[3] ?? '').replace(/\s+$/, ''),
  }));
  const tags = languageTags[language] ?? [language.toLowerCase()];
  const chosen =
    blocks.find((block) => tags.includes(block.tag) && block.body.trim()) ??
    blocks.find((block) => block.tag === '' && block.body.trim()) ??
    blocks.find((block) => block.body.trim());
  if (chosen) return `${dedent(chosen.body)}\n`;
  if (blocks.length > 0) return undefined;

  const text = answer.trim();
  if (!text) return undefined;
  const lines = text.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const codeLines = lines.filter((line) => codeLinePattern.test(line)).length;
  // An unfenced answer is code when most of its lines look like code.
  return codeLines > 0 && codeLines >= lines.length / 2 ? `${text}\n` : undefined;
}

function dedent(body: string): string {
  const lines = body.split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^[ \t]*/)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return common ? lines.map((line) => line.slice(common)).join('\n') : body;
}
