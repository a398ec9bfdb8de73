/**
 * Open Badges 2.0 / 1.x / 0.5 verification entry points (hosted, signed, legacy).
 * Interim: the full pipeline lands in hosted.ts / signed.ts / legacy.ts.
 */
import type { VerifierOutcome, VerifyContext } from '../context.js';

export async function verifyOb2Object(obj: Record<string, unknown>, ctx: VerifyContext, _source?: string): Promise<VerifierOutcome> {
  ctx.checks.fail('hosted', 'FETCH_FAILED', 'OB 2.0 hosted verification is not available yet');
  return { version: null, badge: null, credential: obj };
}

export async function verifyOb2Signed(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  ctx.checks.fail('proof', 'UNSUPPORTED_PROOF', 'OB 2.0 signed verification is not available yet');
  return { version: null, badge: null, credential: token };
}

export async function verifyOb2Url(url: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  ctx.checks.fail('hosted', 'FETCH_FAILED', `OB 2.0 hosted verification of ${url} is not available yet`);
  return { version: null, badge: null, credential: null };
}
