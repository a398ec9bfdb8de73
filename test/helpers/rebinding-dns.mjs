// Preloaded (node --import) into the built CLI by test/cli/main.test.ts: node:dns/promises
// `lookup` becomes a rebinding DNS server that never leaves the process. The first answer
// for a name is public (what the private-network guard sees), every later one is 127.0.0.1
// (what a connection that resolves again would get).
import dns from 'node:dns/promises';
import { syncBuiltinESMExports } from 'node:module';

const asked = new Map();
dns.lookup = async (hostname, options) => {
  const count = (asked.get(hostname) ?? 0) + 1;
  asked.set(hostname, count);
  const address = count === 1 ? '203.0.113.7' : '127.0.0.1';
  process.stderr.write(`rebinding-dns: ${hostname} -> ${address}\n`);
  return options?.all ? [{ address, family: 4 }] : { address, family: 4 };
};
// The CLI imports `lookup` by name: its binding follows the patched property only after this.
syncBuiltinESMExports();
