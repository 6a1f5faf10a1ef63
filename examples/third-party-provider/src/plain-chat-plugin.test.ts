import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleExecuter, ProviderError } from '@executer/core';
import {
  createTestPlugin,
  InMemoryHistoryStore,
  KeywordPolicyDouble,
  PromptBuilderDouble,
  RunnerDouble,
} from '@executer/core/test';
import { startOpenAICompatibleServer, type WireServer } from '@executer/test-kit/providers';
import { afterEach, describe, expect, it } from 'vitest';

// The example's own config.json names the plugin by relative specifier ("./src/index.ts").
const configFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'config.json');

const servers: WireServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function assemble(
  server: WireServer,
  runner = new RunnerDouble(() => ({ stdout: '42\n' }), { name: 'subprocess' }),
) {
  servers.push(server);
  // Core's doubles stand in for the runner, policy, prompts and history; the provider is the plugin's.
  const doubles = createTestPlugin({
    runners: [runner],
    policies: [new KeywordPolicyDouble('safe')],
    promptBuilder: new PromptBuilderDouble(),
    history: new InMemoryHistoryStore(),
  });
  return assembleExecuter({ configFile, baseUrl: server.url, env: {}, saveExecutions: false }, [doubles]);
}

describe('third-party provider plugin loaded from config.json', () => {
  it('runs the Executer through the plugin, which talks to an OpenAI-compatible server with plain fetch', async () => {
    const server = await startOpenAICompatibleServer({ answers: ['```python\nprint(6 * 7)\n```'] });
    const runner = new RunnerDouble(() => ({ stdout: '42\n' }), { name: 'subprocess' });
    const executer = await assemble(server, runner);
    expect(executer.config.plugins).toEqual(['./src/index.ts']);

    const deltas: string[] = [];
    const result = await executer.run('Multiply 6 by 7', {
      onEvent: (event) => {
        if (event.type === 'text-delta') deltas.push(event.delta);
      },
    });

    expect(result).toMatchObject({
      success: true,
      output: '42\n',
      provider: 'plain-chat',
      model: 'qwen2.5-coder:7b',
    });
    expect(runner.jobs.map((job) => job.code.trim())).toEqual(['print(6 * 7)']);
    expect(deltas.join('')).toBe('```python\nprint(6 * 7)\n```');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      body: {
        model: 'qwen2.5-coder:7b',
        stream: true,
        messages: [{ role: 'system' }, { role: 'user', content: expect.stringContaining('Multiply 6 by 7') }],
      },
    });
  });

  it("maps a 429 to a rate-limit error that core's retry honours", async () => {
    const server = await startOpenAICompatibleServer({
      answers: [{ status: 429, headers: { 'retry-after': '0' } }, '```python\nprint(1)\n```'],
    });
    const executer = await assemble(server);
    const retries: ProviderError[] = [];
    const result = await executer.run('Print 1', {
      onEvent: (event) => {
        if (event.type === 'provider-retry') retries.push(event.error);
      },
    });
    expect(result.success).toBe(true);
    expect(retries.map((error) => [error.kind, error.statusCode, error.retryAfterMs])).toEqual([
      ['rate-limit', 429, 0],
    ]);
    expect(server.completionRequests).toHaveLength(2);
  });

  it('maps a 401 to an auth error that is not retried', async () => {
    const server = await startOpenAICompatibleServer({ answers: [{ status: 401 }] });
    const executer = await assemble(server);
    const failure = await executer.run('Print 1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ kind: 'auth', statusCode: 401, provider: 'plain-chat' });
    expect(server.completionRequests).toHaveLength(1);
  });
});
