// The inbox made live: listens to /staff/inbox/events (Server-Sent Events) and, on
// each change, swaps in the server-rendered rows or chat status and transcript, so
// escaping happens in one place (the server). A chat that starts waiting raises a
// badge and, once the staff member allowed it, a desktop notification.
/* global window, document, Notification, EventSource */
(() => {
  'use strict';
  const list = document.getElementById('inbox-list');
  const chat = document.getElementById('inbox-chat');
  const root = list || chat;
  // A revealed transcript has no live URLs: a refresh would bring back the masked one.
  if (!root || !root.dataset.eventsUrl || typeof window.EventSource !== 'function') return;

  const baseTitle = document.title;
  const live = document.getElementById('inbox-live');
  const setLive = (text) => {
    if (live) live.textContent = text;
  };

  function fragment(text) {
    const tpl = document.createElement('template');
    tpl.innerHTML = text;
    return tpl.content;
  }

  async function fetchFragment(url) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' }, cache: 'no-store' });
    return { status: res.status, text: res.ok ? await res.text() : '' };
  }

  // ---- the list -------------------------------------------------------------
  const rows = document.getElementById('inbox-rows');
  const badge = document.getElementById('inbox-new');
  const notifyButton = document.getElementById('inbox-notify');
  const known = new Set();
  let unseen = 0;

  const waitingRows = () => (rows ? [...rows.querySelectorAll('tr[data-id]')].filter((tr) => tr.dataset.claimed === 'false') : []);
  for (const tr of waitingRows()) known.add(tr.dataset.id);

  function showBadge() {
    if (!badge) return;
    badge.hidden = unseen === 0;
    badge.textContent = `新 ${unseen} New`;
    document.title = unseen > 0 ? `(${unseen}) ${baseTitle}` : baseTitle;
  }

  function notify(fresh) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    for (const tr of fresh) {
      try {
        const n = new Notification('新的待接入对话 New chat waiting', { body: tr.dataset.reason || '', tag: `inbox-${tr.dataset.id}` });
        n.onclick = () => {
          window.focus();
          window.location.href = `/staff/inbox/${tr.dataset.id}`;
        };
      } catch {
        // Some browsers allow notifications only from a service worker: the badge still shows.
      }
    }
  }

  async function refreshList() {
    const { status, text } = await fetchFragment(list.dataset.rowsUrl);
    if (status !== 200) return setLive(status === 401 || status === 403 ? '登录已失效，请刷新页面。 Signed out: reload the page.' : '');
    rows.replaceChildren(fragment(text));
    const waiting = waitingRows();
    const fresh = waiting.filter((tr) => !known.has(tr.dataset.id));
    // Forget chats that left, so one that asks for a person again is new again.
    known.clear();
    for (const tr of waiting) known.add(tr.dataset.id);
    for (const tr of fresh) {
      const mark = document.createElement('span');
      mark.className = 'flag';
      mark.textContent = '新 New';
      tr.cells[0]?.prepend(mark, ' ');
    }
    if (fresh.length > 0) {
      unseen += fresh.length;
      showBadge();
      notify(fresh);
    }
  }

  if (list) {
    badge?.addEventListener('click', () => {
      unseen = 0;
      showBadge();
    });
    rows?.addEventListener('click', () => {
      unseen = 0;
      showBadge();
    });
    if (notifyButton && 'Notification' in window && Notification.permission === 'default') {
      notifyButton.hidden = false;
      notifyButton.addEventListener('click', () => {
        void Notification.requestPermission().then(() => {
          notifyButton.hidden = Notification.permission !== 'default';
        });
      });
    }
  }

  // ---- one chat -------------------------------------------------------------
  async function refreshChat() {
    const box = document.getElementById('chat-live');
    const { status, text } = await fetchFragment(chat.dataset.liveUrl);
    if (status === 404) {
      box.replaceChildren(fragment('<p class="muted">此对话已不在待接入列表（已交回智能助手）。 This chat has left the inbox.</p>'));
      for (const f of chat.querySelectorAll('form')) f.hidden = true;
      return;
    }
    if (status !== 200) return;
    const old = document.getElementById('chat-transcript');
    const atBottom = !old || old.scrollTop + old.clientHeight >= old.scrollHeight - 8;
    box.replaceChildren(fragment(text));
    const transcript = document.getElementById('chat-transcript');
    if (transcript && atBottom) transcript.scrollTop = transcript.scrollHeight;
  }

  const transcript = document.getElementById('chat-transcript');
  if (transcript) transcript.scrollTop = transcript.scrollHeight;

  // ---- the event stream -----------------------------------------------------
  const refresh = () => (list ? refreshList() : refreshChat()).catch(() => undefined);
  let timer = 0;
  // Several events in a burst need one fetch.
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 100);
  };
  const events = new EventSource(root.dataset.eventsUrl);
  // `ready` follows each (re)connection: whatever changed while disconnected is fetched now.
  events.addEventListener('ready', () => {
    setLive('实时更新 Live');
    root.dataset.live = 'true';
    soon();
  });
  events.addEventListener('inbox', soon);
  events.addEventListener('error', () => {
    root.dataset.live = 'false';
    setLive(events.readyState === EventSource.CLOSED ? '实时更新已停止，请刷新页面。 Live updates stopped: reload the page.' : '正在重新连接… Reconnecting…');
  });
  // Waiting times grow while nothing else happens.
  if (list) setInterval(refresh, 60_000);
})();
