import {
  type Attempt,
  type AttemptStatus,
  type ExecutionRecord,
  isSecurityMode,
  type SecurityMode,
  type TokenUsage,
  type Violation,
} from '@executer/core';
import type { AttemptJson, ExecutionRecordJson, TokenUsageJson } from './execution-record-json.js';

/** The file form of a record, saved under `executionId`. */
export function encodeExecutionRecord(record: ExecutionRecord, executionId: string): ExecutionRecordJson {
  return {
    execution_id: executionId,
    timestamp: record.timestamp,
    instruction: record.instruction,
    code: record.code,
    success: record.success,
    output: record.output,
    error: record.error,
    execution_time: record.executionTime,
    provider: record.provider,
    model: record.model,
    security_mode: record.securityMode,
    execution_mode: record.executionMode,
    ...(record.attempts ? { attempts: record.attempts.map(encodeAttempt) } : {}),
    ...(record.usage ? { usage: encodeUsage(record.usage) } : {}),
  };
}

function encodeAttempt(attempt: Attempt): AttemptJson {
  return {
    number: attempt.number,
    status: attempt.status,
    code: attempt.code,
    output: attempt.output,
    error: attempt.error,
    violations: attempt.violations.map((violation) => ({ ...violation })),
    exit_code: attempt.exitCode,
    duration_ms: attempt.durationMs,
    ...(attempt.usage ? { usage: encodeUsage(attempt.usage) } : {}),
  };
}

function encodeUsage(usage: TokenUsage): TokenUsageJson {
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
  };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// The seed's Python module writes None (null) for an empty error.
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const recordKeys = ['execution_id', 'instruction', 'code', 'success'];

/**
 * Reads a parsed history file, written by this package or by the seed's Python module (no
 * attempts or usage, perhaps extra keys, null for empty strings). The id is the file name's, which
 * is what `get` finds it by. Returns a reason instead when the JSON is not an execution record.
 */
export function decodeExecutionRecord(
  json: unknown,
  file: { executionId: string; success: boolean },
): ExecutionRecord | string {
  if (!isObject(json)) return 'not a JSON object';
  if (!recordKeys.some((key) => key in json))
    return `not an execution record (none of ${recordKeys.join(', ')})`;
  const record: ExecutionRecord = {
    executionId: file.executionId,
    timestamp: text(json.timestamp),
    instruction: text(json.instruction),
    code: text(json.code),
    success: typeof json.success === 'boolean' ? json.success : file.success,
    output: text(json.output),
    error: text(json.error),
    executionTime: number(json.execution_time),
    provider: text(json.provider),
    model: text(json.model),
    securityMode: decodeSecurityMode(json.security_mode),
    executionMode: decodeEnumValue(json.execution_mode, 'ExecutionMode') || 'subprocess',
  };
  if (Array.isArray(json.attempts)) record.attempts = json.attempts.filter(isObject).map(decodeAttempt);
  if (isObject(json.usage)) record.usage = decodeUsage(json.usage);
  return record;
}

/** "safe", "SAFE" or a Python enum's "SecurityMode.SAFE" all read as "safe". */
function decodeEnumValue(value: unknown, enumName: string): string {
  const lower = text(value).toLowerCase();
  const prefix = `${enumName.toLowerCase()}.`;
  return lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
}

function decodeSecurityMode(value: unknown): SecurityMode {
  const mode = decodeEnumValue(value, 'SecurityMode');
  // The seed's default; an unknown value cannot have been more permissive than the code that ran.
  return isSecurityMode(mode) ? mode : 'safe';
}

function decodeAttempt(json: Json, index: number): Attempt {
  const attempt: Attempt = {
    number: typeof json.number === 'number' ? json.number : index + 1,
    status: (text(json.status) || 'error') as AttemptStatus,
    code: text(json.code),
    output: text(json.output),
    error: text(json.error),
    violations: Array.isArray(json.violations) ? json.violations.filter(isObject).map(decodeViolation) : [],
    exitCode: typeof json.exit_code === 'number' ? json.exit_code : null,
    durationMs: number(json.duration_ms),
  };
  if (isObject(json.usage)) attempt.usage = decodeUsage(json.usage);
  return attempt;
}

function decodeViolation(json: Json): Violation {
  const violation: Violation = {
    rule: text(json.rule),
    message: text(json.message),
    source: json.source === 'runtime' ? 'runtime' : 'static',
  };
  if (typeof json.line === 'number') violation.line = json.line;
  if (typeof json.column === 'number') violation.column = json.column;
  return violation;
}

function decodeUsage(json: Json): TokenUsage {
  return {
    inputTokens: number(json.input_tokens),
    outputTokens: number(json.output_tokens),
    totalTokens: number(json.total_tokens),
  };
}
