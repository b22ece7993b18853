/*
 * The county's chat widget. Talks to the bot over Botkit's websocket
 * (botbuilder-adapter-web messages: {type, text, user, channel} in, {type:'message',
 * text, quick_replies} out) and falls back to the HTTP chat API (POST /api/chat,
 * long poll GET /api/chat/updates) whenever the socket is down.
 * Every text is inserted with textContent; no inline script or style is needed.
 */
/* global window, document, localStorage, WebSocket, URLSearchParams, crypto */
(function () {
  'use strict';

  /** The widget's own UI chrome; what the bot says comes from the server in the citizen's language. */
  const UI = {
    zh: {
      title: '网上信访助手',
      log: '对话记录',
      replies: '可选回复',
      input: '您的消息',
      placeholder: '请输入您要反映的情况或问题…',
      send: '发送',
      attach: '上传',
      fileSent: '上传材料',
      attachHint: '上传照片或文件（最大 10MB）',
      switchTo: 'English',
      switchLabel: 'Switch to English',
      you: '我',
      bot: '信访助手',
      staff: '工作人员',
      system: '通知',
      connecting: '正在连接…',
      online: '已连接',
      http: '实时连接不可用，已切换为普通连接。',
      reconnecting: '连接中断，正在重新连接…',
      offline: '网络连接失败，请检查网络后重试。',
      sendFailed: '发送失败，请稍后重试。',
      uploading: '正在上传',
      tooLarge: '文件太大了，单个文件请不要超过 10MB。',
      typing: '正在回复…',
    },
    en: {
      title: 'Online petition assistant',
      log: 'Conversation',
      replies: 'Suggested replies',
      input: 'Your message',
      placeholder: 'Type your message…',
      send: 'Send',
      attach: 'Attach',
      fileSent: 'File',
      attachHint: 'Attach a photo or document (up to 10 MB)',
      switchTo: '中文',
      switchLabel: '切换到中文',
      you: 'You',
      bot: 'Assistant',
      staff: 'Staff',
      system: 'Notice',
      connecting: 'Connecting…',
      online: 'Connected',
      http: 'Live connection unavailable; using a standard connection.',
      reconnecting: 'Connection lost, reconnecting…',
      offline: 'Cannot reach the server. Please check your connection and try again.',
      sendFailed: 'Sending failed. Please try again shortly.',
      uploading: 'Uploading',
      tooLarge: 'That file is too large; please keep each file under 10 MB.',
      typing: 'Replying…',
    },
  };

  const KEY_USER = 'xf-chat-user';
  const KEY_LANG = 'xf-chat-lang';
  const MAX_FILE = 10 * 1024 * 1024;
  const SOCKET_PATH = '/api/chat/ws';
  const ID_PATTERN = /^[0-9a-f]{32}$/;

  function stored(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function store(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage blocked (private mode, a third-party frame): the id lives for this page only.
    }
  }

  /** 128 random bits, hex: the citizen's secret id on this browser. */
  function userIdOf() {
    const known = stored(KEY_USER);
    if (known && ID_PATTERN.test(known)) return known;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    store(KEY_USER, id);
    return id;
  }

  function el(tag, className, attrs) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  const toQuick = (buttons) => (buttons || []).map((b) => ({ title: b.label, payload: b.payload }));

  class Widget {
    constructor(root) {
      this.root = root;
      this.lang = (stored(KEY_LANG) || root.getAttribute('data-lang')) === 'en' ? 'en' : 'zh';
      this.userId = userIdOf();
      this.seen = new Set();
      this.socket = null;
      this.socketOpen = false;
      this.everOpened = false;
      this.attempts = 0;
      this.polling = false;
      this.pollAbort = null;
      this.loaded = false;
      this.busyTimer = null;
      this.statusKey = null;
      this.build();
      this.applyLanguage();
      this.connect();
      window.addEventListener('online', () => {
        if (!this.socketOpen) this.connect();
      });
    }

    build() {
      const box = el('div', 'xf-widget');
      const head = el('div', 'xf-head');
      this.title = el('h2', 'xf-title', { id: 'xf-title' });
      this.langButton = el('button', 'xf-lang', { type: 'button' });
      head.append(this.title, this.langButton);
      this.status = el('p', 'xf-status', { role: 'status', 'aria-live': 'polite' });
      this.log = el('ol', 'xf-log', { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
      this.typing = el('p', 'xf-typing', { 'aria-hidden': 'true' });
      this.typing.hidden = true;
      this.replies = el('div', 'xf-replies', { role: 'group' });
      this.form = el('form', 'xf-form');
      this.attachButton = el('button', 'xf-attach', { type: 'button' });
      this.file = el('input', 'xf-file', { type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp,application/pdf,.doc,.docx', tabindex: '-1' });
      this.file.hidden = true;
      this.inputLabel = el('label', 'xf-sr', { for: 'xf-input' });
      this.input = el('textarea', 'xf-input', { id: 'xf-input', rows: '1', maxlength: '4000', autocomplete: 'off' });
      this.sendButton = el('button', 'xf-send', { type: 'submit' });
      this.form.append(this.attachButton, this.file, this.inputLabel, this.input, this.sendButton);
      box.append(head, this.status, this.log, this.typing, this.replies, this.form);
      this.root.replaceChildren(box);

      this.langButton.addEventListener('click', () => this.switchLanguage());
      this.form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.submitText();
      });
      this.input.addEventListener('keydown', (e) => {
        // Enter sends, Shift+Enter is a new line; never while an IME is composing (pinyin input).
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
          e.preventDefault();
          this.submitText();
        }
      });
      this.attachButton.addEventListener('click', () => this.file.click());
      this.file.addEventListener('change', () => {
        const f = this.file.files && this.file.files[0];
        if (f) this.upload(f);
        this.file.value = '';
      });
    }

    t(key) {
      return UI[this.lang][key];
    }

    applyLanguage() {
      this.root.setAttribute('lang', this.lang === 'zh' ? 'zh-CN' : 'en');
      this.title.textContent = this.t('title');
      this.log.setAttribute('aria-label', this.t('log'));
      this.replies.setAttribute('aria-label', this.t('replies'));
      this.inputLabel.textContent = this.t('input');
      this.input.setAttribute('placeholder', this.t('placeholder'));
      this.sendButton.textContent = this.t('send');
      this.attachButton.textContent = this.t('attach');
      this.attachButton.setAttribute('title', this.t('attachHint'));
      this.attachButton.setAttribute('aria-label', this.t('attachHint'));
      this.langButton.textContent = this.t('switchTo');
      this.langButton.setAttribute('aria-label', this.t('switchLabel'));
      this.langButton.setAttribute('lang', this.lang === 'zh' ? 'en' : 'zh-CN');
      this.typing.textContent = this.t('typing');
      if (this.statusKey) this.status.textContent = this.t(this.statusKey);
    }

    switchLanguage() {
      this.lang = this.lang === 'zh' ? 'en' : 'zh';
      store(KEY_LANG, this.lang);
      this.applyLanguage();
    }

    setStatus(key) {
      this.statusKey = key;
      this.status.textContent = key ? this.t(key) : '';
      this.root.setAttribute('data-status', key || 'ready');
    }

    /** Back to the transport's state after a transient notice. */
    restoreStatus() {
      this.setStatus(this.socketOpen ? 'online' : this.everOpened ? 'reconnecting' : 'http');
    }

    setBusy(busy) {
      clearTimeout(this.busyTimer);
      this.typing.hidden = !busy;
      this.log.setAttribute('aria-busy', busy ? 'true' : 'false');
      if (busy) this.busyTimer = setTimeout(() => this.setBusy(false), 30000);
    }

    setExpecting(expecting) {
      this.root.setAttribute('data-expecting', expecting || '');
      this.input.setAttribute('inputmode', expecting === 'phone' ? 'tel' : expecting === 'queryCode' ? 'numeric' : 'text');
    }

    // ---- rendering -----------------------------------------------------------

    addMessage(author, text) {
      const who = author === 'citizen' ? 'you' : author === 'staff' ? 'staff' : author === 'system' ? 'system' : 'bot';
      const item = el('li', `xf-msg xf-from-${who}`);
      const name = el('span', who === 'staff' || who === 'system' ? 'xf-author' : 'xf-author xf-sr');
      name.textContent = this.t(who);
      const body = el('p', 'xf-text');
      body.textContent = text;
      item.append(name, body);
      this.log.append(item);
      this.log.scrollTop = this.log.scrollHeight;
    }

    showReplies(quick) {
      this.replies.replaceChildren();
      for (const q of quick || []) {
        const b = el('button', 'xf-qr', { type: 'button', 'data-payload': q.payload });
        b.textContent = q.title;
        b.addEventListener('click', (e) => {
          // A keyboard press (detail 0) keeps the keyboard user in the conversation.
          const fromKeyboard = e.detail === 0;
          this.addMessage('citizen', q.title);
          this.send({ payload: q.payload });
          if (fromKeyboard) this.input.focus();
        });
        this.replies.append(b);
      }
    }

    /** One bot or pushed message in the adapter's format. */
    receive(m) {
      if (m.id) {
        if (this.seen.has(m.id)) return;
        this.seen.add(m.id);
      }
      if (typeof m.text === 'string' && m.text) this.addMessage(m.author || 'bot', m.text);
      // A turn's buttons may ride on any of its replies; later replies without buttons keep them.
      if (m.quick_replies && m.quick_replies.length) this.showReplies(m.quick_replies);
      if ('expecting' in m) this.setExpecting(m.expecting);
      if (m.final) {
        this.setBusy(false);
        if (this.statusKey === 'sendFailed') this.restoreStatus();
      }
      if (m.caseNumber) this.root.setAttribute('data-case-number', m.caseNumber);
    }

    showTranscript(view) {
      this.log.replaceChildren();
      const messages = view.messages || [];
      for (const m of messages) this.addMessage(m.author, m.text);
      const last = messages[messages.length - 1];
      this.showReplies(last && last.quick_replies);
      this.setExpecting(view.expecting);
      this.setBusy(false);
      this.loaded = true;
      this.root.setAttribute('data-ready', 'true');
    }

    // ---- sending -------------------------------------------------------------

    submitText() {
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      this.addMessage('citizen', text);
      this.send({ text });
    }

    send(body) {
      this.replies.replaceChildren();
      this.setBusy(true);
      if (this.socketOpen) {
        this.socket.send(JSON.stringify({ type: 'message', user: this.userId, channel: 'websocket', text: body.text, payload: body.payload, locale: this.lang }));
      } else {
        this.postChat(body);
      }
    }

    async postChat(body) {
      try {
        const out = await this.request('POST', '/api/chat', { json: { userId: this.userId, locale: this.lang, ...body } });
        const replies = out.replies || [];
        replies.forEach((r, i) => {
          const last = i === replies.length - 1;
          this.receive({ type: 'message', text: r.text, author: 'bot', quick_replies: toQuick(r.buttons), ...(last ? { final: true, expecting: out.expecting, caseNumber: out.caseNumber } : {}) });
        });
        if (replies.length === 0) this.setBusy(false);
        this.restoreStatus();
      } catch {
        this.setBusy(false);
        this.setStatus('sendFailed');
      }
    }

    async upload(file) {
      if (file.size > MAX_FILE) return this.setStatus('tooLarge');
      this.addMessage('citizen', `${this.t('fileSent')}: ${file.name}`);
      this.setBusy(true);
      // The id and the file name travel in headers, never in the URL (proxy logs keep URLs).
      const q = new URLSearchParams({ locale: this.lang });
      const headers = { 'x-chat-user-id': this.userId, 'x-file-name': encodeURIComponent(file.name.slice(0, 255)) };
      try {
        const out = await this.request('POST', `/api/chat/attachments?${q}`, { bytes: file, headers });
        this.setBusy(false);
        this.restoreStatus();
        if (out.reply && out.reply.text) this.addMessage('bot', out.reply.text);
      } catch (err) {
        this.setBusy(false);
        this.setStatus(err.status === 413 ? 'tooLarge' : 'sendFailed');
      }
    }

    async request(method, url, { json, bytes, signal, headers } = {}) {
      const init = { method, headers: { ...headers }, signal };
      if (json !== undefined) {
        init.body = JSON.stringify(json);
        init.headers['content-type'] = 'application/json';
      } else if (bytes !== undefined) {
        init.body = bytes;
        init.headers['content-type'] = 'application/octet-stream';
      }
      const res = await fetch(url, init);
      const out = await res.json().catch(() => ({}));
      if (!res.ok) {
        const err = new Error((out.error && out.error.message) || `HTTP ${res.status}`);
        err.status = res.status;
        throw err;
      }
      return out;
    }

    // ---- transports ----------------------------------------------------------

    connect() {
      if (!window.WebSocket) return this.useHttp();
      if (this.socket && this.socket.readyState <= 1) return;
      if (!this.everOpened && this.attempts === 0) this.setStatus('connecting');
      const url = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${SOCKET_PATH}`;
      let socket;
      try {
        socket = new WebSocket(url);
      } catch {
        return this.useHttp();
      }
      this.socket = socket;
      socket.addEventListener('open', () => {
        this.socketOpen = true;
        this.attempts = 0;
        if (this.pollAbort) this.pollAbort.abort();
        socket.send(JSON.stringify({ type: this.everOpened ? 'welcome_back' : 'hello', user: this.userId, channel: 'websocket', locale: this.lang }));
        this.everOpened = true;
        this.setStatus('online');
      });
      socket.addEventListener('message', (event) => {
        let m;
        try {
          m = JSON.parse(event.data);
        } catch {
          return;
        }
        if (!m || typeof m !== 'object') return;
        if (m.type === 'transcript') this.showTranscript(m);
        else if (m.type === 'message') this.receive(m);
        else if (m.type === 'error') {
          this.setBusy(false);
          this.setStatus('sendFailed');
        }
      });
      socket.addEventListener('close', () => {
        if (this.socket !== socket) return;
        this.socketOpen = false;
        this.socket = null;
        this.useHttp();
        // Keep trying the socket, less often each time (1 s … 30 s).
        const delay = Math.min(30000, 1000 * 2 ** this.attempts++);
        setTimeout(() => this.connect(), delay);
      });
    }

    /** While the socket is down: the transcript over HTTP once, sends by POST /api/chat, pushes by long poll. */
    async useHttp() {
      this.restoreStatus();
      this.poll();
      if (this.loaded) return;
      try {
        const view = await this.request('POST', '/api/chat/transcript', { json: { userId: this.userId, locale: this.lang } });
        if (!this.loaded) this.showTranscript(view);
      } catch {
        this.setStatus('offline');
      }
    }

    async poll() {
      if (this.polling || this.socketOpen) return;
      this.polling = true;
      const abort = new AbortController();
      this.pollAbort = abort;
      let wait = 0;
      try {
        const q = new URLSearchParams({ timeout: '25' });
        const out = await this.request('GET', `/api/chat/updates?${q}`, { signal: abort.signal, headers: { 'x-chat-user-id': this.userId } });
        for (const r of out.replies || []) {
          this.receive({ type: 'message', id: r.id, text: r.text, author: r.author || 'staff', quick_replies: toQuick(r.buttons) });
        }
      } catch {
        wait = abort.signal.aborted ? 0 : 5000;
      }
      this.polling = false;
      if (!this.socketOpen) setTimeout(() => this.poll(), wait);
    }
  }

  function start() {
    const root = document.getElementById('xf-chat');
    if (root && !root.hasAttribute('data-widget')) {
      root.setAttribute('data-widget', 'on');
      new Widget(root);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
