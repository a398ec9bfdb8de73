/**
 * Replaces rdf-canonize's browser platform module (lib/platform-browser.js) in our builds
 * (tsup.config.ts). All rdf-canonize takes from it, once its digest is ours
 * (message-digest.ts), is `setImmediate`: a way to yield to the event loop every so many
 * blank nodes or permutations. The package's file loads the `setimmediate` polyfill for it;
 * a MessageChannel does the same where the host has no setImmediate (browsers), without
 * setTimeout's 4 ms clamp.
 */
type Task = () => void;

/**
 * One channel per call, closed once used: yields are rare (every 100 blank nodes, every few
 * permutations of a hard graph), and an open port with a listener would keep some runtimes
 * (Deno) from exiting.
 */
function messageChannelImmediate(task: Task): void {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    task();
  };
  port2.postMessage(null);
}

const host = globalThis as { setImmediate?: (task: Task) => unknown };

/**
 * Run `task` on a later turn of the event loop.
 *
 * @example
 * ```ts
 * await new Promise((resolve) => setImmediate(resolve));
 * ```
 */
export const setImmediate: (task: Task) => unknown =
  typeof host.setImmediate === 'function' ? host.setImmediate.bind(globalThis) : messageChannelImmediate;
