import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../src/verify/md5.js';
import { hashIdentity, identityMatches } from '../../src/verify/recipient.js';

// The 1EdTech corpus assertions: sha256("nobody@example.org" + "deadsea").
const CORPUS_HASH = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(md5Hex(enc(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(enc('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex(enc('message digest'))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex(enc('1234567890'.repeat(8)))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });
});

describe('identityMatches', () => {
  it('matches the hashed e-mail of the 1EdTech corpus', async () => {
    await expect(identityMatches('nobody@example.org', { identity: CORPUS_HASH, hashed: true, salt: 'deadsea', type: 'email' })).resolves.toBe(true);
  });

  it('matches an e-mail typed in another case against a hash of the lower-cased address', async () => {
    await expect(identityMatches('Nobody@Example.ORG', { identity: CORPUS_HASH, hashed: true, salt: 'deadsea', type: 'email' })).resolves.toBe(true);
  });

  it('accepts upper-case hex', async () => {
    await expect(identityMatches('nobody@example.org', { identity: CORPUS_HASH.toUpperCase().replace('SHA256', 'sha256'), hashed: true, salt: 'deadsea' })).resolves.toBe(true);
  });

  it('matches an unsalted sha256 hash', async () => {
    const identity = await hashIdentity('https://example.org/alice');
    await expect(identityMatches('https://example.org/alice', { identity, hashed: true, type: 'url' })).resolves.toBe(true);
  });

  it('matches salted and unsalted md5 hashes', async () => {
    const salted = await hashIdentity('+15555550100', 'pepper', 'md5');
    expect(salted).toMatch(/^md5\$[0-9a-f]{32}$/);
    await expect(identityMatches('+15555550100', { identity: salted, hashed: true, salt: 'pepper', type: 'telephone' })).resolves.toBe(true);
    const plain = await hashIdentity('a@b.org', '', 'md5');
    await expect(identityMatches('a@b.org', { identity: plain, hashed: true, salt: null })).resolves.toBe(true);
  });

  it('compares plain e-mail identities without regard to case', async () => {
    await expect(identityMatches('ALICE@example.org', { identity: 'alice@example.org', hashed: false, type: 'email' })).resolves.toBe(true);
  });

  it('compares plain URLs exactly', async () => {
    await expect(identityMatches('https://example.org/alice', { identity: 'https://example.org/alice', hashed: false, type: 'url' })).resolves.toBe(true);
  });
});

describe('identityMatches refuses', () => {
  it('a different e-mail', async () => {
    await expect(identityMatches('somebody@example.org', { identity: CORPUS_HASH, hashed: true, salt: 'deadsea', type: 'email' })).resolves.toBe(false);
  });

  it('the right e-mail with the wrong salt', async () => {
    await expect(identityMatches('nobody@example.org', { identity: CORPUS_HASH, hashed: true, salt: 'other', type: 'email' })).resolves.toBe(false);
  });

  it('an unknown hash algorithm', async () => {
    await expect(identityMatches('nobody@example.org', { identity: 'sha1$0000', hashed: true })).resolves.toBe(false);
  });

  it('a hash of the wrong length', async () => {
    await expect(identityMatches('nobody@example.org', { identity: 'sha256$abcd', hashed: true })).resolves.toBe(false);
  });

  it('URLs that differ in case (only e-mail is case-insensitive)', async () => {
    await expect(identityMatches('https://example.org/Alice', { identity: 'https://example.org/alice', hashed: false, type: 'url' })).resolves.toBe(false);
  });

  it('an empty expectation', async () => {
    await expect(identityMatches('  ', { identity: '', hashed: false })).resolves.toBe(false);
  });
});
