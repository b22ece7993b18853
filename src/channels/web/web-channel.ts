/**
 * The web chat channel: the county page and widget, Botkit's controller on a
 * websocket at /api/chat/ws (web-bot.ts), the widget's JSON routes, the contract's
 * long poll, and the loop that pushes staff replies and status changes to open
 * sockets. Pushes do not go through Botkit's proactive messages: those address a
 * socket by the citizen's secret id, which is kept nowhere (the store has its keyed
 * hash), so PushDelivery writes to the socket the hub registered for the conversation.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Channel, ChannelFactory } from '../channel.ts';
import { pagesRouter, SOCKET_PATH } from './pages.ts';
import { PushDelivery } from './push-delivery.ts';
import { SocketHub } from './socket-hub.ts';
import { updatesRouter } from './updates-route.ts';
import { createWebBot } from './web-bot.ts';
import { webRoutes } from './web-routes.ts';

export const webChannel: ChannelFactory = ({ core, log }): Channel => {
  const hub = new SocketHub();
  const deliveries = new PushDelivery(core.store.outbox, hub, core.clock, log);
  const bot = createWebBot({ core, log, hub, deliveries });
  const shutdown = new AbortController();

  return {
    name: 'web',
    routers: [pagesRouter(core.county), webRoutes(core, deliveries), updatesRouter(core, deliveries, shutdown.signal)],
    attach(server: http.Server) {
      server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
        if ((req.url ?? '').split('?')[0] === SOCKET_PATH) return bot.adapter.upgrade(req, socket, head);
        // Another channel may own other paths; if none does, refuse rather than leave the socket hanging.
        if (server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      });
    },
    async start() {
      deliveries.start();
    },
    async stop() {
      shutdown.abort();
      deliveries.stop();
      await bot.close();
    },
  };
};
