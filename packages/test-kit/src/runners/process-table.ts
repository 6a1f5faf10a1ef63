import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc shows it. */
export interface ProcessEntry {
  pid: number;
  parentPid: number;
  /** Clock ticks since boot; with the pid it names one process even if the pid is reused. */
  startTime: string;
  commandLine: string;
}

function readEntry(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    if (fields[0] === 'Z') return undefined;
    return { pid, parentPid: Number(fields[1]), startTime: fields[19] ?? '', commandLine };
  } catch {
    return undefined;
  }
}

/** Every live process (zombies excluded). */
export function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readEntry(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/** The live descendants of `ancestor` (default: this process). */
export function listDescendants(ancestor = process.pid): ProcessEntry[] {
  const all = listProcesses();
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of all) children.set(entry.parentPid, [...(children.get(entry.parentPid) ?? []), entry]);
  const found: ProcessEntry[] = [];
  const queue = [ancestor];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Whether that very process (same pid and start time) is still alive. */
export function isAlive(entry: Pick<ProcessEntry, 'pid' | 'startTime'>): boolean {
  return readEntry(entry.pid)?.startTime === entry.startTime;
}

/** Processes whose command line contains `text`. */
export function findByCommandLine(text: string): ProcessEntry[] {
  return listProcesses().filter((entry) => entry.commandLine.includes(text));
}
