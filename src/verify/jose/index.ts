/** Compact JWS (RFC 7515) on WebCrypto, shared by OB 2.0 signed assertions and OB 3.0 VC-JWT. */
export { parseCompactJws, verifyJwsSignature, looksLikeCompactJws, type ParsedJws } from './jws.js';
export { assertAllowedAlg, ALG_PARAMS, type AllowedAlg } from './algorithms.js';
export { importJwk, importPem } from './keys.js';
