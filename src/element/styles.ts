/**
 * The element's styles. Applied with a constructable stylesheet (`adoptedStyleSheets`) so
 * the element works under a strict `style-src` Content-Security-Policy, which blocks a
 * `<style>` element without 'unsafe-inline'; the `<style>` fallback is for engines that
 * lack constructable stylesheets. No inline `style` attributes anywhere.
 *
 * Every colour and size is a `--verify-badge-*` custom property with its default on `:host`.
 *
 * @example
 * ```css
 * verify-badge { --verify-badge-radius: 4px; --verify-badge-valid-bg: #e6ffed; }
 * verify-badge::part(name) { font-family: Georgia, serif; }
 * ```
 */
export const STYLES = `
:host{
--verify-badge-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
--verify-badge-bg:#fff;--verify-badge-fg:#1f2328;--verify-badge-muted:#57606a;
--verify-badge-border:#d0d7de;--verify-badge-radius:12px;--verify-badge-link:#0550ae;
--verify-badge-max-width:32rem;--verify-badge-image-size:96px;
--verify-badge-valid-fg:#116329;--verify-badge-valid-bg:#dafbe1;
--verify-badge-bad-fg:#a40e26;--verify-badge-bad-bg:#ffebe9;
--verify-badge-warn-fg:#7d4e00;--verify-badge-warn-bg:#fff8c5;
--verify-badge-neutral-fg:#424a53;--verify-badge-neutral-bg:#eaeef2;
--verify-badge-focus:#0969da;
display:block;max-width:var(--verify-badge-max-width);font-family:var(--verify-badge-font);color:var(--verify-badge-fg);line-height:1.45}
@media (prefers-color-scheme:dark){:host{
--verify-badge-bg:#161b22;--verify-badge-fg:#e6edf3;--verify-badge-muted:#9da7b3;
--verify-badge-border:#3d444d;--verify-badge-link:#79c0ff;
--verify-badge-valid-fg:#7ee2a1;--verify-badge-valid-bg:#12361f;
--verify-badge-bad-fg:#ffa198;--verify-badge-bad-bg:#4a1217;
--verify-badge-warn-fg:#f2cc60;--verify-badge-warn-bg:#3b2e05;
--verify-badge-neutral-fg:#c9d1d9;--verify-badge-neutral-bg:#2d333b;--verify-badge-focus:#58a6ff}}
:host([hidden]){display:none}
*{box-sizing:border-box}
[part~=card],[part~=dropzone],[part~=loading],[part~=error],[part~=manual]{background:var(--verify-badge-bg);border:1px solid var(--verify-badge-border);border-radius:var(--verify-badge-radius);padding:1rem}
[part~=header]{display:flex;gap:1rem;align-items:flex-start}
[part~=image]{width:var(--verify-badge-image-size);height:var(--verify-badge-image-size);object-fit:contain;flex:none}
[part~=name]{font-size:1.15rem;font-weight:650;margin:0 0 .25rem;overflow-wrap:anywhere}
[part~=description]{margin:0;color:var(--verify-badge-muted);overflow-wrap:anywhere;white-space:pre-line}
[part~=status]{display:flex;gap:.5rem;align-items:flex-start;margin:.75rem 0;padding:.5rem .75rem;border-radius:calc(var(--verify-badge-radius)/2);background:var(--verify-badge-neutral-bg);color:var(--verify-badge-neutral-fg)}
[part~=status] strong{display:block}
[part~=status] span{font-size:.9rem}
.icon{font-weight:700;flex:none;width:1.5rem;height:1.5rem;border-radius:50%;display:inline-grid;place-items:center;border:2px solid currentColor;line-height:1}
.s-valid [part~=status]{background:var(--verify-badge-valid-bg);color:var(--verify-badge-valid-fg)}
.s-invalid [part~=status],.s-revoked [part~=status],.s-error [part~=status]{background:var(--verify-badge-bad-bg);color:var(--verify-badge-bad-fg)}
.s-expired [part~=status],.s-suspended [part~=status],.s-not-yet-valid [part~=status],.s-indeterminate [part~=status]{background:var(--verify-badge-warn-bg);color:var(--verify-badge-warn-fg)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{color:var(--verify-badge-muted)}
dd{margin:0;overflow-wrap:anywhere}
a{color:var(--verify-badge-link)}
[part~=issuer-image]{width:1.5rem;height:1.5rem;object-fit:contain;vertical-align:middle;margin-inline-end:.35rem}
[part~=endorsements] ul,[part~=checks] ul{margin:.25rem 0;padding-inline-start:1.25rem}
[part~=checks]{margin-top:.5rem;overflow-wrap:anywhere}
[part~=checks] summary{cursor:pointer;color:var(--verify-badge-muted)}
code{font-size:.85em}
button{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid var(--verify-badge-border);background:var(--verify-badge-neutral-bg);color:var(--verify-badge-fg);cursor:pointer}
[tabindex="-1"]:focus{outline:none}
button:focus-visible,[part~=dropzone]:focus-within{outline:3px solid var(--verify-badge-focus);outline-offset:2px}
[part~=dropzone]{display:block;text-align:center;border-style:dashed;border-width:2px;padding:2rem 1rem;cursor:pointer}
[part~=dropzone].over{border-color:var(--verify-badge-focus)}
[part~=dropzone] strong{display:block;font-size:1.05rem}
[part~=dropzone] span{display:block;color:var(--verify-badge-muted);font-size:.9rem}
.file,.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
[part~=dropzone] .pick{display:inline-block;margin-top:.75rem;text-decoration:underline;color:var(--verify-badge-link)}
[part~=another]{margin-top:.75rem}
:host([layout=compact i]) [part~=description],:host([layout=compact i]) dl,:host([layout=compact i]) [part~=endorsements],:host([layout=compact i]) [part~=checks],:host([layout=compact i]) [part~=status] span{display:none}
:host([layout=compact i]){--verify-badge-image-size:48px}
:host([layout=compact i]) [part~=status]{margin:.5rem 0 0}
`;

/**
 * Attach the styles to a shadow root: adopted stylesheet when supported, `<style>` otherwise.
 *
 * @example
 * ```ts
 * applyStyles(this.attachShadow({ mode: 'open' }));
 * ```
 */
export function applyStyles(root: ShadowRoot): void {
  const Sheet = (globalThis as { CSSStyleSheet?: typeof CSSStyleSheet }).CSSStyleSheet;
  if (Sheet !== undefined && 'adoptedStyleSheets' in root && typeof Sheet.prototype.replaceSync === 'function') {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Some engines expose the API but refuse construction; fall through to <style>.
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = STYLES;
  root.append(style);
}
