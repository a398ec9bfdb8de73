#!/usr/bin/env node
/// <reference types="node" />
/**
 * The `verify-badge` executable: process wiring only. Everything the command does is in
 * run.ts (`runCli`), which the tests drive in-process.
 */
import process from 'node:process';
import { runCli } from './run.js';

// `verify-badge --json *.png | head -1` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`verify-badge: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Exit once output is flushed: an idle keep-alive socket must not hold the command open.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`verify-badge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
