import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './recorded-request.js';
import type {
  ScriptedFailure,
  ScriptedFault,
  ScriptedReply,
  ScriptedReplyContext,
  ScriptedText,
} from './scripted-reply.js';
import { splitIntoChunks } from './split-into-chunks.js';
import type { ResolvedAnswer, WireFormat, WireRoute } from './wire-format.js';

export interface WireServerOptions {
  /** The script: one reply per completion request, in order. More can be added with `enqueue`. */
  replies?: ScriptedReply[];
  /** Start the script over when it runs out (handy for a server people try things against). */
  loop?: boolean;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** A local HTTP server speaking one vendor's wire format, driven by a script. */
export interface WireServer extends AsyncDisposable {
  /** The base URL to give the SDK (for OpenAI-compatible servers it ends in /v1). */
  readonly url: string;
  /** scheme://host:port, with no path. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in order, including ones answered with errors. */
  readonly requests: RecordedRequest[];
  /** Completion requests only (what the script answered). */
  readonly completionRequests: RecordedRequest[];
  /** Adds replies at the end of the script. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Replies not used yet. */
  readonly pendingReplies: number;
  /** Stops listening and drops open connections (including hanging ones). */
  close(): Promise<void>;
}

const maximumReplyDepth = 8;

/** Starts a wire-format server on 127.0.0.1 and a free port; `basePath` is appended to `url`. */
export async function startWireServer(
  format: WireFormat,
  options: WireServerOptions = {},
  basePath = '',
): Promise<WireServer> {
  const script: ScriptedReply[] = [...(options.replies ?? [])];
  const original = [...script];
  const requests: RecordedRequest[] = [];
  const completionRequests: RecordedRequest[] = [];
  let answered = 0;
  let sequence = 0;

  const nextReply = (): ScriptedReply | undefined => {
    if (script.length === 0 && options.loop && original.length > 0) script.push(...original);
    return script.shift();
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const request = await record(incoming);
    requests.push(request);
    const route = format.route(request);
    if (!route || request.method !== 'POST') {
      sendError(response, format, {
        status: 404,
        message: `No route for ${request.method} ${request.path} on this ${format.vendor} test server.`,
      });
      return;
    }
    completionRequests.push(request);
    const index = answered++;
    const prompt = format.prompt(request.body);
    const context: ScriptedReplyContext = {
      request,
      system: prompt.system,
      user: prompt.user,
      model: route.model,
      stream: route.stream,
      index,
    };
    let reply = nextReply();
    for (let depth = 0; typeof reply === 'function' && depth < maximumReplyDepth; depth++)
      reply = reply(context);
    if (reply === undefined || typeof reply === 'function') {
      sendError(response, format, {
        status: 400,
        message: `${format.vendor} test server: the script is exhausted after ${index} answers (request ${index + 1} has no reply).`,
      });
      return;
    }
    if (typeof reply === 'object' && 'fault' in reply) {
      sendFault(incoming, response, format, reply, route);
      return;
    }
    if (typeof reply === 'object' && 'status' in reply) {
      sendError(response, format, reply);
      return;
    }
    const answer = resolveAnswer(typeof reply === 'string' ? { text: reply } : reply, context, ++sequence);
    const delayMs = typeof reply === 'object' ? (reply.delayMs ?? 0) : 0;
    if (delayMs > 0) await pause(delayMs);
    if (route.stream) {
      await sendStream(response, format, format.streamEvents(answer, request), delayMs);
    } else {
      sendJson(response, 200, format.completion(answer, request));
    }
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendError(response, format, { status: 500, message: `test server failure: ${String(error)}` });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };

  return {
    url: `${origin}${basePath}`,
    origin,
    port: address.port,
    requests,
    completionRequests,
    enqueue: (...replies) => {
      script.push(...replies);
      original.push(...replies);
    },
    get pendingReplies() {
      return script.length;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  }
  const url = new URL(incoming.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

function resolveAnswer(text: ScriptedText, context: ScriptedReplyContext, sequence: number): ResolvedAnswer {
  const estimate = (value: string) => Math.max(1, Math.ceil(value.length / 4));
  return {
    text: text.text,
    model: text.model ?? context.model,
    finishReason: text.finishReason ?? 'stop',
    usage: text.usage ?? {
      inputTokens: estimate(context.system + context.user),
      outputTokens: estimate(text.text),
    },
    chunks: splitIntoChunks(text.text, text.chunkSize ?? 8),
    id: `test-${sequence}`,
    created: Math.floor(Date.now() / 1000),
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function sendError(response: ServerResponse, format: WireFormat, failure: ScriptedFailure): void {
  const message = failure.message ?? format.defaultErrorMessage(failure.status);
  sendJson(
    response,
    failure.status,
    failure.body ?? format.errorBody(failure.status, message),
    failure.headers,
  );
}

function sendFault(
  incoming: IncomingMessage,
  response: ServerResponse,
  format: WireFormat,
  fault: ScriptedFault,
  route: WireRoute,
): void {
  switch (fault.fault) {
    case 'hang':
      // Answer nothing; the client gives up (abort, timeout) or close() drops the connection.
      return;
    case 'reset':
      incoming.socket.destroy();
      return;
    case 'malformed':
      if (route.stream) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(`data: {"choices": [{"delta": {"content": "unfinished${format.eventSeparator}`);
      } else {
        sendJson(response, 200, '{"id": "broken", "choices": [{"message": ');
      }
      return;
    case 'empty':
      if (route.stream) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(format.vendor === 'gemini' ? '' : `data: [DONE]${format.eventSeparator}`);
      } else {
        sendJson(response, 200, format.emptyCompletion(route.model));
      }
      return;
  }
}

async function sendStream(
  response: ServerResponse,
  format: WireFormat,
  events: unknown[],
  delayMs: number,
): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const event of events) {
    if (response.destroyed) return;
    response.write(
      `data: ${typeof event === 'string' ? event : JSON.stringify(event)}${format.eventSeparator}`,
    );
    if (delayMs > 0) await pause(delayMs);
  }
  response.end();
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
