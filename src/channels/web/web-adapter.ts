/**
 * botbuilder-adapter-web's websocket server on a path of ours. Built with
 * `noServer` (Botkit runs without a webserver here, so the adapter's `init` gets no
 * http server to attach to), so the http server's `upgrade` event is routed to it;
 * `close()` also stops the 30 s heartbeat interval the adapter starts and never clears.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { loadWebAdapter } from './botkit-loader.ts';
import type { SocketLike } from './socket-hub.ts';
import { clientKey, RateLimiter } from '../http/rate-limit.ts';
import { upgradeClientIp, webLimiters, WEB_LIMITS } from '../http/rate-limit-web.ts';

/** A websocket message larger than this is refused by the socket server itself. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** Close code 1008 (policy violation): the socket sent more than its limit. */
const POLICY_VIOLATION = 1008;

interface Ws extends SocketLike {
  emit(event: string, ...args: unknown[]): boolean;
  close(code?: number, reason?: string): void;
}

interface SocketServer {
  clients: Set<SocketLike & { terminate(): void }>;
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, done: (ws: Ws) => void): void;
  emit(event: 'connection', ws: SocketLike, req: http.IncomingMessage): boolean;
  close(cb?: () => void): void;
}

const { WebAdapter } = loadWebAdapter();

export class WebSocketAdapter extends WebAdapter {
  private heartbeats: NodeJS.Timeout[] = [];
  private readonly limits = webLimiters();
  /** Each socket's client network (null: the local machine), for limits that hold across made-up ids. */
  private readonly networks = new WeakMap<object, string | null>();

  constructor() {
    // Botkit's controller calls `init`, which builds the socket server with these options.
    super({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  }

  /** The client network a socket came from; null when unknown or local. */
  networkOf(socket: object): string | null {
    return this.networks.get(socket) ?? null;
  }

  override createSocketServer(server: unknown, options: unknown, logic: unknown): void {
    // The adapter keeps no handle on its heartbeat timer: catch it as it is made (synchronously).
    const original = globalThis.setInterval;
    const caught: NodeJS.Timeout[] = [];
    globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
      const timer = original(...args);
      timer.unref();
      caught.push(timer);
      return timer;
    }) as typeof setInterval;
    try {
      super.createSocketServer(server, options, logic);
    } finally {
      globalThis.setInterval = original;
    }
    this.heartbeats = caught;
  }

  private get server(): SocketServer {
    return this.wss as SocketServer;
  }

  /**
   * Hands an upgrade request on our path to the adapter's socket server, within the
   * per-network limits of new and open sockets (else an HTTP 429 before the upgrade).
   */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const key = clientKey(upgradeClientIp(req));
    if (key !== null) {
      const retry = this.limits.socketConnects.take(key);
      const release = retry === null ? this.limits.socketsOpen.acquire(key) : null;
      if (!release) return refuseUpgrade(socket, retry ?? 5);
      socket.once('close', release);
    }
    const wss = this.server;
    wss.handleUpgrade(req, socket, head, (ws) => {
      this.networks.set(ws, key);
      if (key !== null) limitMessages(ws, new RateLimiter(WEB_LIMITS.socketMessages), () => this.limits.chatTurns.take(key));
      wss.emit('connection', ws, req);
    });
  }

  async close(): Promise<void> {
    for (const t of this.heartbeats) clearInterval(t);
    const wss = this.server;
    if (!wss) return;
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

function refuseUpgrade(socket: Duplex, retryAfterSeconds: number): void {
  const body = JSON.stringify({ error: { code: 'rate_limited', message: 'too many chat connections from your network; try again later' } });
  socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfterSeconds}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Messages over the socket's limit, or over its network's chat limit (all its sockets
 * together), never reach the bot: the socket is closed with 1008 instead.
 */
function limitMessages(ws: Ws, limiter: RateLimiter, network: () => number | null): void {
  const emit = ws.emit.bind(ws);
  ws.emit = (event: string, ...args: unknown[]) => {
    if (event !== 'message' || (limiter.take('socket') === null && network() === null)) return emit(event, ...args);
    ws.close(POLICY_VIOLATION, 'too many messages');
    return false;
  };
}
