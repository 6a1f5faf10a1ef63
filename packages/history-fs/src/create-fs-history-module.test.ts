import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecuterConfig, HistoryStore, resolveConfig } from '@executer/core';
import { Container } from 'inversify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFsHistoryModule } from './create-fs-history-module.js';
import { FsHistoryStore } from './fs-history-store.js';

async function containerWith(historyDir: string, module = createFsHistoryModule()): Promise<Container> {
  const { config } = await resolveConfig({ env: {}, cwd: tmpdir(), historyDir });
  const container = new Container();
  container.bind(ExecuterConfig).toConstantValue(config);
  container.load(module);
  return container;
}

describe('createFsHistoryModule', () => {
  it('binds the store as "fs" over the configured history folder', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'executer-history-'));
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    const folder = join(parent, 'runs');
    const store = (await containerWith(folder)).get(HistoryStore, { name: 'fs' });
    expect(store).toBeInstanceOf(FsHistoryStore);
    expect((store as FsHistoryStore).directory).toBe(folder);
    expect(await store.list()).toEqual([]);
  });

  it('lets the module options choose the name and folder', async () => {
    const container = await containerWith(
      '/unused',
      createFsHistoryModule({ name: 'archive', directory: '/data/runs' }),
    );
    expect((container.get(HistoryStore, { name: 'archive' }) as FsHistoryStore).directory).toBe('/data/runs');
  });
});
