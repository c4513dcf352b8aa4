/*! Veikart embed helper (host side). No dependencies, ~1 kB.
 *
 * 1. Script-tag mount: any element with `data-veikart` gets an iframe with the app in embed mode.
 *      <div data-veikart data-lang="nn" data-filter="prioritert=1&gruppering=prioritet"
 *           data-view="ambisjoner" data-feed="https://…/feed.json" data-title="…"></div>
 *      <script src="https://VEIKART-ORIGIN/public/embed.js" defer></script>
 *    data-filter takes the query keys of a Veikart permalink (copy them from "Kopier lenke").
 * 2. Plain iframes marked `data-veikart-frame` get the same automatic height.
 * Heights arrive by postMessage from the app's origin only; the host's --vk-* custom properties
 * (set on the host element or :root) are sent back as the theme.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var appBase = new URL('../', script.src);          // …/public/embed.js -> app root
  var origin = appBase.origin;
  var VARS = ['--vk-font', '--vk-bg', '--vk-surface', '--vk-surface-2', '--vk-border',
    '--vk-border-subtle', '--vk-text', '--vk-text-subtle', '--vk-accent', '--vk-accent-strong',
    '--vk-accent-surface', '--vk-focus'];

  function mount(el) {
    if (el.getAttribute('data-veikart-mounted')) return;
    var q = new URLSearchParams(el.getAttribute('data-filter') || '');
    q.set('embed', '1');
    var lang = el.getAttribute('data-lang');
    if (lang) q.set('lang', lang);
    var view = el.getAttribute('data-view');
    if (view) q.set('visning', view);
    var feed = el.getAttribute('data-feed');
    if (feed) q.set('feed', feed);
    var f = document.createElement('iframe');
    f.src = appBase.href + '?' + q.toString();
    f.title = el.getAttribute('data-title') || 'Veikart for nasjonal e-helsestrategi';
    f.setAttribute('data-veikart-frame', '');
    f.style.cssText = 'width:100%;border:0;display:block;min-height:200px';
    f.loading = 'lazy';
    el.appendChild(f);
    el.setAttribute('data-veikart-mounted', '1');
  }

  function frameFor(source) {
    var frames = document.querySelectorAll('iframe[data-veikart-frame]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function theme(frame) {
    var host = frame.parentElement || document.documentElement;
    var cs = getComputedStyle(host);
    var vars = {};
    VARS.forEach(function (v) {
      var val = cs.getPropertyValue(v).trim();
      if (val) vars[v] = val;
    });
    return { type: 'veikart:theme', vars: vars };
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin || !e.data || typeof e.data.type !== 'string') return;
    var frame = frameFor(e.source);
    if (!frame) return;
    if (e.data.type === 'veikart:height' && typeof e.data.height === 'number' && e.data.height > 0) {
      frame.style.height = Math.ceil(e.data.height) + 'px';
    } else if (e.data.type === 'veikart:ready') {
      e.source.postMessage(theme(frame), origin);
    }
  });

  function init() {
    var els = document.querySelectorAll('[data-veikart]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
