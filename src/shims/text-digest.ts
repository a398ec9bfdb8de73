/**
 * What both of our rdf-canonize digests share (message-digest.ts, synchronous; webcrypto-digest.ts,
 * the browser build's): rdf-canonize's MessageDigest interface — strings in through `update`,
 * hex out of `digest` — for SHA-256 only, the only digest RDFC-1.0 uses by default and the
 * only one our suites ask for.
 */
const SHA256_NAMES = new Set(['sha256', 'SHA256', 'SHA-256']);

/** The text to hash, gathered by `update`; subclasses hash it in `digest`. */
export abstract class Sha256TextDigest {
  protected content = '';

  constructor(algorithm: string) {
    if (!SHA256_NAMES.has(algorithm)) throw new Error(`Unsupported algorithm "${algorithm}".`);
  }

  update(message: string): void {
    this.content += message;
  }
}
