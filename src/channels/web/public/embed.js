/*
 * One script tag on any county site adds the petition chat:
 *   <script src="https://bot.example.gov.cn/widget/embed.js" data-lang="zh" defer></script>
 * It injects a floating button that opens the widget in an iframe served by the
 * bot (so the host page needs no styles, no CORS and no 'unsafe-inline'; the
 * styles below are set through the CSSOM, which a CSP allows).
 * Optional attributes: data-lang="zh|en", data-label="…" (button text),
 * data-position="right|left".
 */
/* global window, document */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src || document.getElementById('xf-embed-launcher')) return;

  var origin = new URL(script.src, window.location.href).origin;
  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var TEXT = {
    zh: { open: '网上信访', close: '关闭', title: '网上信访助手' },
    en: { open: 'Online petition', close: 'Close', title: 'Online petition assistant' },
  }[lang];
  var label = script.getAttribute('data-label') || TEXT.open;

  function css(node, styles) {
    Object.keys(styles).forEach(function (k) { node.style[k] = styles[k]; });
  }

  var launcher = document.createElement('button');
  launcher.id = 'xf-embed-launcher';
  launcher.type = 'button';
  launcher.textContent = label;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'xf-embed-panel');
  css(launcher, {
    position: 'fixed', bottom: '1rem', zIndex: '2147483000', minHeight: '48px', minWidth: '48px',
    padding: '0.75rem 1.25rem', border: '0', borderRadius: '999px', background: '#9d1c20', color: '#fff',
    font: '600 1rem/1.2 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', cursor: 'pointer',
    boxShadow: '0 4px 14px rgba(0,0,0,0.3)',
  });
  launcher.style[side] = '1rem';

  var panel = document.createElement('div');
  panel.id = 'xf-embed-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', TEXT.title);
  css(panel, {
    position: 'fixed', zIndex: '2147483001', background: '#fff', boxShadow: '0 8px 30px rgba(0,0,0,0.35)',
    display: 'none', flexDirection: 'column', overflow: 'hidden',
  });

  var closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.textContent = '\u00D7';
  closeButton.setAttribute('aria-label', TEXT.close);
  css(closeButton, {
    alignSelf: 'flex-end', minWidth: '44px', minHeight: '44px', border: '0', background: '#1d4e89',
    color: '#fff', fontSize: '1.5rem', lineHeight: '1', cursor: 'pointer', width: '100%', textAlign: 'right', padding: '0 0.75rem',
  });
  panel.appendChild(closeButton);

  var frame = null;

  function layout() {
    var phone = window.matchMedia('(max-width: 600px)').matches;
    if (phone) {
      css(panel, { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', borderRadius: '0' });
    } else {
      css(panel, { top: 'auto', bottom: '5rem', width: '400px', height: 'min(640px, calc(100vh - 7rem))', borderRadius: '12px', left: 'auto', right: 'auto' });
      panel.style[side] = '1rem';
    }
  }

  function open() {
    if (!frame) {
      // Loaded on first open only: a visitor who never opens the chat costs the bot nothing.
      frame = document.createElement('iframe');
      frame.src = origin + '/widget/chat?lang=' + lang;
      frame.title = TEXT.title;
      frame.setAttribute('referrerpolicy', 'no-referrer');
      css(frame, { border: '0', width: '100%', flex: '1 1 auto' });
      panel.appendChild(frame);
    }
    layout();
    panel.style.display = 'flex';
    launcher.setAttribute('aria-expanded', 'true');
    launcher.style.display = 'none';
    closeButton.focus();
  }

  function close() {
    panel.style.display = 'none';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.style.display = '';
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') close();
  });
  window.addEventListener('resize', function () {
    if (panel.style.display !== 'none') layout();
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
