import { afterEach, describe, expect, it } from 'vitest';
import { startGeminiServer } from './start-gemini-server.js';
import { startGroqServer } from './start-groq-server.js';
import { startOpenAICompatibleServer } from './start-openai-compatible-server.js';
import type { WireServer } from './wire-server.js';

const servers: WireServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function track(server: Promise<WireServer>): Promise<WireServer> {
  const started = await server;
  servers.push(started);
  return started;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

// biome-ignore lint/suspicious/noExplicitAny: wire bodies are checked by the assertions that follow.
const readJson = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

const sseData = (text: string) =>
  text
    .split(/\r?\n\r?\n/)
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));

const chat = {
  model: 'gpt-test',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: 'say hi' },
  ],
};

describe('OpenAI-compatible wire server', () => {
  it('answers a chat completion with the scripted text and records the request', async () => {
    const server = await track(startOpenAICompatibleServer({ answers: ['```python\nprint(1)\n```'] }));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await post(`${server.url}/chat/completions`, chat, { authorization: 'Bearer k' });
    const body = await readJson(response);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-test',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '```python\nprint(1)\n```' },
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      },
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat/completions',
        body: chat,
        headers: expect.objectContaining({ authorization: 'Bearer k' }),
      }),
    ]);
  });

  it('streams SSE chunks, a usage chunk when asked, and [DONE]', async () => {
    const server = await track(
      startOpenAICompatibleServer({ answers: [{ text: 'hello world!', chunkSize: 5 }] }),
    );
    const response = await post(`${server.url}/chat/completions`, {
      ...chat,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = sseData(await response.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('hello world!');
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta?.content).length).toBe(3);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
  });

  it('sends scripted errors in the OpenAI envelope with their headers', async () => {
    const server = await track(
      startOpenAICompatibleServer({ answers: [{ status: 429, headers: { 'retry-after': '2' } }] }),
    );
    const response = await post(`${server.url}/chat/completions`, chat);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await readJson(response)).toEqual({
      error: {
        message: expect.stringContaining('Rate limit'),
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('computes answers from the prompt, and says so when the script is exhausted', async () => {
    const server = await track(
      startOpenAICompatibleServer({ answers: [({ user, system, index }) => `${system}|${user}|${index}`] }),
    );
    const first = await readJson(post(`${server.url}/chat/completions`, chat));
    expect(first.choices[0].message.content).toBe('be brief|say hi|0');
    const second = await post(`${server.url}/chat/completions`, chat);
    expect(second.status).toBe(400);
    expect((await readJson(second)).error.message).toMatch(/script is exhausted after 1 answers/);
  });

  it('loops the script when asked, and answers unknown paths with 404', async () => {
    const server = await track(startOpenAICompatibleServer({ answers: ['a', 'b'], loop: true }));
    const texts: string[] = [];
    for (let index = 0; index < 3; index++)
      texts.push((await readJson(post(`${server.url}/chat/completions`, chat))).choices[0].message.content);
    expect(texts).toEqual(['a', 'b', 'a']);
    expect((await post(`${server.url}/responses`, chat)).status).toBe(404);
  });

  it('drops the connection for a reset fault', async () => {
    const server = await track(startOpenAICompatibleServer({ answers: [{ fault: 'reset' }] }));
    await expect(post(`${server.url}/chat/completions`, chat)).rejects.toThrow();
  });
});

describe('Groq wire server', () => {
  it('serves /openai/v1/chat/completions with x_groq and timed usage, and usage in the last stream chunk', async () => {
    const server = await track(startGroqServer({ answers: ['hi there', 'streamed'] }));
    const body = await readJson(post(`${server.url}/openai/v1/chat/completions`, chat));
    expect(body).toMatchObject({
      x_groq: { id: expect.any(String) },
      usage: { queue_time: expect.any(Number), total_tokens: expect.any(Number) },
    });
    const events = sseData(
      await (await post(`${server.url}/openai/v1/chat/completions`, { ...chat, stream: true })).text(),
    );
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2) as string)).toMatchObject({
      x_groq: { usage: { total_tokens: expect.any(Number) } },
    });
  });
});

describe('Gemini wire server', () => {
  const content = {
    contents: [{ role: 'user', parts: [{ text: 'say hi' }] }],
    systemInstruction: { parts: [{ text: 'be brief' }] },
    generationConfig: { temperature: 0.2 },
  };

  it('answers generateContent with candidates, usageMetadata and modelVersion', async () => {
    const server = await track(
      startGeminiServer({ answers: [({ system, user, model }) => `${model}:${system}:${user}`] }),
    );
    const body = await readJson(
      post(`${server.url}/v1beta/models/gemini-3-flash-preview:generateContent`, content),
    );
    expect(body).toMatchObject({
      candidates: [
        {
          content: { parts: [{ text: 'gemini-3-flash-preview:be brief:say hi' }], role: 'model' },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: {
        promptTokenCount: expect.any(Number),
        candidatesTokenCount: expect.any(Number),
        totalTokenCount: expect.any(Number),
      },
      modelVersion: 'gemini-3-flash-preview',
    });
  });

  it('streams streamGenerateContent?alt=sse as CRLF-separated events', async () => {
    const server = await track(
      startGeminiServer({ answers: [{ text: 'abcdefghij', chunkSize: 4, finishReason: 'length' }] }),
    );
    const raw = await (
      await post(`${server.url}/v1beta/models/m:streamGenerateContent?alt=sse`, content)
    ).text();
    expect(raw).toContain('\r\n\r\n');
    const chunks = sseData(raw).map((event) => JSON.parse(event));
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0].text)).toEqual(['abcd', 'efgh', 'ij']);
    expect(chunks.at(-1)).toMatchObject({
      candidates: [{ finishReason: 'MAX_TOKENS' }],
      usageMetadata: { candidatesTokenCount: expect.any(Number) },
    });
  });

  it('sends errors as {"error": {"code","message","status"}}', async () => {
    const server = await track(startGeminiServer({ answers: [{ status: 503 }] }));
    const response = await post(`${server.url}/v1beta/models/m:generateContent`, content);
    expect(response.status).toBe(503);
    expect(await readJson(response)).toEqual({
      error: { code: 503, message: expect.stringContaining('overloaded'), status: 'UNAVAILABLE' },
    });
  });
});
