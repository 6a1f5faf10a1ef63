import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type ClearExecutionsOptions,
  createExecutionId,
  type ExecutionRecord,
  HistoryError,
  type HistoryStore,
  type ListExecutionsOptions,
} from '@executer/core';
import { executionIdCandidate } from './execution-id-candidate.js';
import { decodeExecutionRecord, encodeExecutionRecord } from './execution-record-codec.js';
import type { FsHistoryStoreOptions } from './fs-history-store-options.js';
import {
  type HistoryFileName,
  isRecordFileName,
  isSafeExecutionId,
  isSuccessFileName,
  isTemporaryFileName,
  parseRecordFileName,
  recordFileName,
  temporaryFileName,
} from './history-file-name.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { newestFirst, newestFirstOfSorted } from './newest-first.js';
import { scanFolder } from './scan-folder.js';
import { toHistoryError } from './to-history-error.js';

interface Listing {
  /** Record file names, in the filesystem's order. */
  records: string[];
  /** The same, ascending (oldest first); sorted on first need, since most listings need ten. */
  sorted?: string[];
  temporaries: string[];
}

const sortedRecords = (listing: Listing): string[] => {
  listing.sorted ??= [...listing.records].sort();
  return listing.sorted;
};

/** Temporary files older than this are a crashed writer's, not a slow one's. */
const staleTemporaryMs = 60_000;
/**
 * A listing is reused only while the folder's timestamps are unchanged, and only if the folder had
 * been quiet this long before it was read: a change made after the read then bears a later
 * timestamp, even on filesystems whose timestamps are coarse (FAT and HFS+ keep 1 to 2 s).
 */
const quietBeforeCachingMs = 2_000;
/** Saves that find their id taken on disk try this many others before giving up. */
const maxTakenIds = 1_000;
const readConcurrency = 32;
const linkUnsupportedCodes = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * A HistoryStore over a folder of JSON files, one per execution, in the seed's format:
 * `<id>_OK.json` or `<id>_FAIL.json` with snake_case keys. Listing reads the names (time order
 * and status) and parses only the records it returns; `get` opens a file by name.
 *
 * A save writes a hidden temporary file in the same folder, flushes it to disk, then publishes it
 * with a hard link, which fails if the name exists: a reader never sees half a record, and two
 * saves never share an id, within this process or across processes.
 */
export class FsHistoryStore implements HistoryStore {
  readonly directory: string;
  readonly #onWarning: (message: string) => void;
  /** Ids this store is saving right now. */
  readonly #claimed = new Set<string>();
  /** For ids that clashed: the next alternative to try, so a burst of clashes stays linear. */
  readonly #nextCandidate = new Map<string, number>();
  /** Temporary files this store is writing, which `clear` must leave alone. */
  readonly #writing = new Set<string>();
  readonly #warned = new Set<string>();
  #directoryReady: Promise<void> | undefined;
  #cachedListing: { key: string; listing: Listing } | undefined;
  #sweptStaleTemporaries = false;
  #linkUnsupported = false;

  constructor(options: FsHistoryStoreOptions) {
    this.directory = resolve(options.directory);
    this.#onWarning =
      options.onWarning ?? ((message) => process.emitWarning(message, { type: 'ExecuterHistoryWarning' }));
  }

  async save(record: ExecutionRecord): Promise<string> {
    const baseId = isSafeExecutionId(record.executionId)
      ? record.executionId
      : createExecutionId(validDate(record.timestamp));
    await this.#ensureDirectory();
    const temporary = join(this.directory, temporaryFileName(baseId, randomBytes(6).toString('hex')));
    this.#writing.add(temporary);
    try {
      let takenOnDisk = 0;
      for (let index = this.#nextCandidate.get(baseId) ?? 0; ; index++) {
        const executionId = executionIdCandidate(baseId, index);
        if (this.#claimed.has(executionId)) continue;
        // Claimed synchronously, before any await, so concurrent saves in this process never race.
        this.#claimed.add(executionId);
        try {
          if (await this.#tryPublish(record, executionId, temporary)) {
            if (index > 0) this.#rememberNextCandidate(baseId, index + 1);
            return executionId;
          }
        } finally {
          this.#claimed.delete(executionId);
        }
        if (++takenOnDisk >= maxTakenIds) {
          throw new HistoryError(
            this.directory,
            `no free execution id near ${baseId} after ${maxTakenIds} tries`,
            {
              hint: 'Clear old executions, or save records with distinct ids.',
            },
          );
        }
      }
    } catch (error) {
      throw toHistoryError(error, this.directory, 'save the execution');
    } finally {
      this.#writing.delete(temporary);
      await unlink(temporary).catch(() => {});
    }
  }

  async list(options: ListExecutionsOptions = {}): Promise<ExecutionRecord[]> {
    const limit = Math.floor(options.limit ?? Number.POSITIVE_INFINITY);
    if (limit <= 0) return [];
    const listing = await this.#listing();
    const keep = options.successOnly ? isSuccessFileName : undefined;
    const names = listing.sorted
      ? newestFirstOfSorted(listing.sorted, keep)
      : newestFirst(listing.records, limit, keep);
    const records: ExecutionRecord[] = [];
    let exhausted = false;
    // Reads only as many files as it returns, plus any skipped ones it has to read past.
    while (records.length < limit && !exhausted) {
      const batch: HistoryFileName[] = [];
      while (batch.length < limit - records.length) {
        const next = names.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        batch.push(parseRecordFileName(next.value) as HistoryFileName);
      }
      for (const record of await mapWithConcurrency(batch, readConcurrency, (file) =>
        this.#readListed(file),
      )) {
        if (record) records.push(record);
      }
    }
    return records;
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    if (!isSafeExecutionId(executionId)) return undefined;
    for (const success of [true, false]) {
      const file: HistoryFileName = { name: recordFileName(executionId, success), executionId, success };
      const text = await this.#readText(file.name, 'read the execution');
      if (text !== undefined) return this.#decode(file, text);
    }
    // Some seed files are named "<date>_<time>_<id>_OK.json": find those by name too.
    const endings = [recordFileName(`_${executionId}`, true), recordFileName(`_${executionId}`, false)];
    const records = sortedRecords(await this.#listing());
    const name = records.findLast((candidate) => endings.some((ending) => candidate.endsWith(ending)));
    const file = name === undefined ? undefined : parseRecordFileName(name);
    return file && this.#readListed(file);
  }

  async clear(options: ClearExecutionsOptions = {}): Promise<number> {
    const keep = Math.max(0, Math.floor(options.keepRecent ?? 0));
    const listing = await this.#listing();
    const records = sortedRecords(listing);
    const { temporaries } = listing;
    this.#cachedListing = undefined;
    let removed = 0;
    await mapWithConcurrency(
      records.slice(0, Math.max(0, records.length - keep)),
      readConcurrency,
      async (name) => {
        if (await this.#remove(name)) removed++;
      },
    );
    // A crashed writer's leftovers go too; a live writer in another process whose file vanishes
    // writes it again.
    await mapWithConcurrency(temporaries, readConcurrency, async (name) => {
      if (!this.#writing.has(join(this.directory, name))) await this.#remove(name);
    });
    return removed;
  }

  /** Writes the record under `executionId` and publishes it; false when that id is taken. */
  async #tryPublish(record: ExecutionRecord, executionId: string, temporary: string): Promise<boolean> {
    const target = join(this.directory, recordFileName(executionId, record.success));
    const twin = join(this.directory, recordFileName(executionId, !record.success));
    // Cheap checks first, so a taken id costs no write.
    if ((await Promise.all([exists(target), exists(twin)])).includes(true)) return false;
    await this.#writeTemporary(temporary, encodeExecutionRecord(record, executionId));
    if (this.#linkUnsupported) {
      // Without hard links the exclusive publish is lost between processes, not within this one.
      if (await exists(target)) return false;
      await rename(temporary, target);
    } else {
      try {
        await link(temporary, target);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EEXIST') return false;
        // Our temporary file was removed by another process's `clear`: try again.
        if (code === 'ENOENT') return false;
        if (code && linkUnsupportedCodes.has(code)) {
          this.#linkUnsupported = true;
          return this.#tryPublish(record, executionId, temporary);
        }
        throw error;
      }
    }
    // Another process may have published the same id with the other status at this very moment.
    // Whoever sees the other backs off, so at worst both do and neither keeps a shared id.
    if (await exists(twin)) {
      await rm(target, { force: true });
      return false;
    }
    return true;
  }

  async #writeTemporary(temporary: string, json: unknown): Promise<void> {
    const text = `${JSON.stringify(json, null, 2)}\n`;
    const handle = await open(temporary, 'w').catch(async (error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
      // The folder was removed since the first save: create it again.
      await mkdir(this.directory, { recursive: true });
      return open(temporary, 'w');
    });
    try {
      await handle.writeFile(text, 'utf8');
      // On disk before it gets its name: a crash after the rename never leaves an empty record.
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  #ensureDirectory(): Promise<void> {
    this.#directoryReady ??= mkdir(this.directory, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        this.#directoryReady = undefined;
        throw toHistoryError(error, this.directory, 'create the history folder');
      },
    );
    return this.#directoryReady;
  }

  /** The folder's records, newest first, and its temporary files. A missing folder is empty. */
  async #listing(): Promise<Listing> {
    const startedAt = Date.now();
    let key: string;
    let modifiedMs: number;
    try {
      const folder = await stat(this.directory, { bigint: true });
      key = `${folder.dev}:${folder.ino}:${folder.mtimeNs}:${folder.ctimeNs}`;
      modifiedMs = Number(folder.mtimeMs);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { records: [], temporaries: [] };
      throw toHistoryError(error, this.directory, 'read the history folder');
    }
    if (this.#cachedListing?.key === key) {
      // Reused: sorting once now makes every later listing read only what it returns.
      sortedRecords(this.#cachedListing.listing);
      return this.#cachedListing.listing;
    }

    let names: string[];
    try {
      names = await scanFolder(this.directory);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { records: [], temporaries: [] };
      throw toHistoryError(error, this.directory, 'read the history folder');
    }
    // Names start with the date and time, so their order is time order. Only names are kept:
    // this runs over every file, and most listings return ten.
    const records: string[] = [];
    const temporaries: string[] = [];
    for (const name of names) {
      if (isRecordFileName(name)) records.push(name);
      else if (isTemporaryFileName(name)) temporaries.push(name);
    }
    const listing: Listing = { records, temporaries };
    this.#cachedListing = modifiedMs < startedAt - quietBeforeCachingMs ? { key, listing } : undefined;
    if (!this.#sweptStaleTemporaries) {
      this.#sweptStaleTemporaries = true;
      await this.#removeStaleTemporaries(temporaries, startedAt);
    }
    return listing;
  }

  async #removeStaleTemporaries(temporaries: readonly string[], now: number): Promise<void> {
    await mapWithConcurrency(temporaries, readConcurrency, async (name) => {
      const path = join(this.directory, name);
      if (this.#writing.has(path)) return;
      const modified = await stat(path).then(
        (info) => info.mtimeMs,
        () => now,
      );
      if (modified < now - staleTemporaryMs) await rm(path, { force: true }).catch(() => {});
    });
  }

  /** Reads a file found by listing; undefined (with a warning) when it cannot be used. */
  async #readListed(file: HistoryFileName): Promise<ExecutionRecord | undefined> {
    let text: string | undefined;
    try {
      text = await this.#readText(file.name, 'read the execution');
    } catch (error) {
      this.#warn(file.name, `cannot be read (${(error as Error).message})`);
      return undefined;
    }
    return text === undefined ? undefined : this.#decode(file, text);
  }

  /** The file's text, or undefined when it does not exist. */
  async #readText(name: string, action: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.directory, name), 'utf8');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw toHistoryError(error, join(this.directory, name), action);
    }
  }

  #decode(file: HistoryFileName, text: string): ExecutionRecord | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      this.#warn(file.name, `is not valid JSON (${(error as Error).message})`);
      return undefined;
    }
    const record = decodeExecutionRecord(json, file);
    if (typeof record === 'string') {
      this.#warn(file.name, `is ${record}`);
      return undefined;
    }
    return record;
  }

  async #remove(name: string): Promise<boolean> {
    try {
      await unlink(join(this.directory, name));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw toHistoryError(error, join(this.directory, name), 'remove the execution');
    }
  }

  #warn(name: string, problem: string): void {
    if (this.#warned.has(name)) return;
    if (this.#warned.size >= 10_000) this.#warned.clear();
    this.#warned.add(name);
    this.#onWarning(`Skipping history file ${join(this.directory, name)}: it ${problem}.`);
  }

  #rememberNextCandidate(baseId: string, index: number): void {
    this.#nextCandidate.delete(baseId);
    this.#nextCandidate.set(baseId, index);
    // Bounded: only the most recent clashes matter.
    if (this.#nextCandidate.size > 1_024) {
      const oldest = this.#nextCandidate.keys().next().value;
      if (oldest !== undefined) this.#nextCandidate.delete(oldest);
    }
  }
}

function validDate(timestamp: string): Date {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
