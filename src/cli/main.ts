#!/usr/bin/env node
/** The `verify-badge` command (usage only until the CLI lands). */
process.stdout.write('usage: verify-badge [options] <input...>\n');
process.exitCode = 2;
