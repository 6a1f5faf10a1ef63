#!/usr/bin/env node
import { main } from './main.js';

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
// Runner pools and containers are disposed by each command; should anything still hold the event
// loop open, leave anyway (the timer is unref'd so it never delays a clean exit).
setTimeout(() => process.exit(exitCode), 2_000).unref();
