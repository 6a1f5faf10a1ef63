import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  assembleExecuter,
  type Executer,
  type ExecuterEvent,
  type ExecuterOptions,
  type ExecuterPlugin,
  MissingApiKeyError,
  ProviderError,
  type ProviderErrorKind,
} from '@executer/core';
import {
  createTestPlugin,
  InMemoryHistoryStore,
  KeywordPolicyDouble,
  PromptBuilderDouble,
  RunnerDouble,
} from '@executer/core/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './recorded-request.js';
import type { ScriptedReply } from './scripted-reply.js';
import { startGeminiServer } from './start-gemini-server.js';
import { startGroqServer } from './start-groq-server.js';
import { startOpenAICompatibleServer } from './start-openai-compatible-server.js';
import type { WireServer } from './wire-server.js';

/** The wire formats the suite knows how to serve and read. */
export type ConformanceWire = 'openai' | 'groq' | 'gemini';

export interface ProviderConformanceSubject {
  /** The provider name, as `ai.provider` selects it. */
  provider: string;
  /** The wire format its SDK speaks. */
  wire: ConformanceWire;
  /**
   * The plugin's module pointed at the server (through its base URL option, or not at all when
   * `options` passes the server's URL as configuration). `timeoutMs` must become the per-request timeout.
   */
  module: (server: WireServer, overrides: { timeoutMs?: number }) => ExecuterPlugin['module'];
  /** Extra Executer options, e.g. `{ baseUrl: server.url }` for a provider configured by --base-url. */
  options?: (server: WireServer) => ExecuterOptions;
  /** The environment variables a missing key must name; undefined for a provider that needs no key. */
  apiKeyVariables?: readonly string[];
  /** Extra checks on every completion request (e.g. OpenRouter's attribution headers). */
  assertRequest?: (request: RecordedRequest) => void;
}

const model = 'conformance-model-1';
const apiKey = 'sk-conformance-0123456789abcdef';
const system = 'You write Python. Answer with one fenced block.';
const user = 'Print the sum of 2 and 3.';
const answer = '```python\nprint(2 + 3)\n```';

const startServer = (wire: ConformanceWire, answers: ScriptedReply[]): Promise<WireServer> => {
  if (wire === 'gemini') return startGeminiServer({ answers });
  if (wire === 'groq') return startGroqServer({ answers });
  return startOpenAICompatibleServer({ answers });
};

/** What a recorded request asked for, whatever the wire format. */
function readRequest(wire: ConformanceWire, request: RecordedRequest) {
  // biome-ignore lint/suspicious/noExplicitAny: a vendor body, read field by field and checked by the assertions.
  const body = (request.body ?? {}) as Record<string, any>;
  if (wire === 'gemini') {
    const match = /\/models\/([^/:]+):(\w+)$/.exec(request.path);
    return {
      model: match?.[1],
      stream: match?.[2] === 'streamGenerateContent',
      temperature: body.generationConfig?.temperature,
      maxOutputTokens: body.generationConfig?.maxOutputTokens,
      system: (body.systemInstruction?.parts ?? []).map((part: { text?: string }) => part.text).join(''),
      messages: (body.contents ?? []).map((content: { role?: string; parts?: { text?: string }[] }) => ({
        role: content.role ?? 'user',
        text: (content.parts ?? []).map((part) => part.text).join(''),
      })),
      authorization: request.headers['x-goog-api-key'],
    };
  }
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  return {
    model: body.model,
    stream: body.stream === true,
    temperature: body.temperature,
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens,
    system: messages
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => message.content)
      .join(''),
    messages: messages
      .filter((message) => message.role !== 'system' && message.role !== 'developer')
      .map((message) => ({ role: message.role, text: message.content })),
    authorization: request.headers.authorization?.replace(/^Bearer /, ''),
  };
}

function expectedPath(wire: ConformanceWire, stream: boolean): string {
  if (wire === 'gemini')
    return `/v1beta/models/${model}:${stream ? 'streamGenerateContent' : 'generateContent'}`;
  if (wire === 'groq') return '/openai/v1/chat/completions';
  return '/v1/chat/completions';
}

/**
 * The Provider conformance suite: the real SDK against a local server speaking its wire format.
 * It checks the request each SDK sends, the answer read back (text, model, usage, finish reason),
 * streaming, every error mapping (auth, rate limit with Retry-After, bad request, outages, resets,
 * timeouts, malformed and empty answers, aborts), key handling, and a whole Executer run whose
 * first request is rate-limited.
 */
export function describeProviderConformance(subject: ProviderConformanceSubject): void {
  describe(`provider conformance: ${subject.provider}`, () => {
    let folder: string;
    const servers: WireServer[] = [];
    const executers: Executer[] = [];

    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), 'executer-provider-conformance-'));
    });
    afterEach(async () => {
      await Promise.all(executers.splice(0).map((executer) => executer[Symbol.asyncDispose]()));
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });
    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    const serve = async (...answers: ScriptedReply[]): Promise<WireServer> => {
      const server = await startServer(subject.wire, answers);
      servers.push(server);
      return server;
    };

    const assemble = async (
      server: WireServer,
      options: ExecuterOptions & { timeoutMs?: number; runner?: RunnerDouble } = {},
    ): Promise<Executer> => {
      const { timeoutMs, runner, ...executerOptions } = options;
      const doubles = createTestPlugin({
        runners: [runner ?? new RunnerDouble(() => ({ stdout: '5\n' }), { name: 'subprocess' })],
        policies: [new KeywordPolicyDouble('safe'), new KeywordPolicyDouble('permissive')],
        promptBuilder: new PromptBuilderDouble(),
        history: new InMemoryHistoryStore(),
      });
      const executer = await assembleExecuter(
        {
          cwd: folder,
          provider: subject.provider,
          modelName: model,
          apiKey,
          env: {},
          saveExecutions: false,
          ...subject.options?.(server),
          ...executerOptions,
        },
        [
          doubles,
          {
            name: subject.provider,
            module: subject.module(server, timeoutMs === undefined ? {} : { timeoutMs }),
          },
        ],
      );
      executers.push(executer);
      return executer;
    };

    const generate = async (
      server: WireServer,
      options: { stream?: boolean; signal?: AbortSignal; executer?: ExecuterOptions } = {},
    ) => {
      const executer = await assemble(server, options.executer);
      const deltas: string[] = [];
      const response = await executer.provider.generate(
        { system, user, model, temperature: 0.3, maxOutputTokens: 321 },
        {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.stream ? { onTextDelta: (delta) => deltas.push(delta) } : {}),
        },
      );
      return { response, deltas };
    };

    const failure = async (
      server: WireServer,
      options: { stream?: boolean; signal?: AbortSignal; timeoutMs?: number } = {},
    ) => {
      const executer = await assemble(
        server,
        options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
      );
      try {
        await executer.provider.generate(
          { system, user, model, temperature: 0.3 },
          {
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.stream ? { onTextDelta: () => {} } : {}),
          },
        );
      } catch (error) {
        expect(error).toBeInstanceOf(ProviderError);
        const typed = error as ProviderError;
        expect(typed.provider).toBe(subject.provider);
        return typed;
      }
      throw new Error('expected the provider to fail');
    };

    it('sends the request the vendor expects: path, key, model, temperature, max tokens, system and user prompt', async () => {
      const server = await serve(answer);
      await generate(server);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests as [RecordedRequest];
      expect(request.method).toBe('POST');
      expect(request.path).toBe(expectedPath(subject.wire, false));
      const read = readRequest(subject.wire, request);
      expect(read).toMatchObject({
        model,
        stream: false,
        temperature: 0.3,
        maxOutputTokens: 321,
        system,
        authorization: apiKey,
      });
      expect(read.messages).toEqual([{ role: 'user', text: user }]);
      subject.assertRequest?.(request);
    });

    it('returns the text, the model that answered, the finish reason and the token usage', async () => {
      const server = await serve({
        text: answer,
        model: `${model}-2026-01`,
        usage: { inputTokens: 17, outputTokens: 9 },
      });
      const { response } = await generate(server);
      expect(response).toMatchObject({
        text: answer,
        model: `${model}-2026-01`,
        finishReason: 'stop',
        usage: { inputTokens: 17, outputTokens: 9, totalTokens: 26 },
      });
    });

    it('reports a length finish reason', async () => {
      const server = await serve({ text: 'print(', finishReason: 'length' });
      const { response } = await generate(server);
      expect(response.finishReason).toBe('length');
    });

    it('streams the text in several deltas and still resolves with the whole answer and usage', async () => {
      const server = await serve({ text: answer, chunkSize: 5, usage: { inputTokens: 11, outputTokens: 7 } });
      const { response, deltas } = await generate(server, { stream: true });
      const [request] = server.requests as [RecordedRequest];
      expect(request.path).toBe(expectedPath(subject.wire, true));
      expect(readRequest(subject.wire, request)).toMatchObject({
        model,
        stream: true,
        temperature: 0.3,
        system,
      });
      expect(deltas.length).toBeGreaterThan(2);
      expect(deltas.join('')).toBe(answer);
      expect(response).toMatchObject({
        text: answer,
        model,
        finishReason: 'stop',
        usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18 },
      });
    });

    const statusTable: { status: number; kind: ProviderErrorKind; retryable: boolean }[] = [
      { status: 401, kind: 'auth', retryable: false },
      { status: 403, kind: 'auth', retryable: false },
      { status: 400, kind: 'bad-request', retryable: false },
      { status: 404, kind: 'bad-request', retryable: false },
      { status: 422, kind: 'bad-request', retryable: false },
      { status: 429, kind: 'rate-limit', retryable: true },
      { status: 500, kind: 'unavailable', retryable: true },
      { status: 503, kind: 'unavailable', retryable: true },
    ];
    for (const { status, kind, retryable } of statusTable) {
      it(`maps HTTP ${status} to a ${kind} error (${retryable ? 'retryable' : 'not retried'}) carrying the provider's message`, async () => {
        const message = `conformance says ${status}: model ${model} cannot do that`;
        const server = await serve({ status, message });
        const error = await failure(server);
        expect(error).toMatchObject({ kind, statusCode: status, isRetryable: retryable });
        expect(error.message).toContain(message);
        expect(server.requests).toHaveLength(1);
      });
    }

    it('gives a 401 a clear auth error that never shows the key, even when the server echoes it', async () => {
      const server = await serve({ status: 401, message: `Incorrect API key provided: ${apiKey}.` });
      const executer = await assemble(server);
      const provider = executer.provider;
      const error = await failure(server);
      expect(error.kind).toBe('auth');
      expect(error.message).toMatch(/401/);
      expect(error.message).toMatch(/key/i);
      for (const text of [
        error.message,
        JSON.stringify(error),
        inspect(error, { depth: 8 }),
        String(error.hint),
        JSON.stringify(provider),
        inspect(provider, { depth: 8 }),
      ]) {
        expect(text).not.toContain(apiKey);
      }
    });

    it('reads Retry-After in seconds into retryAfterMs', async () => {
      const server = await serve({ status: 429, headers: { 'retry-after': '7' } });
      expect((await failure(server)).retryAfterMs).toBe(7000);
    });

    it('reads Retry-After as an HTTP date into retryAfterMs', async () => {
      const server = await serve({
        status: 429,
        headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() },
      });
      const { retryAfterMs } = await failure(server);
      expect(retryAfterMs).toBeGreaterThan(25_000);
      expect(retryAfterMs).toBeLessThanOrEqual(31_000);
    });

    it('reads retry-after-ms into retryAfterMs', async () => {
      const server = await serve({ status: 429, headers: { 'retry-after-ms': '1500' } });
      expect((await failure(server)).retryAfterMs).toBe(1500);
    });

    it('maps an error that ends a streamed request', async () => {
      const server = await serve({ status: 503 });
      expect(await failure(server, { stream: true })).toMatchObject({ kind: 'unavailable', statusCode: 503 });
    });

    it('maps a dropped connection to a retryable unavailable error', async () => {
      const server = await serve({ fault: 'reset' });
      expect(await failure(server)).toMatchObject({ kind: 'unavailable', isRetryable: true });
    });

    it('maps a request that outlives its timeout to a retryable timeout error', async () => {
      const server = await serve({ fault: 'hang' });
      expect(await failure(server, { timeoutMs: 300 })).toMatchObject({ kind: 'timeout', isRetryable: true });
    });

    for (const fault of ['malformed', 'empty'] as const) {
      for (const stream of [false, true]) {
        it(`maps a ${fault} ${stream ? 'stream' : 'answer'} to a bad-response error`, async () => {
          const server = await serve({ fault });
          expect(await failure(server, { stream })).toMatchObject({
            kind: 'bad-response',
            isRetryable: false,
          });
        });
      }
    }

    it('maps an answer with no text to a bad-response error', async () => {
      const server = await serve({ text: '' });
      expect((await failure(server)).kind).toBe('bad-response');
    });

    it('aborts a request in flight when the signal fires', async () => {
      const server = await serve({ fault: 'hang' });
      const controller = new AbortController();
      const pending = failure(server, { signal: controller.signal });
      await expect.poll(() => server.requests.length).toBe(1);
      controller.abort();
      expect((await pending).kind).toBe('aborted');
    });

    it('aborts a stream in flight when the signal fires', async () => {
      const server = await serve({ text: 'x'.repeat(400), chunkSize: 1, delayMs: 20 });
      const controller = new AbortController();
      const executer = await assemble(server);
      const pending = executer.provider
        .generate(
          { system, user, model, temperature: 0.3 },
          { signal: controller.signal, onTextDelta: () => controller.abort() },
        )
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      const error = await pending;
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('aborted');
    });

    it('does not send a request when the signal is already aborted', async () => {
      const server = await serve(answer);
      expect((await failure(server, { signal: AbortSignal.abort() })).kind).toBe('aborted');
      expect(server.requests).toHaveLength(0);
    });

    if (subject.apiKeyVariables) {
      const variables = subject.apiKeyVariables;

      it('fails with MissingApiKeyError naming the variables before any request when there is no key', async () => {
        const server = await serve(answer);
        const executer = await assemble(server, { apiKey: undefined, env: {} });
        let caught: unknown;
        try {
          await executer.provider.generate({ system, user, model, temperature: 0.2 });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(MissingApiKeyError);
        expect((caught as MissingApiKeyError).environmentVariables).toEqual(variables);
        for (const variable of variables) expect((caught as Error).message).toContain(variable);
        expect(server.requests).toHaveLength(0);
      });

      it('takes the key from the first environment variable, and an explicit key over it', async () => {
        const server = await serve(answer, answer);
        const fromEnvironment = await assemble(server, {
          apiKey: undefined,
          env: { [variables[0] as string]: 'key-from-environment' },
        });
        await fromEnvironment.provider.generate({ system, user, model, temperature: 0.2 });
        const explicit = await assemble(server, {
          apiKey: 'key-explicit',
          env: { [variables[0] as string]: 'key-from-environment' },
        });
        await explicit.provider.generate({ system, user, model, temperature: 0.2 });
        expect(server.requests.map((request) => readRequest(subject.wire, request).authorization)).toEqual([
          'key-from-environment',
          'key-explicit',
        ]);
      });

      it('takes the key from config.json (ai.api_key) when neither option nor environment has one', async () => {
        const server = await serve(answer);
        const configFile = join(folder, `config-${subject.provider}.json`);
        writeFileSync(configFile, JSON.stringify({ ai: { api_key: 'key-from-config-file' } }));
        const executer = await assemble(server, { apiKey: undefined, env: {}, configFile });
        await executer.provider.generate({ system, user, model, temperature: 0.2 });
        expect(readRequest(subject.wire, server.requests[0] as RecordedRequest).authorization).toBe(
          'key-from-config-file',
        );
      });
    }

    it("runs the Executer end to end through the real SDK, and core's retry honours a 429's Retry-After", async () => {
      const server = await serve({ status: 429, headers: { 'retry-after': '1' } }, answer);
      const runner = new RunnerDouble(() => ({ stdout: '5\n' }), { name: 'subprocess' });
      const executer = await assemble(server, { runner });
      const events: ExecuterEvent[] = [];
      const result = await executer.run('Print the sum of 2 and 3.', {
        onEvent: (event) => events.push(event),
      });
      expect(result).toMatchObject({ success: true, output: '5\n', provider: subject.provider, model });
      expect(result.code.trim()).toBe('print(2 + 3)');
      expect(result.usage.totalTokens).toBeGreaterThan(0);
      expect(runner.jobs.map((job) => job.code.trim())).toEqual(['print(2 + 3)']);
      const retries = events.filter((event) => event.type === 'provider-retry');
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({ delayMs: 1000, error: { kind: 'rate-limit', statusCode: 429 } });
      expect(
        events
          .filter((event) => event.type === 'text-delta')
          .map((event) => (event as { delta: string }).delta)
          .join(''),
      ).toBe(answer);
      expect(server.completionRequests).toHaveLength(2);
    });
  });
}
