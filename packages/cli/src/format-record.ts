import type { ExecutionRecord } from '@executer/executer';
import type { Terminal } from './terminal.js';

/** One line per record for `history list`: id, status, mode, and the instruction (or "(exec)"). */
export function formatRecordLine(record: ExecutionRecord, terminal: Terminal): string {
  const status = record.success ? terminal.out('green', 'OK  ') : terminal.out('red', 'FAIL');
  const what = record.instruction ? record.instruction.replace(/\s+/g, ' ') : '(exec)';
  const shortened = what.length > 70 ? `${what.slice(0, 67)}...` : what;
  return `${record.executionId}  ${status}  ${(record.executionMode ?? '').padEnd(10)}  ${shortened}`;
}

/** Every field of one record for `history show`. */
export function formatRecord(record: ExecutionRecord, terminal: Terminal): string {
  const heading = (text: string) => terminal.out(['cyan', 'bold'], text);
  const lines = [
    `${heading('Execution')}    ${record.executionId}`,
    `${heading('Status')}       ${record.success ? terminal.out('green', 'OK') : terminal.out('red', 'FAIL')}`,
    `${heading('Time')}         ${record.timestamp} (${Number(record.executionTime ?? 0).toFixed(2)} s)`,
  ];
  if (record.provider)
    lines.push(`${heading('Model')}        ${record.provider}${record.model ? ` / ${record.model}` : ''}`);
  lines.push(`${heading('Security')}     ${record.securityMode ?? ''}, runner ${record.executionMode ?? ''}`);
  if (record.attempts)
    lines.push(`${heading('Attempts')}     ${record.attempts.map((attempt) => attempt.status).join(', ')}`);
  if (record.usage && record.usage.totalTokens > 0) {
    lines.push(`${heading('Tokens')}       ${record.usage.inputTokens} in, ${record.usage.outputTokens} out`);
  }
  lines.push(`${heading('Instruction')}  ${record.instruction || '(exec: code run directly)'}`);
  lines.push('', heading('Code'), (record.code ?? '').trimEnd());
  if (record.output) lines.push('', heading('Output'), record.output.trimEnd());
  if (record.error) lines.push('', heading('Error'), record.error.trimEnd());
  return `${lines.join('\n')}\n`;
}
