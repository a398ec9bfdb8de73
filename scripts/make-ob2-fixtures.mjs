#!/usr/bin/env node
/**
 * Generates the OB 2.0 / 1.x / 0.5 test fixtures (test/fixtures/ob2/) and the OB 2.0 sample
 * badges (examples/badges/ob2-*: valid PNG/SVG/JSON, revoked, expired, tampered) with the
 * issuer documents they need (examples/resources/, examples/resources.json).
 *
 *   node scripts/make-ob2-fixtures.mjs
 *
 * Deterministic: the signing keys are generated once and kept as JWK in
 * test/fixtures/ob2/keys/; RSA PKCS#1 v1.5 and HMAC signatures are deterministic, and an
 * existing ES256 token (ECDSA signatures are randomised) is kept when its header and payload
 * are unchanged and it still verifies. Every hosted document lives under
 * test/fixtures/ob2/hosted/<host>/<path>, served by resources.json (URL prefix → directory).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { svgImage } from './lib/picture.mjs';
import { iTXtChunk, rgbPng } from './lib/png.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'test', 'fixtures', 'ob2');
const keysDir = join(out, 'keys');
const subtle = globalThis.crypto.subtle;

const HOST = 'https://badges.example.org';
const ISSUER = `${HOST}/issuer.json`;
const BADGE = `${HOST}/badges/robotics.json`;
const RSA_KEY = `${HOST}/keys/rsa.json`;
const EC_KEY = `${HOST}/keys/ec.json`;
const ROGUE_KEY = `${HOST}/keys/rogue.json`;
const REVOCATIONS = `${HOST}/revocations.json`;
const OB2 = 'https://w3id.org/openbadges/v2';
const RECIPIENT = 'alice@example.org';
const SALT = 'pepper';

// --- small helpers ---------------------------------------------------------------------

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const md5 = (text) => createHash('md5').update(text).digest('hex');
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const enc = (value) => b64url(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

/** Where a URL's document is written: hosted/<host>/<path>. */
function hostedPath(url) {
  const u = new URL(url);
  return join(out, 'hosted', u.host, u.pathname.slice(1));
}
function host(url, doc) {
  write(hostedPath(url), json(doc));
}

// --- keys ------------------------------------------------------------------------------

const RSA_PARAMS = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const EC_PARAMS = { name: 'ECDSA', namedCurve: 'P-256' };

async function loadOrMakeKey(name, params) {
  const file = join(keysDir, `${name}.private.jwk.json`);
  if (!existsSync(file)) {
    const pair = await subtle.generateKey(params, true, ['sign', 'verify']);
    write(file, json(await subtle.exportKey('jwk', pair.privateKey)));
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8'));
  const privateKey = await subtle.importKey('jwk', jwk, params, true, ['sign']);
  const { d, p, q, dp, dq, qi, key_ops, ...pub } = jwk;
  const publicKey = await subtle.importKey('jwk', pub, params, true, ['verify']);
  const spki = Buffer.from(await subtle.exportKey('spki', publicKey)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`;
  return { privateKey, publicKey, pem };
}

const rsa = await loadOrMakeKey('rsa', RSA_PARAMS);
const ec = await loadOrMakeKey('ec', EC_PARAMS);
const rogue = await loadOrMakeKey('rogue', RSA_PARAMS);

/** Sign a compact JWS; keeps an existing ES256 token whose signing input is unchanged. */
async function signJws(file, header, payload, key) {
  const input = `${enc(header)}.${enc(payload)}`;
  if (header.alg === 'ES256' && existsSync(file)) {
    const old = readFileSync(file, 'utf8').trim();
    const [h, p, s] = old.split('.');
    if (`${h}.${p}` === input) {
      const ok = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey, Buffer.from(s, 'base64url'), Buffer.from(input));
      if (ok) return old;
    }
  }
  let signature;
  if (header.alg === 'none') signature = new Uint8Array();
  else if (header.alg === 'HS256') {
    const hmac = await subtle.importKey('raw', Buffer.from('a-shared-secret-nobody-should-use'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    signature = new Uint8Array(await subtle.sign('HMAC', hmac, Buffer.from(input)));
  } else if (header.alg === 'ES256') {
    signature = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, Buffer.from(input)));
  } else {
    signature = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, Buffer.from(input)));
  }
  const token = `${input}.${b64url(signature)}`;
  write(file, `${token}\n`);
  return token;
}

// --- PNG / SVG baking (our own: a minimal PNG, scripts/lib/png.mjs, and one iTXt chunk) ------------------------

/** A 32×32 RGB PNG (a blue disc on white, so the sample looks like a badge) with one uncompressed iTXt chunk "openbadges" holding `payload` (OB 2.0 baking). */
function bakePng(payload) {
  const pixel = (x, y) => ((x - 15.5) ** 2 + (y - 15.5) ** 2 < 14 ** 2 ? [0x1f, 0x5f, 0xbf] : [0xff, 0xff, 0xff]);
  return rgbPng({ size: 32, pixel, chunks: [iTXtChunk('openbadges', payload)] });
}
/**
 * An SVG with <openbadges:assertion verify="..."> (OB 2.0 baking): a hosted assertion's URL
 * with the assertion JSON in CDATA, or a signed assertion's compact JWS and nothing inside.
 */
function bakeSvg(verify, assertion) {
  const content = assertion === undefined ? '' : `<![CDATA[${JSON.stringify(assertion)}]]>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="32" height="32" viewBox="0 0 32 32">
  <openbadges:assertion verify="${verify}">${content}</openbadges:assertion>
  <circle cx="16" cy="16" r="14" fill="#1f5fbf"/>
</svg>
`;
}

// --- the issuer world ----------------------------------------------------------------------

const issuer = {
  '@context': OB2,
  type: 'Issuer',
  id: ISSUER,
  name: 'Example Robotics Academy',
  url: HOST,
  email: 'badges@example.org',
  image: `${HOST}/issuer.png`,
  publicKey: [RSA_KEY, EC_KEY],
  revocationList: REVOCATIONS,
};
host(ISSUER, issuer);
host(RSA_KEY, { '@context': OB2, type: 'CryptographicKey', id: RSA_KEY, owner: ISSUER, publicKeyPem: rsa.pem });
host(EC_KEY, { '@context': OB2, type: 'CryptographicKey', id: EC_KEY, owner: ISSUER, publicKeyPem: ec.pem });
// Claims the issuer as owner, but the issuer does not list it: whoever holds it is not the issuer.
host(ROGUE_KEY, { '@context': OB2, type: 'CryptographicKey', id: ROGUE_KEY, owner: ISSUER, publicKeyPem: rogue.pem });
const badgeClass = {
  '@context': OB2,
  type: 'BadgeClass',
  id: BADGE,
  name: 'Robotics Fundamentals',
  description: 'Built and programmed a line-following robot.',
  image: `${HOST}/badges/robotics.png`,
  criteria: { narrative: 'Build a robot that follows a line for 10 metres.' },
  issuer: ISSUER,
  alignment: [{ targetName: 'Engineering', targetUrl: 'https://example.org/frameworks/engineering' }],
};
host(BADGE, badgeClass);

const hashed = (identity = RECIPIENT, salt = SALT) => ({ type: 'email', hashed: true, salt, identity: `sha256$${sha256(identity + salt)}` });

function assertion(url, extra = {}) {
  return {
    '@context': OB2,
    type: 'Assertion',
    id: url,
    recipient: hashed(),
    badge: BADGE,
    issuedOn: '2026-01-15T09:30:00Z',
    evidence: `${HOST}/evidence/alice-robot.html`,
    verification: { type: 'hosted' },
    ...extra,
  };
}
const A = (name) => `${HOST}/assertions/${name}.json`;

// Hosted assertions: the file at the URL is the issuer's copy.
const valid = assertion(A('valid'));
host(A('valid'), valid);
host(A('revoked-flag'), { '@context': OB2, id: A('revoked-flag'), revoked: true, revocationReason: 'Awarded by mistake' });
host(A('revoked-410'), { '@context': OB2, id: A('revoked-410'), revoked: true, revocationReason: 'Withdrawn' }); // served with HTTP 410 by the tests
host(A('revoked-full'), assertion(A('revoked-full'), { revoked: true, revocationReason: 'Academic misconduct' }));
const expired = assertion(A('expired'), { issuedOn: '2020-01-01T00:00:00Z', expires: '2021-01-01T00:00:00Z' });
host(A('expired'), expired);
host(A('future'), assertion(A('future'), { issuedOn: '2100-01-01T00:00:00Z' }));
host(A('expires-later'), assertion(A('expires-later'), { expires: '2030-01-01T00:00:00Z' }));
host(A('mismatch'), assertion(A('valid'))); // the document at this URL claims another id
const { recipient: _r, ...noRecipient } = assertion(A('missing-recipient'));
host(A('missing-recipient'), noRecipient);
host(A('bad-date'), assertion(A('bad-date'), { issuedOn: 'last tuesday' }));
host(A('no-name'), assertion(A('no-name'), { badge: `${HOST}/badges/no-name.json` }));
const { name: _n, ...noName } = badgeClass;
host(`${HOST}/badges/no-name.json`, { ...noName, id: `${HOST}/badges/no-name.json` });
host(A('issuer-missing'), assertion(A('issuer-missing'), { badge: `${HOST}/badges/orphan.json` }));
host(`${HOST}/badges/orphan.json`, { ...badgeClass, id: `${HOST}/badges/orphan.json`, issuer: `${HOST}/issuers/gone.json` });
host(A('wrong-issuer-type'), assertion(A('wrong-issuer-type'), { badge: `${HOST}/badges/wrong-issuer-type.json` }));
host(`${HOST}/badges/wrong-issuer-type.json`, { ...badgeClass, id: `${HOST}/badges/wrong-issuer-type.json`, issuer: `${HOST}/issuers/not-an-issuer.json` });
host(`${HOST}/issuers/not-an-issuer.json`, { '@context': OB2, type: 'Criteria', id: `${HOST}/issuers/not-an-issuer.json`, name: 'Not an issuer' });

// Recipient variants.
host(A('plain-email'), assertion(A('plain-email'), { recipient: { type: 'email', hashed: false, identity: RECIPIENT } }));
host(A('sha256-unsalted'), assertion(A('sha256-unsalted'), { recipient: { type: 'email', hashed: true, identity: `sha256$${sha256(RECIPIENT)}` } }));
host(A('sha256-upper'), assertion(A('sha256-upper'), { recipient: { ...hashed(), identity: `sha256$${sha256(RECIPIENT + SALT).toUpperCase()}` } }));
host(A('md5-salted'), assertion(A('md5-salted'), { recipient: { type: 'email', hashed: true, salt: SALT, identity: `md5$${md5(RECIPIENT + SALT)}` } }));
host(A('md5-unsalted'), assertion(A('md5-unsalted'), { recipient: { type: 'email', hashed: true, identity: `md5$${md5(RECIPIENT)}` } }));
host(A('url-recipient'), assertion(A('url-recipient'), { recipient: { type: 'url', hashed: true, salt: SALT, identity: `sha256$${sha256('https://alice.example.org/' + SALT)}` } }));
host(A('telephone-recipient'), assertion(A('telephone-recipient'), { recipient: { type: 'telephone', hashed: false, identity: '+15555550100' } }));

// Verification scope: an assertion hosted off the issuer's host.
const OOS = 'https://elsewhere.example.net/assertions/out-of-scope.json';
host(OOS, assertion(OOS));
// Forged policy: hosted off the issuer's host, embedding a copy of the issuer that "allows" it.
const FORGED = 'https://elsewhere.example.net/assertions/forged-policy.json';
host(FORGED, assertion(FORGED, { badge: { ...badgeClass, issuer: { ...issuer, verification: { allowedOrigins: ['elsewhere.example.net'] } } } }));
// allowedOrigins / startsWith on other issuers.
const ISSUER_ORIGINS = `${HOST}/issuers/origins.json`;
host(ISSUER_ORIGINS, { ...issuer, id: ISSUER_ORIGINS, publicKey: undefined, revocationList: undefined, verification: { type: 'VerificationObject', allowedOrigins: ['cdn.example.net'] } });
host(`${HOST}/badges/origins.json`, { ...badgeClass, id: `${HOST}/badges/origins.json`, issuer: ISSUER_ORIGINS });
const CDN_OK = 'https://cdn.example.net/assertions/allowed.json';
host(CDN_OK, assertion(CDN_OK, { badge: `${HOST}/badges/origins.json` }));
const ORIGIN_DEFAULT = `${HOST}/assertions/origins-own-host.json`; // allowedOrigins replaces the default host
host(ORIGIN_DEFAULT, assertion(ORIGIN_DEFAULT, { badge: `${HOST}/badges/origins.json` }));
const ISSUER_STARTS = `${HOST}/issuers/starts.json`;
host(ISSUER_STARTS, { ...issuer, id: ISSUER_STARTS, publicKey: undefined, revocationList: undefined, verification: { startsWith: [`${HOST}/assertions/starts/`] } });
host(`${HOST}/badges/starts.json`, { ...badgeClass, id: `${HOST}/badges/starts.json`, issuer: ISSUER_STARTS });
const STARTS_OK = `${HOST}/assertions/starts/ok.json`;
host(STARTS_OK, assertion(STARTS_OK, { badge: `${HOST}/badges/starts.json` }));
const STARTS_BAD = `${HOST}/assertions/starts-bad.json`;
host(STARTS_BAD, assertion(STARTS_BAD, { badge: `${HOST}/badges/starts.json` }));

// Endorsements: a third party vouches for the BadgeClass; one endorsement was later revoked.
const ENDORSER = 'https://endorser.example.com/profile.json';
host(ENDORSER, { '@context': OB2, type: 'Issuer', id: ENDORSER, name: 'Robotics Teachers Guild', url: 'https://endorser.example.com', email: 'guild@example.com' });
const E = (n) => `https://endorser.example.com/endorsements/${n}.json`;
host(E(1), { '@context': OB2, type: 'Endorsement', id: E(1), issuer: ENDORSER, issuedOn: '2025-05-01T00:00:00Z', claim: { id: `${HOST}/badges/endorsed.json`, endorsementComment: 'Rigorous and fair.' }, verification: { type: 'HostedBadge' } });
host(E(2), { '@context': OB2, id: E(2), revoked: true, revocationReason: 'Guild withdrew support' });
host(`${HOST}/badges/endorsed.json`, { ...badgeClass, id: `${HOST}/badges/endorsed.json`, endorsement: [E(1), E(2)] });
host(A('endorsed'), assertion(A('endorsed'), { badge: `${HOST}/badges/endorsed.json` }));

// Revocation list for signed assertions: object with id, bare string, legacy uid.
host(REVOCATIONS, {
  '@context': OB2,
  type: 'RevocationList',
  id: REVOCATIONS,
  issuer: ISSUER,
  revokedAssertions: [{ id: 'urn:uuid:00000000-0000-4000-8000-00000000000a', revocationReason: 'Issued in error' }, 'urn:uuid:00000000-0000-4000-8000-00000000000b', { uid: 'legacy-uid-1', revocationReason: 'Old badge withdrawn' }],
});

// --- signed assertions ---------------------------------------------------------------------

const signedDir = join(out, 'signed');
function signedPayload(id, creator, extra = {}) {
  return {
    '@context': OB2,
    type: 'Assertion',
    id,
    recipient: hashed(),
    badge: BADGE,
    issuedOn: '2026-02-01T12:00:00Z',
    verification: { type: 'signed', creator },
    ...extra,
  };
}
const uuid = (n) => `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
await signJws(join(signedDir, 'rs256.jws'), { alg: 'RS256', typ: 'JWT' }, signedPayload(uuid(1), RSA_KEY), rsa);
await signJws(join(signedDir, 'es256.jws'), { alg: 'ES256' }, signedPayload(uuid(2), EC_KEY), ec);
await signJws(join(signedDir, 'no-creator.jws'), { alg: 'RS256' }, signedPayload(uuid(3), undefined), rsa);
await signJws(join(signedDir, 'alg-none.jws'), { alg: 'none' }, signedPayload(uuid(4), RSA_KEY), null);
await signJws(join(signedDir, 'hs256.jws'), { alg: 'HS256' }, signedPayload(uuid(5), RSA_KEY), null);
await signJws(join(signedDir, 'key-not-listed.jws'), { alg: 'RS256' }, signedPayload(uuid(6), ROGUE_KEY), rogue);
await signJws(join(signedDir, 'wrong-key.jws'), { alg: 'RS256' }, signedPayload(uuid(7), RSA_KEY), rogue);
await signJws(join(signedDir, 'expiring.jws'), { alg: 'RS256' }, signedPayload(uuid(8), RSA_KEY, { expires: '2021-01-01T00:00:00Z', issuedOn: '2020-01-01T00:00:00Z' }), rsa);
{
  // Tampered: a valid token whose payload was changed afterwards (recipient swapped).
  const [h, , s] = (await signJws(join(signedDir, 'rs256.jws'), { alg: 'RS256', typ: 'JWT' }, signedPayload(uuid(1), RSA_KEY), rsa)).split('.');
  const forged = { ...signedPayload(uuid(1), RSA_KEY), recipient: hashed('mallory@example.org') };
  write(join(signedDir, 'tampered.jws'), `${h}.${enc(forged)}.${s}\n`);
}
// Signed by the rogue key, embedding an issuer copy that lists it: the real issuer does not.
await signJws(join(signedDir, 'forged-issuer.jws'), { alg: 'RS256' }, signedPayload(uuid(13), ROGUE_KEY, { badge: { ...badgeClass, issuer: { ...issuer, publicKey: [ROGUE_KEY] } } }), rogue);
// Signed by the rogue key, embedding an issuer that cannot be looked up at all.
await signJws(join(signedDir, 'urn-issuer.jws'), { alg: 'RS256' }, signedPayload(uuid(14), ROGUE_KEY, { badge: { ...badgeClass, issuer: { ...issuer, id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff', publicKey: [ROGUE_KEY] } } }), rogue);
await signJws(join(signedDir, 'revoked-id.jws'), { alg: 'RS256' }, signedPayload(uuid(10), RSA_KEY), rsa);
await signJws(join(signedDir, 'revoked-string.jws'), { alg: 'RS256' }, signedPayload(uuid(11), RSA_KEY), rsa);
await signJws(join(signedDir, 'revoked-uid.jws'), { alg: 'RS256' }, signedPayload(uuid(12), RSA_KEY, { uid: 'legacy-uid-1' }), rsa);

// --- legacy 0.5 / 1.0 / 1.1 ------------------------------------------------------------

const LEGACY = `${HOST}/legacy`;
host(`${LEGACY}/v05.json`, {
  recipient: `sha256$${sha256(RECIPIENT + SALT)}`,
  salt: SALT,
  evidence: '/evidence/alice-robot.html',
  issued_on: '2012-06-01',
  badge: {
    version: '0.5.0',
    name: 'Robotics (2012)',
    image: '/badges/robotics.png',
    description: 'An early robotics badge.',
    criteria: '/criteria/robotics.html',
    issuer: { origin: HOST, name: 'Example Robotics Academy', org: 'Outreach', contact: 'badges@example.org' },
  },
});
host(`${LEGACY}/v05-elsewhere.json`, {
  recipient: RECIPIENT,
  issued_on: '2012-06-01',
  badge: { version: '0.5.0', name: 'Misplaced', image: '/x.png', description: 'Hosted off the issuer origin.', criteria: '/c.html', issuer: { origin: 'https://other.example.net', name: 'Other' } },
});
host(`${LEGACY}/v10.json`, {
  uid: 'v10-alice',
  recipient: { type: 'email', hashed: true, salt: SALT, identity: `sha256$${sha256(RECIPIENT + SALT)}` },
  badge: `${LEGACY}/v10-badge.json`,
  verify: { type: 'hosted', url: `${LEGACY}/v10.json` },
  issuedOn: 1359217910,
  image: `${HOST}/badges/robotics.png`,
});
host(`${LEGACY}/v10-badge.json`, { name: 'Robotics (2013)', description: 'An OB 1.0 badge.', image: `${HOST}/badges/robotics.png`, criteria: `${HOST}/criteria/robotics.html`, issuer: `${LEGACY}/v10-issuer.json` });
host(`${LEGACY}/v10-issuer.json`, { name: 'Example Robotics Academy', url: HOST, email: 'badges@example.org' });
host(`${LEGACY}/v11.json`, {
  '@context': 'https://w3id.org/openbadges/v1',
  type: 'Assertion',
  id: `${LEGACY}/v11.json`,
  uid: 'v11-alice',
  recipient: { type: 'email', hashed: false, identity: RECIPIENT },
  badge: `${LEGACY}/v11-badge.json`,
  verify: { type: 'hosted', url: `${LEGACY}/v11.json` },
  issuedOn: '2015-03-01T00:00:00Z',
});
host(`${LEGACY}/v11-badge.json`, { '@context': 'https://w3id.org/openbadges/v1', type: 'BadgeClass', id: `${LEGACY}/v11-badge.json`, name: 'Robotics (2015)', description: 'An OB 1.1 badge.', image: `${HOST}/badges/robotics.png`, criteria: `${HOST}/criteria/robotics.html`, issuer: `${LEGACY}/v11-issuer.json` });
host(`${LEGACY}/v11-issuer.json`, { '@context': 'https://w3id.org/openbadges/v1', type: 'Issuer', id: `${LEGACY}/v11-issuer.json`, name: 'Example Robotics Academy', url: HOST });
// OB 1.0 signed: verify.url is the PEM key on the issuer's host; revocation by uid map.
write(hostedPath(`${LEGACY}/public.pem`), rsa.pem);
host(`${LEGACY}/v10-signed-issuer.json`, { name: 'Example Robotics Academy', url: HOST, revocationList: `${LEGACY}/v10-revocations.json` });
host(`${LEGACY}/v10-signed-badge.json`, { name: 'Robotics (signed)', description: 'An OB 1.0 signed badge.', image: `${HOST}/badges/robotics.png`, criteria: `${HOST}/criteria/robotics.html`, issuer: `${LEGACY}/v10-signed-issuer.json` });
host(`${LEGACY}/v10-revocations.json`, { 'v10-revoked': 'Withdrawn by the academy' });
const v10Signed = (uid) => ({ uid, recipient: hashed(), badge: `${LEGACY}/v10-signed-badge.json`, verify: { type: 'signed', url: `${LEGACY}/public.pem` }, issuedOn: '2014-01-01' });
await signJws(join(signedDir, 'v10-signed.jws'), { alg: 'RS256' }, v10Signed('v10-good'), rsa);
await signJws(join(signedDir, 'v10-signed-revoked.jws'), { alg: 'RS256' }, v10Signed('v10-revoked'), rsa);

// --- baked images ------------------------------------------------------------------------

write(join(out, 'baked', 'valid-json.png'), bakePng(JSON.stringify(valid)));
write(join(out, 'baked', 'valid-url.png'), bakePng(A('valid')));
write(join(out, 'baked', 'v05-url.png'), bakePng(`${LEGACY}/v05.json`));
write(join(out, 'baked', 'signed.png'), bakePng(readFileSync(join(signedDir, 'rs256.jws'), 'utf8').trim()));
write(join(out, 'baked', 'valid.svg'), bakeSvg(A('valid'), valid));

write(
  join(out, 'resources.json'),
  json({
    description: 'URL prefix → directory for the OB 2.0 fixtures (made by scripts/make-ob2-fixtures.mjs); paths relative to this file.',
    exact: {},
    prefixes: {
      [`${HOST}/`]: 'hosted/badges.example.org/',
      'https://elsewhere.example.net/': 'hosted/elsewhere.example.net/',
      'https://cdn.example.net/': 'hosted/cdn.example.net/',
      'https://endorser.example.com/': 'hosted/endorser.example.com/',
    },
  }),
);

// --- sample badges (examples/) ----------------------------------------------------------
// Each file name says the status `verify-badge --resources examples/resources.json` gives
// it (test/examples.test.ts checks that). Valid samples carry no expiry date, so they stay
// valid; the expired one expired in 2021.

const ex = join(repo, 'examples');
const exHosted = (url, doc) => write(join(ex, 'resources', new URL(url).pathname.slice(1)), json(doc));
write(join(ex, 'badges', 'ob2-valid.png'), bakePng(JSON.stringify(valid)));
write(join(ex, 'badges', 'ob2-valid.svg'), bakeSvg(A('valid'), valid));
write(join(ex, 'badges', 'ob2-valid.json'), json(valid));
exHosted(A('valid'), valid);
// Revoked: the PNG holds the assertion as awarded; the issuer now hosts a revoked stub.
const exRevoked = assertion(A('revoked'));
write(join(ex, 'badges', 'ob2-revoked.png'), bakePng(JSON.stringify(exRevoked)));
exHosted(A('revoked'), { '@context': OB2, id: A('revoked'), revoked: true, revocationReason: 'Awarded by mistake' });
// Expired: the PNG holds only the hosted assertion's URL.
write(join(ex, 'badges', 'ob2-expired.png'), bakePng(A('expired')));
exHosted(A('expired'), expired);
// Tampered: the signed assertion's JWS with its payload changed after signing (signed/tampered.jws).
write(join(ex, 'badges', 'ob2-tampered.svg'), bakeSvg(readFileSync(join(signedDir, 'tampered.jws'), 'utf8').trim()));
// Pictures as data: URIs (OB 2.0 allows them in a BadgeClass and a Profile): the demo page
// shows them without reaching badges.example.org, which does not exist.
exHosted(BADGE, { ...badgeClass, image: svgImage('#8250df', 'R') });
// The issuer lists the RSA key (for the signed sample) and publishes no revocation list.
exHosted(ISSUER, { ...issuer, image: svgImage('#1f6feb', 'ER'), publicKey: [RSA_KEY], revocationList: undefined });
exHosted(RSA_KEY, { '@context': OB2, type: 'CryptographicKey', id: RSA_KEY, owner: ISSUER, publicKeyPem: rsa.pem });
write(
  join(ex, 'resources.json'),
  json({
    exact: {
      // The OB 3.0 samples' status list (written by scripts/make-ob3-fixtures.mjs).
      'https://issuer.example.org/status/revocation.json': 'resources/status/revocation.json',
    },
    prefixes: { [`${HOST}/`]: 'resources/' },
  }),
);

console.log('OB 2.0 fixtures written to', out, 'and', ex);
