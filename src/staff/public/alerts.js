// Staff alerts on every console page: polls /api/staff/alerts every 15 s, keeps the
// count in the header current and, once the staff member allowed it, raises a desktop
// notification for each alert not seen before (remembered for this browser tab).
/* global window, document, Notification, sessionStorage */
(() => {
  'use strict';
  const count = document.getElementById('alerts-count');
  if (!count) return;
  const POLL_MS = 15_000;
  const SEEN_KEY = 'xf-alerts-seen';

  const loadSeen = () => {
    try {
      return new Set(JSON.parse(sessionStorage.getItem(SEEN_KEY) || '[]'));
    } catch {
      return new Set();
    }
  };
  const saveSeen = (ids) => {
    try {
      sessionStorage.setItem(SEEN_KEY, JSON.stringify([...ids].slice(-200)));
    } catch {
      // Private mode: notifications may repeat after a reload.
    }
  };

  let seen = loadSeen();
  let first = seen.size === 0;

  function notify(alert) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      const n = new Notification('新的提醒 New alert', { body: alert.message, tag: `alert-${alert.id}` });
      n.onclick = () => {
        window.focus();
        window.location.href = alert.caseNumber ? `/staff/cases/${encodeURIComponent(alert.caseNumber)}` : '/staff/alerts';
      };
    } catch {
      // Some browsers allow notifications only from a service worker: the count still shows.
    }
  }

  async function poll() {
    const res = await fetch('/api/staff/alerts', { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) return;
    const { items } = await res.json();
    count.textContent = items.length > 0 ? ` (${items.length})` : '';
    // On the tab's first poll the open alerts are known already (the page shows them): no burst of notifications.
    if (!first) for (const a of items) if (!seen.has(a.id)) notify(a);
    first = false;
    seen = new Set(items.map((a) => a.id));
    saveSeen(seen);
  }

  const button = document.getElementById('alerts-notify');
  if (button && 'Notification' in window && Notification.permission === 'default') {
    button.hidden = false;
    button.addEventListener('click', () => {
      void Notification.requestPermission().then(() => {
        button.hidden = Notification.permission !== 'default';
      });
    });
  }

  const tick = () => poll().catch(() => undefined);
  void tick();
  setInterval(tick, POLL_MS);
})();
