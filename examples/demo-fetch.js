/*
 * Demo helper: answers the sample badges' resource URLs (https://badges.example.org/...)
 * from files served next to this page, so the demo works offline and reaches no network
 * beyond its own origin.
 *
 * How it works: it reads a resources map (the same format as the CLI's --resources,
 * default `resources.json` next to the page, or data-resources="...") and gives every
 * <verify-badge> on the page a `fetch` that maps each URL to a local file. Load it BEFORE
 * verify-badge.global.js: it sets the property on elements that are not upgraded yet, and
 * the element picks it up when it is defined. An external file, so pages keep a strict CSP
 * with no inline script.
 *
 *   <script src="demo-fetch.js" data-resources="resources.json" defer></script>
 *   <script src="../dist/verify-badge.global.js" defer></script>
 */
(() => {
  'use strict';
  const script = document.currentScript;
  const mapUrl = new URL((script && script.dataset.resources) || 'resources.json', document.baseURI);
  let mapPromise = null;

  function loadMap() {
    mapPromise ??= fetch(mapUrl, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
    return mapPromise;
  }

  function localUrl(map, url) {
    const key = url.replace(/#.*$/, '');
    const exact = map.exact || {};
    if (Object.prototype.hasOwnProperty.call(exact, key)) return new URL(exact[key], mapUrl);
    let best = null;
    for (const [prefix, dir] of Object.entries(map.prefixes || {})) {
      if (key.startsWith(prefix) && (best === null || prefix.length > best[0].length)) best = [prefix, dir];
    }
    return best === null ? null : new URL(best[1] + key.slice(best[0].length), mapUrl);
  }

  /** A fetch for <verify-badge>: mapped URLs come from this server, same-origin URLs pass, the rest fail. */
  async function demoFetch(input, init = {}) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const local = localUrl(await loadMap(), url);
    if (local === null) {
      if (new URL(url, document.baseURI).origin === location.origin) return fetch(url, init);
      // As an unreachable host would: the verifier reports "cannot be checked", never valid.
      throw new TypeError(`demo: ${url} is not in ${mapUrl.pathname}`);
    }
    const response = await fetch(local, { signal: init.signal, credentials: 'same-origin' });
    // A fresh Response has an empty url, so the verifier sees the URL it asked for rather
    // than the local path (hosted-assertion scope checks compare URLs).
    return new Response(await response.arrayBuffer(), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': response.headers.get('content-type') || 'application/octet-stream' },
    });
  }

  const install = (el) => {
    el.fetch = demoFetch;
  };
  document.querySelectorAll('verify-badge').forEach(install);
  // Elements added later (by another script) get it too.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.localName === 'verify-badge') install(node);
        node.querySelectorAll?.('verify-badge').forEach(install);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.demoFetch = demoFetch;
})();
