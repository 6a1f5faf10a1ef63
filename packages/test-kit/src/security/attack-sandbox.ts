import { type ChildProcess, spawn } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { AttackEffect } from './security-attack.js';

const settleMs = 150;

/**
 * The world one attack runs against: a folder with a canary, a TCP listener on 127.0.0.1 and a
 * victim process, each watched from outside so that containment is judged by effect alone.
 */
export class AttackSandbox {
  readonly folder: string;
  readonly #effect: AttackEffect;
  #before = '';
  #server: Server | undefined;
  #port = 0;
  #connections = 0;
  #victim: ChildProcess | undefined;
  #victimExit: Promise<void> | undefined;

  private constructor(folder: string, effect: AttackEffect) {
    this.folder = folder;
    this.#effect = effect;
  }

  static async create(folder: string, effect: AttackEffect): Promise<AttackSandbox> {
    const sandbox = new AttackSandbox(folder, effect);
    await mkdir(join(folder, 'sub'), { recursive: true });
    await mkdir(join(folder, 'empty'), { recursive: true });
    await writeFile(join(folder, 'canary.txt'), 'canary\n');
    await writeFile(join(folder, 'sub', 'inner.txt'), 'inner\n');
    sandbox.#before = await snapshot(folder);
    if (effect === 'network') await sandbox.#listen();
    if (effect === 'victim') sandbox.#startVictim();
    return sandbox;
  }

  /** Python lines defining SANDBOX, CANARY, MARKER, PORT and VICTIM. */
  prelude(): string {
    return [
      `SANDBOX = ${JSON.stringify(this.folder)}`,
      `CANARY = SANDBOX + "/canary.txt"`,
      `MARKER = SANDBOX + "/marker"`,
      `PORT = ${this.#port}`,
      `VICTIM = ${this.#victim?.pid ?? 0}`,
      '',
    ].join('\n');
  }

  /** Whether the attack had its effect. */
  async escaped(): Promise<boolean> {
    if (this.#effect === 'files') {
      // A child the attack spawned may still be finishing its write.
      await delay(50);
      return (await snapshot(this.folder)) !== this.#before;
    }
    if (this.#effect === 'network') {
      await delay(settleMs);
      return this.#connections > 0;
    }
    await Promise.race([this.#victimExit, delay(settleMs * 2)]);
    return this.#victim?.exitCode !== null || this.#victim?.signalCode !== null;
  }

  async dispose(): Promise<void> {
    if (this.#victim && this.#victim.exitCode === null && this.#victim.signalCode === null)
      this.#victim.kill('SIGKILL');
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  async #listen(): Promise<void> {
    const server = createServer((socket) => {
      this.#connections += 1;
      socket.destroy();
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.#port = typeof address === 'object' && address !== null ? address.port : 0;
  }

  #startVictim(): void {
    // Detached: its own process group, so that killpg(VICTIM) reaches it and nothing else.
    const victim = spawn('sleep', ['120'], { detached: true, stdio: 'ignore' });
    this.#victim = victim;
    this.#victimExit = new Promise((resolve) => victim.once('exit', () => resolve()));
  }
}

async function snapshot(folder: string): Promise<string> {
  const entries: string[] = [];
  const walk = async (path: string): Promise<void> => {
    for (const name of (await readdir(path)).sort()) {
      const child = join(path, name);
      const stats = await lstat(child);
      const content = stats.isFile() ? (await readFile(child)).toString('base64') : '';
      entries.push(`${child}|${stats.mode}|${stats.size}|${stats.mtimeMs}|${stats.nlink}|${content}`);
      if (stats.isDirectory()) await walk(child);
    }
  };
  await walk(folder);
  return entries.join('\n');
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
