// `pnpm demo`: the main job end to end with no API key. A local OpenAI-compatible server stands in
// for the model and answers from a script: first a program with a bug, then the fix. Everything
// else is real: the openai SDK over HTTP, the prompt, the SAFE check and guard, a Python process,
// the retry with the error fed back, and the history record in ./executions.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli/dist/bin.js');
const server = join(root, 'packages/test-kit/dist/providers/index.js');
if (!existsSync(cli) || !existsSync(server)) {
  console.error('demo: build first (pnpm install && pnpm build)');
  process.exit(2);
}
const { startOpenAICompatibleServer } = await import(server);

const instruction = process.argv[2] ?? 'Calculate the factorial of 10 and display the result';
const scriptedModel = await startOpenAICompatibleServer({
  answers: [
    // Attempt 1 forgets an import: the NameError and its traceback go back to the "model".
    'Here is the program:\n```python\nresult = math.factorial(10)\nprint(f"10! = {result}")\n```',
    // Attempt 2 is the fix the retry prompt asked for.
    'Fixed: `math` was not imported.\n```python\nimport math\n\nresult = math.factorial(10)\nprint(f"10! = {result}")\n```',
  ],
});
console.error(`demo: a scripted model answers at ${scriptedModel.url} (no key needed)\n`);

const run = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: 'inherit',
      cwd: process.env.INIT_CWD ?? process.cwd(),
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });

const code = await run([
  'run',
  instruction,
  '--provider',
  'openai-compatible',
  '--base-url',
  scriptedModel.url,
  '--model',
  'scripted-coder',
]);
const requests = scriptedModel.completionRequests?.length ?? scriptedModel.requests.length;
console.error(
  `\ndemo: the model was asked ${requests} time(s); the second request carried the first code and its error.`,
);
console.error('demo: the latest saved executions:\n');
await run(['history', 'list', '--limit', '3']);
await scriptedModel.close();
process.exit(code);
