import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecuterConfig, PromptBuilder, resolveConfig } from '@executer/core';
import { Container } from 'inversify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLiquidPromptModule } from './create-liquid-prompt-module.js';
import { LiquidPromptBuilder } from './liquid-prompt-builder.js';

describe('createLiquidPromptModule', () => {
  it('binds the builder as "liquid", using the configured templates folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'executer-templates-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    await writeFile(
      join(folder, 'code_executer.liquid'),
      '{% capture system %}S{% endcapture %}{% capture user %}{{ instruction }}{% endcapture %}',
    );
    const { config } = await resolveConfig({ env: {}, cwd: folder, templatesDir: folder });
    const container = new Container();
    container.bind(ExecuterConfig).toConstantValue(config);
    container.load(createLiquidPromptModule());

    const builder = container.get(PromptBuilder, { name: 'liquid' });
    expect(builder).toBeInstanceOf(LiquidPromptBuilder);
    expect(
      await builder.build({ instruction: 'hi', language: 'python', securityMode: 'safe', rules: [] }),
    ).toEqual({
      system: 'S',
      user: 'hi',
    });
  });

  it('lets the module options choose the name and folder', async () => {
    const { config } = await resolveConfig({ env: {}, cwd: tmpdir() });
    const container = new Container();
    container.bind(ExecuterConfig).toConstantValue(config);
    container.load(createLiquidPromptModule({ name: 'mine', templatesDir: '/somewhere' }));
    const builder = container.get(PromptBuilder, { name: 'mine' }) as LiquidPromptBuilder;
    expect(builder.templatesDirs[0]).toBe('/somewhere');
  });
});
