// The Ed25519 verification that replaces @digitalbazaar/ed25519-multikey's platform file in
// our builds: Node's crypto with key objects kept per key, WebCrypto where there is no Node.
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Ed25519Module = typeof import('../../src/shims/ed25519.js');

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
const data = new TextEncoder().encode('canonical proof options hash ‖ canonical document hash');
const signature = new Uint8Array(nodeSign(null, data, privateKey));

const original = process.getBuiltinModule;
afterEach(() => {
  process.getBuiltinModule = original;
  vi.resetModules();
});

/** The module as a host without Node's builtins sees it (a browser, a worker). */
async function withoutNode(): Promise<Ed25519Module> {
  (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
  vi.resetModules();
  return import('../../src/shims/ed25519.js');
}

describe.each([
  ['Node crypto', async (): Promise<Ed25519Module> => import('../../src/shims/ed25519.js')],
  ['WebCrypto', withoutNode],
])('Ed25519 verification with %s', (_name, load) => {
  it('accepts the signature of the key holder, every time (the kept key object gives the same answer)', async () => {
    const { verify } = await load();
    // Node's path never touches WebCrypto; the other one must.
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    expect(await verify(raw, data, signature)).toBe(true);
    expect(await verify(raw, data, signature)).toBe(true);
    if (_name === 'Node crypto') expect(importKey).not.toHaveBeenCalled();
    else expect(importKey).toHaveBeenCalled();
    importKey.mockRestore();
  });

  describe('rejects', () => {
    it('altered data, an altered signature and another key', async () => {
      const { verify } = await load();
      const altered = data.slice();
      altered[0]! ^= 1;
      expect(await verify(raw, altered, signature)).toBe(false);
      const badSignature = signature.slice();
      badSignature[10]! ^= 1;
      expect(await verify(raw, data, badSignature)).toBe(false);
      const other = new Uint8Array(generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
      expect(await verify(other, data, signature)).toBe(false);
    });

    it('a key that is not 32 bytes, and any request to sign or make keys', async () => {
      const { verify, sign, generateKeyPair } = await load();
      await expect(verify(raw.subarray(1), data, signature)).rejects.toThrow(TypeError);
      await expect(sign(new Uint8Array(64), data)).rejects.toThrow(Error);
      await expect(generateKeyPair()).rejects.toThrow(Error);
    });
  });
});

describe('Ed25519 verification where WebCrypto has no Ed25519 (older browsers)', () => {
  it('throws CRYPTO_UNAVAILABLE: the proof cannot be checked here, which is not a bad signature', async () => {
    const { verify } = await withoutNode();
    const spy = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized algorithm name', 'NotSupportedError'));
    try {
      await expect(verify(raw, data, signature)).rejects.toMatchObject({ code: 'CRYPTO_UNAVAILABLE' });
    } finally {
      spy.mockRestore();
    }
  });

  it('answers false for bytes WebCrypto refuses as a key', async () => {
    const { verify } = await withoutNode();
    const spy = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('invalid key', 'DataError'));
    try {
      expect(await verify(raw, data, signature)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
