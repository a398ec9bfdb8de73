/**
 * Open Badges 3.0 verification (placeholder until the OB 3.0 pipeline lands): reports that
 * the credential could not be checked rather than pretending it is valid.
 */
import type { VerifierOutcome, VerifyContext } from '../context.js';

export async function verifyOb3Credential(credential: Record<string, unknown>, ctx: VerifyContext): Promise<VerifierOutcome> {
  ctx.checks.fail('proof', 'UNSUPPORTED_PROOF', 'Open Badges 3.0 verification is not available yet');
  return { version: '3.0', badge: null, credential };
}

export async function verifyOb3Jwt(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  ctx.checks.fail('proof', 'UNSUPPORTED_PROOF', 'Open Badges 3.0 VC-JWT verification is not available yet');
  return { version: '3.0', badge: null, credential: token };
}
