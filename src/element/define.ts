/**
 * Registers `<verify-badge>` (the package's only side-effect module). Safe to import twice,
 * and on a server, where there is no `customElements`, it does nothing.
 *
 * @example
 * ```ts
 * import 'verify-badge/element/define';
 * document.body.append(Object.assign(document.createElement('verify-badge'), { src: '/badge.png' }));
 * ```
 *
 * @packageDocumentation
 */
import { VerifyBadgeElement } from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'verify-badge': VerifyBadgeElement;
  }
}

VerifyBadgeElement.define();

export { VerifyBadgeElement };
export { DEFAULT_LABELS } from './index.js';
export type {
  VerifyBadgeErrorDetail,
  VerifyBadgeLabels,
  VerifyBadgeLabelsInput,
  VerifyBadgeLayout,
  VerifyBadgeMode,
  VerifyBadgeSource,
  VerifyBadgeStartDetail,
  VerifyBadgeState,
} from './index.js';
