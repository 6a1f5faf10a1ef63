import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PromptInput, type SecurityRule, TemplateError } from '@executer/core';
import { afterAll, describe, expect, it } from 'vitest';
import { LiquidPromptBuilder } from './liquid-prompt-builder.js';
import { packagedTemplatesDir } from './packaged-templates-dir.js';

const safeRules: SecurityRule[] = [
  { id: 'file-write', summary: 'Do not write, delete, rename or move files; reading files is allowed.' },
  { id: 'network', summary: 'Do not open network connections.' },
];

const firstAttempt: PromptInput = {
  instruction: 'Calculate the factorial of 10 and display the result',
  language: 'python',
  securityMode: 'safe',
  rules: safeRules,
  attempt: 1,
};

const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'executer-templates-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}

async function templateErrorOf(promise: Promise<unknown>): Promise<TemplateError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
}

describe('LiquidPromptBuilder with the packaged template', () => {
  const builder = new LiquidPromptBuilder();

  it('tells the model the language, the output format and the task, without context', async () => {
    const prompt = await builder.build(firstAttempt);
    expect(prompt.system).toContain('Python program');
    expect(prompt.system).toContain('exactly one fenced code block tagged `python`');
    expect(prompt.system).toContain('standard output with `print()`');
    expect(prompt.user).toContain('# Task\nCalculate the factorial of 10 and display the result');
    expect(prompt.user).not.toContain('# Context');
    expect(prompt.user).not.toMatch(/^\s|\s$/);
  });

  it('adds the context in a fence when there is one, and treats a blank one as none', async () => {
    const prompt = await builder.build({ ...firstAttempt, context: 'numbers: 3, 5, 8' });
    expect(prompt.user).toContain('# Context');
    expect(prompt.user).toContain('```text\nnumbers: 3, 5, 8\n```');
    const blank = await builder.build({ ...firstAttempt, context: '  \n' });
    expect(blank.user).not.toContain('# Context');
  });

  it('shows the previous code and its error only on a retry', async () => {
    const first = await builder.build(firstAttempt);
    expect(first.user).not.toContain('Previous attempt');
    expect(first.user).not.toContain('What went wrong');

    const retry = await builder.build({
      ...firstAttempt,
      attempt: 2,
      previousCode: 'print(math.factorial(10))\n',
      previousError: "NameError: name 'math' is not defined",
    });
    expect(retry.user).toContain('# Previous attempt failed\nThis is attempt 2.');
    expect(retry.user).toContain('```python\nprint(math.factorial(10))\n```');
    expect(retry.user).toContain("```text\nNameError: name 'math' is not defined\n```");
    expect(retry.user).toContain('complete corrected program');
  });

  it('says so when the previous answer held no code', async () => {
    const retry = await builder.build({
      ...firstAttempt,
      attempt: 2,
      previousError: 'The answer held no code.',
    });
    expect(retry.user).toContain('Its answer held no Python code block.');
    expect(retry.user).not.toContain('```python');
  });

  it('keeps a fence inside the previous code from closing its block', async () => {
    const retry = await builder.build({
      ...firstAttempt,
      previousCode: 'print("```")\n',
      previousError: 'boom',
    });
    expect(retry.user).toContain('````python\nprint("```")\n````');
  });

  it('lists the rules in SAFE mode', async () => {
    const prompt = await builder.build(firstAttempt);
    expect(prompt.system).toContain('# Security mode: SAFE');
    expect(prompt.system).toContain(`- ${safeRules[0]?.summary} [file-write]`);
    expect(prompt.system).toContain(`- ${safeRules[1]?.summary} [network]`);
  });

  it('lists no rules in PERMISSIVE mode', async () => {
    const prompt = await builder.build({ ...firstAttempt, securityMode: 'permissive', rules: [] });
    expect(prompt.system).toContain('# Security mode: PERMISSIVE');
    expect(prompt.system).toContain('No operation is forbidden');
    expect(prompt.system).not.toContain('[file-write]');
    expect(prompt.system).not.toContain('sandbox');
    const retry = await builder.build({
      ...firstAttempt,
      securityMode: 'permissive',
      rules: [],
      previousError: 'x',
    });
    expect(retry.user).not.toContain('security rule');
  });

  it('speaks JavaScript when the language is JavaScript', async () => {
    const prompt = await builder.build({ ...firstAttempt, language: 'javascript' });
    expect(prompt.system).toContain('tagged `javascript`');
    expect(prompt.system).toContain('console.log()');
    expect(prompt.system).not.toContain('print()');
  });
});

describe('LiquidPromptBuilder templates', () => {
  it('ships the template inside the package, and the repo root one is the same file', async () => {
    const root = fileURLToPath(new URL('../../../templates/code_executer.liquid', import.meta.url));
    expect(await realpath(root)).toBe(await realpath(join(packagedTemplatesDir, 'code_executer.liquid')));
  });

  it('renders a template from a custom folder, with includes from that folder', async () => {
    const folder = await folderWith({
      'code_executer.liquid':
        '{% capture system %}Write {{ language_name }}.{% endcapture %}{% capture user %}{% include "task" %}{% endcapture %}',
      'task.liquid': 'Do: {{ instruction }}',
    });
    const prompt = await new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt);
    expect(prompt).toEqual({ system: 'Write Python.', user: `Do: ${firstAttempt.instruction}` });
  });

  it('falls back to the packaged template when the custom folder lacks it', async () => {
    const folder = await folderWith({ 'other.liquid': 'x' });
    const prompt = await new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt);
    expect(prompt.system).toContain('# Security mode: SAFE');
  });

  it('fails with the folder when the custom folder does not exist', async () => {
    const missing = join(tmpdir(), 'executer-no-such-templates-folder');
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templatesDir: missing }).build(firstAttempt),
    );
    expect(error.file).toBe(missing);
    expect(error.code).toBe('TEMPLATE_INVALID');
  });

  it('fails with the file name when the template is missing everywhere', async () => {
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templateName: 'nowhere.liquid' }).build(firstAttempt),
    );
    expect(error.file).toBe('nowhere.liquid');
    expect(error.message).toContain('nowhere.liquid');
  });

  it('fails with the file and line of a parse error', async () => {
    const folder = await folderWith({
      'code_executer.liquid':
        '{% capture system %}ok{% endcapture %}\n{% capture user %}\n{% if instruction %}\nno end\n',
    });
    const file = join(folder, 'code_executer.liquid');
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt),
    );
    expect(error.file).toBe(file);
    // The innermost unclosed tag, the `if` on line 3, is the one reported.
    expect(error.line).toBe(3);
    expect(error.message).toMatch(new RegExp(`^${file}:3: .*if instruction.*not closed`));
  });

  it('fails with the file and line of an unknown filter', async () => {
    const folder = await folderWith({
      'code_executer.liquid':
        '{% capture system %}ok{% endcapture %}\n\n{% capture user %}{{ instruction | shout }}{% endcapture %}',
    });
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt),
    );
    expect(error.file).toBe(join(folder, 'code_executer.liquid'));
    expect(error.line).toBe(3);
    expect(error.message).toContain('shout');
  });

  it('fails with the file and line of an include that is missing at render time', async () => {
    const folder = await folderWith({
      'code_executer.liquid':
        '{% capture system %}ok{% endcapture %}\n{% capture user %}{% include "absent" %}{% endcapture %}',
    });
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt),
    );
    expect(error.file).toBe(join(folder, 'code_executer.liquid'));
    expect(error.line).toBe(2);
  });

  it('fails when the template does not capture both parts', async () => {
    const folder = await folderWith({
      'code_executer.liquid': '{% capture system %}ok{% endcapture %}{{ instruction }}',
    });
    const error = await templateErrorOf(
      new LiquidPromptBuilder({ templatesDir: folder }).build(firstAttempt),
    );
    expect(error.message).toContain('does not capture `user`');
  });

  it('parses the template once and keeps it', async () => {
    const folder = await folderWith({
      'code_executer.liquid': '{% capture system %}S{% endcapture %}{% capture user %}U{% endcapture %}',
    });
    const builder = new LiquidPromptBuilder({ templatesDir: folder });
    await builder.build(firstAttempt);
    await rm(join(folder, 'code_executer.liquid'));
    expect(await builder.build(firstAttempt)).toEqual({ system: 'S', user: 'U' });
  });

  it('reads a broken template again once it is fixed', async () => {
    const folder = await folderWith({ 'code_executer.liquid': '{% capture system %}' });
    const builder = new LiquidPromptBuilder({ templatesDir: folder });
    await templateErrorOf(builder.build(firstAttempt));
    await writeFile(
      join(folder, 'code_executer.liquid'),
      '{% capture system %}S{% endcapture %}{% capture user %}U{% endcapture %}',
    );
    expect(await builder.build(firstAttempt)).toEqual({ system: 'S', user: 'U' });
  });
});
