#!/usr/bin/env node
// A local OpenAI-compatible server for trying Executer without an API key:
//   node packages/test-kit/dist/providers/serve-openai-compatible.js --port 8787 --answers-file answers.json
// then point Executer at it: --provider openai-compatible --base-url http://127.0.0.1:8787/v1
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ScriptedReply, ScriptedReplyContext } from './scripted-reply.js';
import { startOpenAICompatibleServer } from './start-openai-compatible-server.js';

const usage = `Usage: serve-openai-compatible [--port 8787] [--host 127.0.0.1] [--answers-file answers.json] [--answer TEXT]... [--once]

Serves OpenAI chat completions (JSON and SSE streams) at http://HOST:PORT/v1 from a script of answers.
answers.json holds a JSON array; each entry is a string (the model's answer, e.g. a fenced Python block),
{"text": "...", "model": "...", "finishReason": "stop"}, an error {"status": 429, "headers": {"retry-after": "1"}},
or a fault {"fault": "hang" | "reset" | "malformed" | "empty"}. The script repeats unless --once is given.`;

const defaultAnswer = '```python\nprint("Hello from the local OpenAI-compatible test server")\n```';

function fail(message: string): never {
  process.stderr.write(`serve-openai-compatible: ${message}\n\n${usage}\n`);
  process.exit(2);
}

function readAnswers(file: string): ScriptedReply[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.some((entry) => typeof entry !== 'string' && (typeof entry !== 'object' || entry === null))
  ) {
    fail(`${file} must hold a JSON array of strings or objects`);
  }
  return parsed as ScriptedReply[];
}

function main(): void {
  let values: {
    port?: string;
    host?: string;
    'answers-file'?: string;
    answer?: string[];
    once?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'answers-file': { type: 'string' },
        answer: { type: 'string', multiple: true },
        once: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port must be a port number, got ${values.port}`);
  const script = [
    ...(values['answers-file'] ? readAnswers(values['answers-file']) : []),
    ...(values.answer ?? []),
  ];
  const logged = (reply: ScriptedReply) => (context: ScriptedReplyContext) => {
    process.stderr.write(
      `${context.request.method} ${context.request.path} model=${context.model} stream=${context.stream} #${context.index + 1}\n`,
    );
    return reply;
  };
  startOpenAICompatibleServer({
    answers: (script.length > 0 ? script : [defaultAnswer]).map(logged),
    loop: !values.once,
    port,
    host: values.host,
  }).then(
    (server) => {
      process.stdout.write(`OpenAI-compatible test server listening on ${server.url}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => fail(`cannot listen on ${values.host}:${port}: ${(error as Error).message}`),
  );
}

main();
