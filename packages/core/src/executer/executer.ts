import type { Container } from 'inversify';
import type { ConfigValueOrigin, ExecuterConfig } from '../config/executer-config.js';
import type { Attempt } from '../domain/attempt.js';
import type { ExecutionRecord } from '../domain/execution-record.js';
import type { ExecutionResult } from '../domain/execution-result.js';
import { isSecurityMode, type SecurityMode, securityModes } from '../domain/security-mode.js';
import { addUsage, emptyUsage, type TokenUsage } from '../domain/token-usage.js';
import { formatViolations } from '../domain/violation.js';
import { ConfigError } from '../errors/config-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { SecurityModeUnsupportedError } from '../errors/security-mode-unsupported-error.js';
import { UnknownPluginNameError } from '../errors/unknown-plugin-name-error.js';
import { type PluginKind, PluginRegistration, pluginKinds } from '../plugins/plugin-registration.js';
import type { ClearExecutionsOptions, HistoryStore, ListExecutionsOptions } from '../ports/history-store.js';
import type { PromptBuilder } from '../ports/prompt-builder.js';
import type { GenerateResponse, Provider } from '../ports/provider.js';
import type { Runner } from '../ports/runner.js';
import type { SecurityPolicy } from '../ports/security-policy.js';
import { describeOutcome } from './describe-outcome.js';
import type { ExecuterEventListener } from './executer-events.js';
import { createExecutionId } from './execution-id.js';
import { extractCode } from './extract-code.js';
import { generateWithRetries } from './generate-with-retries.js';

export interface RunInstructionOptions {
  /** Extra material for the model (data, constraints, file contents). */
  context?: string;
  /** Per-attempt timeout in seconds; default the configured timeout. */
  timeout?: number;
  /** Save this run to history; default the configured saveExecutions. */
  saveExecution?: boolean;
  /** Retry with the error fed back to the model; default true. */
  retryOnError?: boolean;
  /** Retries after the first attempt; default the configured maxRetries. */
  maxRetries?: number;
  /** Aborts generation or the running code; the result says "aborted". */
  signal?: AbortSignal;
  /** Progress events for live views. */
  onEvent?: ExecuterEventListener;
}

export interface GenerateCodeOptions {
  context?: string;
  previousCode?: string;
  previousError?: string;
  signal?: AbortSignal;
  /** Streamed answer text, when the provider streams. */
  onTextDelta?: (delta: string) => void;
  /** Called before each provider retry (rate limit, outage). */
  onProviderRetry?: (error: ProviderError, delayMs: number, retry: number) => void;
  attempt?: number;
}

export interface GeneratedCode {
  /** The extracted code, or undefined when the answer held none. */
  code: string | undefined;
  /** The model's whole answer. */
  answer: string;
  model: string;
  usage: TokenUsage | undefined;
  finishReason: string | undefined;
}

export interface ExecuteCodeOptions {
  /** Timeout in seconds; default the configured timeout. */
  timeout?: number;
  /** Save a history record; default false (the CLI's `exec` saves unless --no-save). */
  saveExecution?: boolean;
  signal?: AbortSignal;
  onEvent?: ExecuterEventListener;
}

/**
 * The seed's CodeExecuter: generates code from an instruction, checks it against the active
 * security policy, runs it, retries with the error fed back to the model, and keeps history.
 * Implementations come from the container by name, and are created on first use: `executeCode`
 * and the history methods never need a provider key.
 */
export class Executer implements AsyncDisposable {
  readonly #container: Container;
  readonly #config: ExecuterConfig;
  readonly #origins: Partial<Record<keyof ExecuterConfig, ConfigValueOrigin>>;
  #securityMode: SecurityMode;
  readonly #usedRunners = new Set<Runner>();
  #disposed = false;

  constructor(
    container: Container,
    config: ExecuterConfig,
    origins: Partial<Record<keyof ExecuterConfig, ConfigValueOrigin>> = {},
  ) {
    this.#container = container;
    this.#config = config;
    this.#origins = origins;
    this.#securityMode = config.security;
    this.#assertRegistered('provider', config.provider);
    this.#assertRegistered('runner', config.mode);
    this.#assertRegistered('security-policy', config.security);
  }

  /** The effective configuration. */
  get config(): Readonly<ExecuterConfig> {
    return this.#config;
  }

  /** Where each configuration value came from. */
  get configOrigins(): Readonly<Partial<Record<keyof ExecuterConfig, ConfigValueOrigin>>> {
    return this.#origins;
  }

  get securityMode(): SecurityMode {
    return this.#securityMode;
  }

  /** Changes the security mode for the runs that follow. */
  setSecurityMode(mode: SecurityMode): void {
    if (!isSecurityMode(mode)) {
      throw new ConfigError('is not a security mode', {
        path: 'securityMode',
        value: mode,
        allowed: securityModes.map((name) => `"${name}"`).join(' or '),
      });
    }
    this.#assertRegistered('security-policy', mode);
    this.#securityMode = mode;
  }

  /** The provider, created on first use (this is where a missing API key is reported). */
  get provider(): Provider {
    return this.#named('provider', this.#config.provider);
  }

  /** The runner for the configured execution mode, created on first use. */
  get runner(): Runner {
    const runner = this.#named<Runner>('runner', this.#config.mode);
    this.#usedRunners.add(runner);
    return runner;
  }

  get #policy(): SecurityPolicy {
    return this.#named('security-policy', this.#securityMode);
  }

  get #history(): HistoryStore {
    return this.#named('history-store', this.#lastRegistered('history-store'));
  }

  get #prompts(): PromptBuilder {
    return this.#named('prompt-builder', this.#lastRegistered('prompt-builder'));
  }

  /** Generates code for an instruction (one model call, with provider retries) without running it. */
  async generateCode(instruction: string, options: GenerateCodeOptions = {}): Promise<GeneratedCode> {
    const policy = this.#policy;
    const prompt = await this.#prompts.build({
      instruction,
      context: options.context,
      language: this.#config.language,
      securityMode: this.#securityMode,
      rules: policy.rules,
      previousCode: options.previousCode,
      previousError: options.previousError,
      attempt: options.attempt ?? 1,
    });
    const provider = this.provider;
    const response: GenerateResponse = await generateWithRetries(
      provider,
      {
        system: prompt.system,
        user: prompt.user,
        model: this.#model(provider),
        temperature: this.#config.temperature,
        ...(this.#config.maxOutputTokens ? { maxOutputTokens: this.#config.maxOutputTokens } : {}),
      },
      { signal: options.signal, onTextDelta: options.onTextDelta },
      { retries: this.#config.requestRetries, baseDelayMs: 500, maxDelayMs: 30_000 },
      options.onProviderRetry,
    );
    return {
      code: extractCode(response.text, this.#config.language),
      answer: response.text,
      model: response.model,
      usage: response.usage,
      finishReason: response.finishReason,
    };
  }

  /** Generates, checks, runs and retries; saves one record after the last attempt. */
  async run(instruction: string, options: RunInstructionOptions = {}): Promise<ExecutionResult> {
    this.#assertOpen();
    const started = new Date();
    const startedAt = performance.now();
    const executionId = createExecutionId(started);
    const emit = options.onEvent ?? (() => {});
    const retries = options.retryOnError === false ? 0 : (options.maxRetries ?? this.#config.maxRetries);
    const maxAttempts = retries + 1;
    const timeoutMs = (options.timeout ?? this.#config.timeoutSeconds) * 1000;
    const runner = this.#checkedRunner();
    const provider = this.provider;
    const attempts: Attempt[] = [];
    let usage = emptyUsage();
    let model = this.#model(provider);

    const finish = async (): Promise<ExecutionResult> => {
      const last = attempts.at(-1);
      const result: ExecutionResult = {
        success: last?.status === 'success',
        output: last?.output ?? '',
        error: last?.error ?? '',
        code: last?.code ?? '',
        executionTime: (performance.now() - startedAt) / 1000,
        executionId,
        instruction,
        timestamp: started.toISOString(),
        attempts,
        provider: provider.name,
        model,
        securityMode: this.#securityMode,
        executionMode: runner.name,
        usage,
        saved: false,
      };
      return this.#save(result, options.saveExecution ?? this.#config.saveExecutions, emit);
    };

    for (let number = 1; number <= maxAttempts; number++) {
      emit({ type: 'attempt-start', attempt: number, maxAttempts });
      const previous = attempts.at(-1);
      const attemptStarted = performance.now();
      let generated: GeneratedCode;
      try {
        emit({ type: 'generating', attempt: number, provider: provider.name, model });
        generated = await this.generateCode(instruction, {
          context: options.context,
          previousCode: previous?.code || undefined,
          previousError: previous?.error || undefined,
          signal: options.signal,
          attempt: number,
          onTextDelta: (delta) => emit({ type: 'text-delta', attempt: number, delta }),
          onProviderRetry: (error, delayMs, retry) =>
            emit({ type: 'provider-retry', attempt: number, error, delayMs, retry }),
        });
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'aborted') {
          attempts.push(this.#abortedAttempt(number, '', attemptStarted));
          return finish();
        }
        // Earlier attempts are not lost: they are saved before the typed error is surfaced.
        if (attempts.length > 0) await finish().catch(() => undefined);
        throw error;
      }
      model = generated.model || model;
      usage = addUsage(usage, generated.usage);
      const attempt = await this.#attempt(number, generated, runner, timeoutMs, options.signal, emit);
      attempt.durationMs = performance.now() - attemptStarted;
      attempts.push(attempt);
      const willRetry = attempt.status !== 'success' && attempt.status !== 'aborted' && number < maxAttempts;
      emit({ type: 'attempt-end', attempt, willRetry });
      if (!willRetry) break;
    }
    return finish();
  }

  /** Checks and runs code directly, with no model. */
  async executeCode(code: string, options: ExecuteCodeOptions = {}): Promise<ExecutionResult> {
    this.#assertOpen();
    const started = new Date();
    const startedAt = performance.now();
    const emit = options.onEvent ?? (() => {});
    const runner = this.#checkedRunner();
    const timeoutMs = (options.timeout ?? this.#config.timeoutSeconds) * 1000;
    const attempt = await this.#attempt(
      1,
      { code, answer: code, model: '', usage: undefined, finishReason: undefined },
      runner,
      timeoutMs,
      options.signal,
      emit,
    );
    attempt.durationMs = performance.now() - startedAt;
    emit({ type: 'attempt-end', attempt, willRetry: false });
    const result: ExecutionResult = {
      success: attempt.status === 'success',
      output: attempt.output,
      error: attempt.error,
      code,
      executionTime: (performance.now() - startedAt) / 1000,
      executionId: createExecutionId(started),
      instruction: '',
      timestamp: started.toISOString(),
      attempts: [attempt],
      provider: '',
      model: '',
      securityMode: this.#securityMode,
      executionMode: runner.name,
      usage: emptyUsage(),
      saved: false,
    };
    return this.#save(result, options.saveExecution ?? false, emit);
  }

  /** Newest first. */
  listExecutions(options: ListExecutionsOptions = {}): Promise<ExecutionRecord[]> {
    return this.#history.list(options);
  }

  getExecution(executionId: string): Promise<ExecutionRecord | undefined> {
    return this.#history.get(executionId);
  }

  /** Resolves with how many records were removed. */
  clearExecutions(options: ClearExecutionsOptions = {}): Promise<number> {
    return this.#history.clear(options);
  }

  /** Stops every runner this Executer started (pools, containers). */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await Promise.allSettled([...this.#usedRunners].map((runner) => runner.dispose()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  async #attempt(
    number: number,
    generated: GeneratedCode,
    runner: Runner,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    emit: ExecuterEventListener,
  ): Promise<Attempt> {
    const base = { number, durationMs: 0, usage: generated.usage } as const;
    if (generated.code === undefined) {
      return {
        ...base,
        status: 'no-code',
        code: '',
        output: '',
        error: `The answer held no ${this.#config.language} code. Answer with exactly one fenced \`\`\`${this.#config.language} block containing the whole program.`,
        violations: [],
        exitCode: null,
      };
    }
    const code = generated.code;
    emit({ type: 'code', attempt: number, code });
    const policy = this.#policy;
    const check = policy.check(code, this.#config.language);
    if (check.syntaxError) {
      const { line, column, message } = check.syntaxError;
      return {
        ...base,
        status: 'error',
        code,
        output: '',
        error: `SyntaxError: line ${line}, column ${column}: ${message}`,
        violations: [],
        exitCode: null,
      };
    }
    if (check.violations.length > 0) {
      emit({ type: 'violations', attempt: number, violations: check.violations });
      return {
        ...base,
        status: 'violations',
        code,
        output: '',
        error: `The code breaks SAFE mode rules and was not run:\n${formatViolations(check.violations)}`,
        violations: check.violations,
        exitCode: null,
      };
    }
    if (signal?.aborted) return this.#abortedAttempt(number, code, performance.now());
    emit({ type: 'running', attempt: number, runner: runner.name });
    const outcome = await runner.run(
      {
        code,
        language: this.#config.language,
        timeoutMs,
        limits: {
          memoryBytes: this.#config.memoryLimitMb * 1024 * 1024,
          outputBytes: this.#config.outputLimitBytes,
        },
        guard: policy.guard(this.#config.language),
      },
      {
        signal,
        onStdout: (chunk) => emit({ type: 'stdout', attempt: number, chunk }),
        onStderr: (chunk) => emit({ type: 'stderr', attempt: number, chunk }),
      },
    );
    return {
      ...base,
      status: outcome.status,
      code,
      output: outcome.stdout,
      error: describeOutcome(outcome, timeoutMs),
      violations: outcome.violations,
      exitCode: outcome.exitCode,
    };
  }

  #abortedAttempt(number: number, code: string, startedAt: number): Attempt {
    return {
      number,
      status: 'aborted',
      code,
      output: '',
      error: 'Aborted by the caller.',
      violations: [],
      exitCode: null,
      durationMs: performance.now() - startedAt,
    };
  }

  async #save(result: ExecutionResult, save: boolean, emit: ExecuterEventListener): Promise<ExecutionResult> {
    if (!save) return result;
    const { saved: _saved, ...record } = result;
    const executionId = await this.#history.save(record);
    emit({ type: 'saved', executionId });
    return { ...result, executionId, saved: true };
  }

  #checkedRunner(): Runner {
    const runner = this.runner;
    const { capabilities } = runner;
    if (!capabilities.languages.includes(this.#config.language)) {
      throw new ConfigError(`runner "${runner.name}" does not run ${this.#config.language}`, {
        path: 'execution.language',
        value: this.#config.language,
        allowed: capabilities.languages.join(', '),
      });
    }
    if (this.#securityMode === 'safe' && !capabilities.enforcesGuard) {
      throw new SecurityModeUnsupportedError(
        runner.name,
        capabilities.guardUnsupportedReason ?? 'it does not install the runtime guard',
      );
    }
    return runner;
  }

  #model(provider: Provider): string {
    return this.#config.model ?? provider.defaultModel;
  }

  #registered(kind: PluginKind): string[] {
    return this.#container
      .getAll(PluginRegistration)
      .filter((registration) => registration.kind === kind)
      .map((registration) => registration.name);
  }

  #assertRegistered(kind: PluginKind, name: string): void {
    const names = this.#registered(kind);
    if (!names.includes(name)) {
      throw new UnknownPluginNameError(
        kind.replace('-', ' '),
        name,
        [...new Set(names)],
        pluginKinds[kind].configPath,
      );
    }
  }

  #lastRegistered(kind: PluginKind): string {
    const name = this.#registered(kind).at(-1);
    if (name === undefined)
      throw new UnknownPluginNameError(kind.replace('-', ' '), '(any)', [], pluginKinds[kind].configPath);
    return name;
  }

  #named<T>(kind: PluginKind, name: string): T {
    this.#assertRegistered(kind, name);
    return this.#container.get(pluginKinds[kind].token as never, { name }) as T;
  }

  #assertOpen(): void {
    if (this.#disposed)
      throw new ConfigError('this Executer was disposed', {
        path: '(executer)',
        hint: 'Create a new Executer.',
      });
  }
}
