#!/usr/bin/env node
/**
 * Writes the status-list fixtures under test/fixtures/status/ (deterministic: no clock, no
 * randomness, so re-running it changes nothing). Run: node scripts/make-status-fixtures.mjs
 *
 * The list credentials carry no proof: the unit tests of src/verify/status/ inject a
 * `verifyListCredential` test double, and the OB 3.0 pipeline's own tests sign lists for
 * end-to-end checks. Every list is served by the tests at https://status.example/<path>.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'pako';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'status');
const BASE = 'https://status.example/';
const ISSUER = 'https://issuer.example/profile';
const W3C_MIN_ENTRIES = 131072; // Bitstring Status List v1.0 minimum (16 KiB)

/** A bitstring of `entries` entries of `size` bits with the given entries set to values, MSB-first. */
function bitstring(entries, size, values) {
  const bytes = new Uint8Array(Math.ceil((entries * size) / 8));
  for (const [index, value] of Object.entries(values)) {
    for (let b = 0; b < size; b++) {
      const bit = Number(index) * size + b;
      if ((value >> (size - 1 - b)) & 1) bytes[bit >> 3] |= 0x80 >> (bit & 7);
    }
  }
  return bytes;
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const multibase = (bytes) => `u${b64url(bytes)}`;

function bitstringList(name, purpose, encodedList, extra = {}) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `${BASE}lists/${name}`,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: ISSUER,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${BASE}lists/${name}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList, ...extra },
  };
}

function statusList2021(name, purpose, encodedList) {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
    id: `${BASE}lists/${name}`,
    type: ['VerifiableCredential', 'StatusList2021Credential'],
    issuer: ISSUER,
    issuanceDate: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${BASE}lists/${name}#list`, type: 'StatusList2021', statusPurpose: purpose, encodedList },
  };
}

const files = {};
const revocationBits = gzip(bitstring(W3C_MIN_ENTRIES, 1, { 3: 1, 42: 1, 131071: 1 }));

files['lists/revocation.json'] = bitstringList('revocation.json', 'revocation', multibase(revocationBits));
files['lists/suspension.json'] = bitstringList('suspension.json', 'suspension', multibase(gzip(bitstring(W3C_MIN_ENTRIES, 1, { 5: 1 }))));
files['lists/message.json'] = bitstringList(
  'message.json',
  'message',
  multibase(gzip(bitstring(W3C_MIN_ENTRIES, 2, { 1: 1, 2: 2 }))),
);
// The same revocation bits written the StatusList2021 way (no multibase prefix, standard
// alphabet with padding): a Bitstring verifier must read it all the same.
files['lists/revocation-unprefixed.json'] = bitstringList('revocation-unprefixed.json', 'revocation', b64(revocationBits));
files['lists/revocation-2021.json'] = statusList2021('revocation-2021.json', 'revocation', b64url(gzip(bitstring(W3C_MIN_ENTRIES, 1, { 7: 1 }))));
files['lists/suspension-2021-prefixed.json'] = statusList2021(
  'suspension-2021-prefixed.json',
  'suspension',
  multibase(gzip(bitstring(W3C_MIN_ENTRIES, 1, { 9: 1 }))),
);
// 32 MiB of zeros: ~32 KiB compressed, twice the 16 MiB decompression cap.
files['lists/gzip-bomb.json'] = bitstringList('gzip-bomb.json', 'revocation', multibase(gzip(new Uint8Array(32 * 1024 * 1024), { level: 9 })));
files['lists/malformed-base64.json'] = bitstringList('malformed-base64.json', 'revocation', 'uH4sI!!this is not base64!!');
files['lists/not-gzip.json'] = bitstringList(
  'not-gzip.json',
  'revocation',
  multibase(new TextEncoder().encode('these bytes are not a GZIP stream, only text long enough to look like one')),
);
files['lists/truncated-gzip.json'] = bitstringList('truncated-gzip.json', 'revocation', multibase(revocationBits.subarray(0, 40)));
files['lists/not-a-list.json'] = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: `${BASE}lists/not-a-list.json`,
  type: ['VerifiableCredential'],
  issuer: ISSUER,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:someone' },
};
files['revocations/1edtech.json'] = {
  id: `${BASE}revocations/1edtech.json`,
  issuer: ISSUER,
  revokedCredentials: [
    { id: 'urn:uuid:00000000-0000-4000-8000-00000000dead', revocationReason: 'Issued in error' },
    { id: 'urn:uuid:00000000-0000-4000-8000-0000000000ba', revoked: false },
    'urn:uuid:00000000-0000-4000-8000-000000000bad',
  ],
};
files['revocations/malformed.json'] = { id: `${BASE}revocations/malformed.json`, issuer: ISSUER, revoked: 'everything' };

/** An OB 3.0 credential skeleton carrying the given credentialStatus (unsigned: status only). */
function credential(id, credentialStatus) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: ISSUER, type: ['Profile'], name: 'Status Fixture Issuer' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Status fixture',
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://issuer.example/achievements/1', type: ['Achievement'], name: 'Fixture', criteria: { narrative: 'n/a' }, description: 'n/a' } },
    credentialStatus,
  };
}

function bitstringEntry(list, index, purpose = 'revocation', extra = {}) {
  return {
    id: `${BASE}lists/${list}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: `${BASE}lists/${list}`,
    ...extra,
  };
}

function sl2021Entry(list, index, purpose) {
  return { id: `${BASE}lists/${list}#${index}`, type: 'StatusList2021Entry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: `${BASE}lists/${list}` };
}

const uuid = (n) => `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

files['credentials.json'] = {
  revoked: credential(uuid(1), bitstringEntry('revocation.json', 42)),
  revokedFirstEntry: credential(uuid(2), bitstringEntry('revocation.json', 3)),
  revokedLastEntry: credential(uuid(3), bitstringEntry('revocation.json', 131071)),
  notRevoked: credential(uuid(4), bitstringEntry('revocation.json', 43)),
  indexAsNumber: credential(uuid(5), { ...bitstringEntry('revocation.json', 42), statusListIndex: 42 }),
  indexOutOfRange: credential(uuid(6), bitstringEntry('revocation.json', 131072)),
  unprefixedList: credential(uuid(7), bitstringEntry('revocation-unprefixed.json', 42)),
  suspended: credential(uuid(8), bitstringEntry('suspension.json', 5, 'suspension')),
  notSuspended: credential(uuid(9), bitstringEntry('suspension.json', 4, 'suspension')),
  revokedAndSuspended: credential(uuid(10), [bitstringEntry('revocation.json', 3), bitstringEntry('suspension.json', 5, 'suspension')]),
  wrongPurpose: credential(uuid(11), bitstringEntry('suspension.json', 5, 'revocation')),
  statusSize2Revocation: credential(uuid(12), bitstringEntry('message.json', 1, 'revocation', { statusSize: 2 })),
  message: credential(
    uuid(13),
    bitstringEntry('message.json', 2, 'message', {
      statusSize: 2,
      statusMessage: [
        { status: '0x0', message: 'pending review' },
        { status: '0x1', message: 'accepted' },
        { status: '0x2', message: 'rejected' },
      ],
    }),
  ),
  messageListMissing: credential(uuid(14), bitstringEntry('missing.json', 2, 'message', { statusSize: 2 })),
  unknownPurpose: credential(uuid(15), bitstringEntry('revocation.json', 1, 'embargo')),
  listMissing: credential(uuid(16), bitstringEntry('missing.json', 1)),
  gzipBomb: credential(uuid(17), bitstringEntry('gzip-bomb.json', 1)),
  malformedBase64: credential(uuid(18), bitstringEntry('malformed-base64.json', 1)),
  notGzip: credential(uuid(19), bitstringEntry('not-gzip.json', 1)),
  truncatedGzip: credential(uuid(20), bitstringEntry('truncated-gzip.json', 1)),
  notAList: credential(uuid(21), bitstringEntry('not-a-list.json', 1)),
  wrongListFormat: credential(uuid(22), bitstringEntry('revocation-2021.json', 7)),
  vcJwtList: credential(uuid(23), bitstringEntry('list.jwt', 1)),
  negativeIndex: credential(uuid(24), { ...bitstringEntry('revocation.json', 1), statusListIndex: '-1' }),
  noListUrl: credential(uuid(25), { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1' }),
  privateListUrl: credential(uuid(26), { ...bitstringEntry('revocation.json', 1), statusListCredential: 'http://127.0.0.1/list' }),
  sl2021Revoked: credential(uuid(27), sl2021Entry('revocation-2021.json', 7, 'revocation')),
  sl2021NotRevoked: credential(uuid(28), sl2021Entry('revocation-2021.json', 8, 'revocation')),
  sl2021PrefixedSuspended: credential(uuid(29), sl2021Entry('suspension-2021-prefixed.json', 9, 'suspension')),
  sl2021OnBitstringList: credential(uuid(30), sl2021Entry('revocation.json', 42, 'revocation')),
  edtechRevoked: credential('urn:uuid:00000000-0000-4000-8000-00000000dead', { id: `${BASE}revocations/1edtech.json`, type: '1EdTechRevocationList' }),
  edtechRevokedBareId: credential('urn:uuid:00000000-0000-4000-8000-000000000bad', { id: `${BASE}revocations/1edtech.json`, type: '1EdTechRevocationList' }),
  edtechReinstated: credential('urn:uuid:00000000-0000-4000-8000-0000000000ba', { id: `${BASE}revocations/1edtech.json`, type: '1EdTechRevocationList' }),
  edtechNotRevoked: credential(uuid(31), { id: `${BASE}revocations/1edtech.json`, type: '1EdTechRevocationList' }),
  edtechUnreachable: credential(uuid(32), { id: `${BASE}revocations/missing.json`, type: '1EdTechRevocationList' }),
  edtechMalformed: credential(uuid(33), { id: `${BASE}revocations/malformed.json`, type: '1EdTechRevocationList' }),
  edtechNoCredentialId: { ...credential(uuid(34), { id: `${BASE}revocations/1edtech.json`, type: '1EdTechRevocationList' }), id: undefined },
  unknownType: credential(uuid(35), { id: `${BASE}status/35`, type: 'RevocationList2020Status', revocationListIndex: '35', revocationListCredential: `${BASE}status` }),
  noStatus: credential(uuid(36), undefined),
  emptyStatus: credential(uuid(37), []),
  entryNotObject: credential(uuid(38), 'https://status.example/lists/revocation.json'),
  tooManyEntries: credential(
    uuid(39),
    Array.from({ length: 9 }, (_, i) => bitstringEntry('revocation.json', 100 + i)),
  ),
};

for (const [path, value] of Object.entries(files)) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
// A list published as a VC-JWT (header.payload.signature); not supported, must be indeterminate.
const jwtPart = (v) => b64url(new TextEncoder().encode(JSON.stringify(v)));
writeFileSync(
  join(root, 'lists/list.jwt'),
  `${jwtPart({ alg: 'EdDSA', typ: 'vc+jwt' })}.${jwtPart(files['lists/revocation.json'])}.${b64url(new Uint8Array(64))}\n`,
);
console.log(`wrote ${Object.keys(files).length + 1} files to ${root}`);
