/**
 * botbuilder-adapter-web's websocket server on a path of ours. Built with
 * `noServer` (Botkit never gets an http server of its own here), so the http
 * server's `upgrade` event is routed to it; `close()` also stops the 30 s
 * heartbeat interval the adapter starts and never clears.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebAdapter } from 'botbuilder-adapter-web';
import type { SocketLike } from './socket-hub.ts';

/** A websocket message larger than this is refused by the socket server itself. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

interface SocketServer {
  clients: Set<SocketLike & { terminate(): void }>;
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, done: (ws: SocketLike) => void): void;
  emit(event: 'connection', ws: SocketLike, req: http.IncomingMessage): boolean;
  close(cb?: () => void): void;
}

export class WebSocketAdapter extends WebAdapter {
  private heartbeats: NodeJS.Timeout[] = [];

  constructor() {
    super({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
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

  /** Hands an upgrade request on our path to the adapter's socket server. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const wss = this.server;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  async close(): Promise<void> {
    for (const t of this.heartbeats) clearInterval(t);
    const wss = this.server;
    if (!wss) return;
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}
