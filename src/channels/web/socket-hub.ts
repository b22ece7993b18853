/**
 * Which citizen conversations have an open websocket on this process. Connection
 * state only: a message for a conversation not connected here stays pending in the
 * outbox for another process, the long poll or the next visit.
 */

/** The part of a `ws` socket the channel uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string, cb?: (err?: Error) => void): void;
  once(event: 'close', listener: () => void): unknown;
}

const OPEN = 1;

export class SocketHub {
  private readonly byConversation = new Map<string, SocketLike>();
  private readonly conversationOf = new WeakMap<SocketLike, string>();

  /** The latest socket of a conversation wins (a reload opens a new one before the old one closes). */
  register(conversationId: string, socket: SocketLike): void {
    const known = this.conversationOf.get(socket);
    if (known !== undefined && known !== conversationId && this.byConversation.get(known) === socket) this.byConversation.delete(known);
    this.byConversation.set(conversationId, socket);
    if (known === undefined) {
      socket.once('close', () => {
        const id = this.conversationOf.get(socket);
        if (id !== undefined && this.byConversation.get(id) === socket) this.byConversation.delete(id);
      });
    }
    this.conversationOf.set(socket, conversationId);
  }

  /** The open socket of a conversation, if any. */
  get(conversationId: string): SocketLike | undefined {
    const s = this.byConversation.get(conversationId);
    return s && s.readyState === OPEN ? s : undefined;
  }

  connected(): string[] {
    return [...this.byConversation.keys()];
  }

  get size(): number {
    return this.byConversation.size;
  }
}

export function sendJson(socket: SocketLike, message: unknown): Promise<void> {
  return new Promise((resolve, reject) => socket.send(JSON.stringify(message), (err) => (err ? reject(err) : resolve())));
}
