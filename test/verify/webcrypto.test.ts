// What happens when the runtime's WebCrypto cannot do the job: no WebCrypto at all (a page
// served over plain http:), or no Ed25519 (browsers before 2023–2025). The badge cannot be
// checked here (CRYPTO_UNAVAILABLE, indeterminate); it is never reported invalid for that. And
// a crafted key cannot pass itself off as "unsupported" where the runtime does have Ed25519.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeOfAsync } from '../helpers/codes.js';

const ED25519_JWK = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const notSupported = () => new DOMException('Unrecognized algorithm name', 'NotSupportedError');

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Fresh modules: the runtime's Ed25519 support is asked once per module instance. */
async function load() {
  vi.resetModules();
  return { keys: await import('../../src/verify/jose/keys.js'), ed25519: await import('../../src/shims/ed25519-webcrypto.js'), digest: await import('../../src/shims/webcrypto-digest.js') };
}

describe('without WebCrypto (crypto.subtle missing)', () => {
  it('key import, Ed25519 verification and hashing all report CRYPTO_UNAVAILABLE', async () => {
    const { keys, ed25519, digest } = await load();
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(await codeOfAsync(() => keys.importJwk(ED25519_JWK, 'EdDSA'))).toBe('CRYPTO_UNAVAILABLE');
    expect(await codeOfAsync(() => ed25519.verify(new Uint8Array(32), new Uint8Array(1), new Uint8Array(64)))).toBe('CRYPTO_UNAVAILABLE');
    expect(await codeOfAsync(() => digest.sha256digest({ string: 'x' }))).toBe('CRYPTO_UNAVAILABLE');
    expect(await codeOfAsync(() => new digest.default('sha256').digest())).toBe('CRYPTO_UNAVAILABLE');
  });
});

describe('WebCrypto without Ed25519', () => {
  it('reports CRYPTO_UNAVAILABLE for Ed25519 keys (JWK and raw)', async () => {
    const { keys, ed25519 } = await load();
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(notSupported());
    expect(await codeOfAsync(() => keys.importJwk(ED25519_JWK, 'EdDSA'))).toBe('CRYPTO_UNAVAILABLE');
    expect(await codeOfAsync(() => ed25519.verify(new Uint8Array(32), new Uint8Array(1), new Uint8Array(64)))).toBe('CRYPTO_UNAVAILABLE');
  });
});

describe('WebCrypto with Ed25519', () => {
  it('keeps a key it refuses as "unsupported" a bad key (KEY_MALFORMED / no verification), not "cannot be checked"', async () => {
    const { keys, ed25519 } = await load();
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    // Only the badge's own keys are refused: the runtime's probe with a known key succeeds.
    vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((format: string, key: unknown, ...rest: unknown[]) => {
      const known = format === 'raw' && key instanceof Uint8Array && key[0] === 0xd7 && key[1] === 0x5a;
      return known ? (importKey as (...a: unknown[]) => Promise<CryptoKey>)(format, key, ...rest) : Promise.reject(notSupported());
    }) as typeof crypto.subtle.importKey);
    expect(await codeOfAsync(() => keys.importJwk(ED25519_JWK, 'EdDSA'))).toBe('KEY_MALFORMED');
    expect(await ed25519.verify(new Uint8Array(32).fill(7), new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});
