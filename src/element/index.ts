/**
 * `<verify-badge>`: shows an Open Badge and whether it is genuine and current. A thin view
 * over {@link verify}; this module only declares the class (no side effects), so importing
 * it registers nothing. Import `verify-badge/element/define` (or call
 * `VerifyBadgeElement.define()`) to register the tag.
 *
 * @packageDocumentation
 */
import { isBadgeError } from '../errors.js';
import type { VerificationResult } from '../result.js';
import type { VerifyOptions } from '../verify/options.js';
import { inputLabel, type VerifyInput } from '../verify/input.js';
import { verify } from '../verify/verify.js';
import { DEFAULT_LABELS, mergeLabels, type VerifyBadgeLabels, type VerifyBadgeLabelsInput } from './labels.js';
import { applyStyles } from './styles.js';
import { h, renderCard, renderError, renderLoading } from './view.js';

export { DEFAULT_LABELS } from './labels.js';
export type { VerifyBadgeLabels, VerifyBadgeLabelsInput } from './labels.js';

/** `verify` attribute: start on its own (`auto`) or wait for the viewer to press Verify (`manual`). */
export type VerifyBadgeMode = 'auto' | 'manual';
/** `layout` attribute. */
export type VerifyBadgeLayout = 'card' | 'compact';
/** What the element is showing. `idle` is the drop zone or the manual Verify button. */
export type VerifyBadgeState = 'idle' | 'loading' | 'result' | 'error';
/** Where the badge being verified came from. */
export type VerifyBadgeSource = 'src' | 'credential' | 'file';

/**
 * Detail of `verify-badge:start`.
 *
 * @example
 * ```ts
 * el.addEventListener('verify-badge:start', (e) => console.log('checking', e.detail.input));
 * ```
 */
export interface VerifyBadgeStartDetail {
  source: VerifyBadgeSource;
  /** The label the result will carry as `input` (the `src`, the file name, or "<object>"). */
  input: string;
}

/**
 * Detail of `verify-badge:error`: verification could not run (misuse or an unexpected failure).
 * A badge that fails its checks is not an error: it arrives in `verify-badge:result`.
 *
 * @example
 * ```ts
 * el.addEventListener('verify-badge:error', (e) => report(e.detail.code ?? e.detail.message));
 * ```
 */
export interface VerifyBadgeErrorDetail {
  error: unknown;
  /** A stable code when the error is a BadgeError, else null. */
  code: string | null;
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'verify-badge:start': CustomEvent<VerifyBadgeStartDetail>;
    'verify-badge:result': CustomEvent<VerificationResult>;
    'verify-badge:error': CustomEvent<VerifyBadgeErrorDetail>;
  }
}

/**
 * Properties an app may set before the element is upgraded (see #upgradeProperties),
 * including those that reflect attributes: set early, they must still become attributes.
 */
const UPGRADED = ['src', 'recipient', 'verifyMode', 'layout', 'credential', 'file', 'fetch', 'now', 'labels'] as const;
const ACCEPT = '.png,.svg,.json,.jsonld,.jwt,.jws,.txt,image/png,image/svg+xml,application/json,application/ld+json,text/plain';

// On a server (SSR, Node without a DOM) HTMLElement does not exist: a plain base class lets
// the module be imported there without crashing; define() is then a no-op.
const BaseElement = ((globalThis as { HTMLElement?: typeof HTMLElement }).HTMLElement ??
  class {}) as typeof HTMLElement;

/**
 * The `<verify-badge>` custom element.
 *
 * Give it a badge through `src`, the `credential` property or the `file` property; with
 * none, it is a drop zone and file picker (the file never leaves the device).
 *
 * @attr src - URL of a baked PNG/SVG, an OB 2.0 hosted assertion, JSON or JWT.
 * @attr recipient - The expected recipient (email, URL, telephone or DID); adds a recipient check.
 * @attr verify - `auto` (default) or `manual`: the viewer presses a Verify button first.
 * @attr layout - `card` (default) or `compact`.
 * @attr lang - Language of dates (and of your `labels`); inherited from the page when absent.
 *
 * @event verify-badge:start - Verification began; detail `{ source, input }`.
 * @event verify-badge:result - Verification finished; detail is the `verify()` result object.
 * @event verify-badge:error - Verification could not run; detail `{ error, code, message }`.
 *
 * @csspart card - The result card (`<article>`), with `data-status`.
 * @csspart header - Image, name and description.
 * @csspart image - The badge image.
 * @csspart name - The badge name.
 * @csspart description - The badge description.
 * @csspart status - The status line (icon and words); also `status-<status>`.
 * @csspart details - The list of facts (issuer, recipient, dates, criteria...).
 * @csspart issuer - Issuer value. @csspart issuer-image - Issuer logo. @csspart issuer-link - Issuer link.
 * @csspart recipient - Recipient value.
 * @csspart issued - Issue date. @csspart expires - Expiry date.
 * @csspart criteria - Criteria value. @csspart criteria-link - Criteria link.
 * @csspart type - Achievement type. @csspart version - Open Badges version.
 * @csspart label - Each label of the details list.
 * @csspart endorsements - Endorsements section. @csspart endorsement - One endorsement.
 * @csspart checks - The `<details>` list of checks. @csspart check - One check (also `check-<status>`).
 * @csspart loading - The pending state. @csspart error - The error state.
 * @csspart live - The visually hidden live region (role="status") announcing progress and verdict.
 * @csspart dropzone - The drop zone / file picker. @csspart manual - The manual verify panel.
 * @csspart file-input - The (visually hidden) file input of the drop zone.
 * @csspart button - Every button. @csspart verify-button - The manual Verify button.
 * @csspart another - The "check another badge" button.
 *
 * @cssproperty --verify-badge-font - Font family.
 * @cssproperty --verify-badge-bg - Card background.
 * @cssproperty --verify-badge-fg - Text colour.
 * @cssproperty --verify-badge-muted - Secondary text colour.
 * @cssproperty --verify-badge-border - Border colour.
 * @cssproperty --verify-badge-radius - Corner radius.
 * @cssproperty --verify-badge-link - Link colour.
 * @cssproperty --verify-badge-focus - Focus ring colour.
 * @cssproperty --verify-badge-max-width - Maximum width of the element.
 * @cssproperty --verify-badge-image-size - Size of the badge image.
 * @cssproperty --verify-badge-valid-fg - Status colours: valid (also -valid-bg).
 * @cssproperty --verify-badge-bad-fg - Status colours: invalid, revoked, error (also -bad-bg).
 * @cssproperty --verify-badge-warn-fg - Status colours: expired, suspended, not yet valid, cannot be checked (also -warn-bg).
 * @cssproperty --verify-badge-neutral-fg - Neutral colours (also -neutral-bg).
 *
 * @example
 * ```html
 * <script src="https://unpkg.com/verify-badge/dist/verify-badge.global.js" defer></script>
 * <verify-badge src="/badges/jane-robotics.png" recipient="jane@example.org"></verify-badge>
 * ```
 */
export class VerifyBadgeElement extends BaseElement {
  static readonly observedAttributes = ['src', 'recipient', 'verify', 'layout', 'lang'];

  /** Labels used by every element that has no `labels` of its own; replace to translate. */
  static defaultLabels: VerifyBadgeLabels = DEFAULT_LABELS;

  /**
   * Register the element. Tolerates a second registration of the same tag (two copies of
   * the script on one page): the first definition stays.
   *
   * @example
   * ```ts
   * import { VerifyBadgeElement } from 'verify-badge/element';
   * VerifyBadgeElement.define('my-badge');
   * ```
   */
  static define(tag = 'verify-badge', registry: CustomElementRegistry | undefined = (globalThis as { customElements?: CustomElementRegistry }).customElements): typeof VerifyBadgeElement {
    if (registry === undefined || registry.get(tag) !== undefined) return this;
    try {
      registry.define(tag, this);
    } catch {
      // A constructor can back only one tag: register a trivial subclass under the new name.
      registry.define(tag, class extends this {});
    }
    return this;
  }

  readonly #root: ShadowRoot;
  /**
   * One live region for the element's whole life: screen readers announce changes to a
   * region that already exists, not one inserted with its text, so the pending state and
   * the verdict are both spoken from here.
   */
  readonly #live: HTMLElement;
  #credential: unknown = null;
  #file: Blob | null = null;
  #fileFromPicker = false;
  #fetch: typeof globalThis.fetch | undefined;
  #now: Date | string | number | undefined;
  #labels: VerifyBadgeLabelsInput | null = null;
  #result: VerificationResult | null = null;
  #error: VerifyBadgeErrorDetail | null = null;
  #state: VerifyBadgeState = 'idle';
  #controller: AbortController | null = null;
  /** Bumped on every new verification: an answer from an older one is stale and dropped. */
  #generation = 0;
  #pending = false;
  /** The viewer pressed Verify (manual mode) for the current source. */
  #approved = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    applyStyles(this.#root);
    this.#live = h(this.ownerDocument, 'div', { part: 'live', class: 'sr', role: 'status', 'aria-live': 'polite' });
    this.#root.append(this.#live);
  }

  connectedCallback(): void {
    this.#upgradeProperties();
    if (this.#state === 'idle') this.#schedule();
    else this.#render();
  }

  disconnectedCallback(): void {
    // Removed from the page: stop the work; a reconnect starts afresh.
    if (this.#state === 'loading') {
      this.#cancel();
      this.#state = 'idle';
    }
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return;
    // A page that sets a new src wants that badge shown, not the file the viewer picked before.
    if (name === 'src' && this.#fileFromPicker) {
      this.#file = null;
      this.#fileFromPicker = false;
    }
    // A new source while detached still drops the old result, so a reconnect cannot show it.
    if (name === 'src' || name === 'recipient') this.#sourceChanged();
    else if (!this.isConnected) return;
    else if (name === 'verify') {
      if (this.#state === 'idle') this.#schedule();
    } else if (name === 'lang') this.#render();
  }

  /** URL of the badge (the `src` attribute). */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }

  /** The expected recipient (the `recipient` attribute), or ''. */
  get recipient(): string {
    return this.getAttribute('recipient') ?? '';
  }
  set recipient(value: string) {
    this.setAttribute('recipient', value);
  }

  /** The `verify` attribute, validated: anything but `manual` is `auto`. */
  get verifyMode(): VerifyBadgeMode {
    return this.getAttribute('verify')?.trim().toLowerCase() === 'manual' ? 'manual' : 'auto';
  }
  set verifyMode(value: VerifyBadgeMode) {
    this.setAttribute('verify', value);
  }

  /**
   * The `layout` attribute, validated: anything but `compact` (in any case, as HTML matches
   * keywords, and as the stylesheet's `[layout=compact i]` does) is `card`.
   */
  get layout(): VerifyBadgeLayout {
    return this.getAttribute('layout')?.toLowerCase() === 'compact' ? 'compact' : 'card';
  }
  set layout(value: VerifyBadgeLayout) {
    this.setAttribute('layout', value);
  }

  /** A credential the app already holds: an object, JSON text or a compact JWT. Wins over `file` and `src`. */
  get credential(): unknown {
    return this.#credential;
  }
  set credential(value: unknown) {
    this.#credential = value ?? null;
    this.#sourceChanged();
  }

  /** A badge file (File or Blob) to verify. Wins over `src`. */
  get file(): Blob | null {
    return this.#file;
  }
  set file(value: Blob | null) {
    if (value !== null && value !== undefined && !(typeof Blob === 'function' && value instanceof Blob)) {
      throw new TypeError('verify-badge: file must be a File or Blob');
    }
    this.#file = value ?? null;
    this.#fileFromPicker = false;
    this.#sourceChanged();
  }

  /** The fetch used for every request (hosted assertions, issuers, keys, status lists). Defaults to the page's. */
  get fetch(): typeof globalThis.fetch | undefined {
    return this.#fetch;
  }
  set fetch(value: typeof globalThis.fetch | undefined) {
    if (value !== undefined && value !== null && typeof value !== 'function') throw new TypeError('verify-badge: fetch must be a function');
    this.#fetch = value ?? undefined;
  }

  /** The clock for date checks (tests, "as of" views). Defaults to the current time. */
  get now(): Date | string | number | undefined {
    return this.#now;
  }
  set now(value: Date | string | number | undefined) {
    this.#now = value ?? undefined;
  }

  /**
   * Replacement texts for this element, merged over `VerifyBadgeElement.defaultLabels`, itself
   * merged over the English defaults: a partial set leaves no text missing.
   */
  get labels(): VerifyBadgeLabels {
    return mergeLabels(mergeLabels(DEFAULT_LABELS, (this.constructor as typeof VerifyBadgeElement).defaultLabels), this.#labels);
  }
  set labels(value: VerifyBadgeLabelsInput | null) {
    this.#labels = value ?? null;
    if (this.isConnected) this.#render();
  }

  /** The last result (the same object the `verify-badge:result` event carried), or null. */
  get result(): VerificationResult | null {
    return this.#result;
  }

  /** What the element is showing now. */
  get state(): VerifyBadgeState {
    return this.#state;
  }

  /**
   * Verify the current badge now, whatever the `verify` mode (this is what the manual
   * Verify button calls). Resolves to the result, or null when there is nothing to verify,
   * the run was superseded by a newer one, or it could not run (see `verify-badge:error`).
   */
  verifyNow(): Promise<VerificationResult | null> {
    this.#approved = true;
    this.#pending = false;
    return this.#run();
  }

  // Properties set on the element before its class was defined live as own properties that
  // shadow our accessors; re-assign them through the accessors.
  #upgradeProperties(): void {
    for (const name of UPGRADED) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
  }

  #sourceChanged(): void {
    this.#cancel();
    this.#result = null;
    this.#error = null;
    this.#state = 'idle';
    this.#approved = false;
    if (this.isConnected) this.#schedule();
  }

  // Coalesce changes made in one task (src and recipient set together) into one verification.
  #schedule(): void {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      if (!this.#pending) return;
      this.#pending = false;
      if (!this.isConnected) return;
      const input = this.#input();
      if (input !== null && (this.verifyMode === 'auto' || this.#approved || this.#fileFromPicker)) void this.#run();
      else this.#render();
    });
  }

  #cancel(): void {
    this.#generation++;
    this.#controller?.abort();
    this.#controller = null;
  }

  #input(): { source: VerifyBadgeSource; value: unknown; label: string } | null {
    if (this.#credential !== null) {
      // Same label verify() would give it: "<object>", "<text>", "<bytes>" or the URL.
      return { source: 'credential', value: this.#credential, label: inputLabel(this.#credential as VerifyInput) };
    }
    if (this.#file !== null) {
      const name = (this.#file as { name?: unknown }).name;
      return { source: 'file', value: this.#file, label: typeof name === 'string' && name !== '' ? name : '<bytes>' };
    }
    const src = this.src.trim();
    if (src === '') return null;
    let url: string;
    try {
      // Relative to the page, like <img src>.
      url = new URL(src, this.ownerDocument.baseURI).href;
    } catch {
      url = src;
    }
    return { source: 'src', value: url, label: src };
  }

  /** Verify and show; never rejects (a fault anywhere ends in the error state and event). */
  async #run(): Promise<VerificationResult | null> {
    const run = { generation: this.#generation };
    try {
      return await this.#verifyAndShow(run);
    } catch (error) {
      // Unless a newer run has taken over: its own outcome will be shown.
      if (run.generation === this.#generation) this.#fail(error);
      return null;
    }
  }

  /** `run.generation` is set to this run's generation once it has started. */
  async #verifyAndShow(run: { generation: number }): Promise<VerificationResult | null> {
    const input = this.#input();
    if (input === null) {
      this.#render();
      return null;
    }
    this.#cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const generation = this.#generation;
    run.generation = generation;
    this.#state = 'loading';
    this.#result = null;
    this.#error = null;
    this.#render();
    this.#emit('verify-badge:start', { source: input.source, input: input.label });

    const options: VerifyOptions = { signal: controller.signal, label: input.label };
    if (this.#fetch !== undefined) options.fetch = this.#fetch;
    if (this.#now !== undefined) options.now = this.#now;
    const recipient = this.recipient.trim();
    if (recipient !== '') options.recipient = recipient;

    let result: VerificationResult;
    try {
      result = await verify(input.value as VerifyInput, options);
    } finally {
      // A failure goes on to #run, which shows it unless a newer run has taken over.
      if (this.#controller === controller) this.#controller = null;
    }
    if (generation !== this.#generation) return null;
    this.#result = result;
    this.#state = 'result';
    // A fault in showing it (say, a labels getter that throws) reaches #run's catch.
    this.#render();
    this.#emit('verify-badge:result', result);
    return result;
  }

  /** Show the error state and tell the page: verification, or showing its result, failed. */
  #fail(error: unknown): void {
    const detail: VerifyBadgeErrorDetail = {
      error,
      code: isBadgeError(error) ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    };
    this.#error = detail;
    this.#state = 'error';
    try {
      this.#render();
    } catch {
      // Even the error panel failed to render: the event below still tells the page.
    }
    this.#emit('verify-badge:error', detail);
  }

  #emit<K extends 'verify-badge:start' | 'verify-badge:result' | 'verify-badge:error'>(
    type: K,
    detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #locale(): string | undefined {
    // The nearest lang up the composed tree: inside another component's shadow root, the
    // language still comes from the page around it.
    for (let node: Node | null = this; node !== null; node = node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null) {
      const lang = node.nodeType === 1 ? (node as Element).getAttribute('lang')?.trim() : undefined;
      if (lang) return lang;
    }
    const nav = (globalThis as { navigator?: { language?: string } }).navigator;
    return nav?.language || undefined;
  }

  #render(): void {
    const doc = this.ownerDocument;
    const labels = this.labels;
    const nodes: Node[] = [];
    let announce = '';
    switch (this.#state) {
      case 'loading':
        nodes.push(renderLoading(doc, labels));
        announce = labels.loading;
        break;
      case 'result':
        if (this.#result !== null) {
          nodes.push(renderCard(doc, this.#result, labels, this.#locale()));
          const name = this.#result.badge?.name;
          announce = `${labels.status[this.#result.status] ?? this.#result.status}${typeof name === 'string' && name !== '' ? `: ${name}` : ''}`;
        }
        break;
      case 'error':
        nodes.push(renderError(doc, labels, this.#error?.code ?? this.#error?.message ?? ''));
        break;
      default:
        nodes.push(this.#input() === null ? this.#dropzone(labels) : this.#manual(labels));
    }
    if (this.#live.textContent !== announce) this.#live.textContent = announce;
    if ((this.#state === 'result' || this.#state === 'error') && this.#fileFromPicker) {
      const again = h(doc, 'button', { type: 'button', part: 'button another' }, labels.another);
      again.addEventListener('click', () => {
        this.file = null;
      });
      nodes.push(again);
    }
    // Focus inside the content about to be replaced (the Verify button, the file input, "check
    // another") would fall back to <body>: keyboard and screen-reader users would lose their place.
    const hadFocus = this.#root.activeElement != null;
    // Keep the <style> fallback (if any) and the live region; replace the rest.
    for (const child of Array.from(this.#root.childNodes)) if (child.nodeName !== 'STYLE' && child !== this.#live) child.remove();
    this.#root.append(...nodes);
    if (hadFocus) focusWithin(nodes[0]);
  }

  #manual(labels: VerifyBadgeLabels): HTMLElement {
    const doc = this.ownerDocument;
    const button = h(doc, 'button', { type: 'button', part: 'button verify-button' }, labels.verifyButton);
    button.addEventListener('click', () => void this.verifyNow());
    return h(doc, 'div', { part: 'manual' }, h(doc, 'p', {}, labels.manualHint), button);
  }

  #dropzone(labels: VerifyBadgeLabels): HTMLElement {
    const doc = this.ownerDocument;
    const input = h(doc, 'input', { type: 'file', class: 'file', accept: ACCEPT, part: 'file-input' }) as HTMLInputElement;
    const zone = h(doc, 'label', { part: 'dropzone' },
      h(doc, 'strong', {}, labels.dropzone),
      h(doc, 'span', {}, labels.dropzoneHint),
      h(doc, 'span', { class: 'pick' }, labels.chooseFile),
      input,
    );
    const take = (files: FileList | null | undefined): void => {
      const file = files?.[0];
      if (file === undefined) return;
      this.file = file;
      // Chosen by the viewer: verify at once even in manual mode, and offer "check another".
      this.#fileFromPicker = true;
    };
    input.addEventListener('change', () => take(input.files));
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      take((event as DragEvent).dataTransfer?.files);
    });
    return zone;
  }
}

/**
 * Give focus to the new content: its first control (the file input, the Verify button), else
 * the panel itself, focusable from script only (tabindex -1) so the tab order is unchanged.
 */
function focusWithin(panel: Node | undefined): void {
  if (panel?.nodeType !== 1) return;
  const element = panel as HTMLElement;
  const control = element.matches('input, button') ? element : element.querySelector<HTMLElement>('input, button');
  if (control !== null) return control.focus();
  element.tabIndex = -1;
  element.focus();
}
