import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { Connection, type ConnectionDeps } from './connection.js';

/** The WebSocket path; one connection joins one room (see the `hello` message). */
export const WS_PATH = '/ws';

/**
 * Attaches the live-room WebSocket endpoint to the HTTP server. Frames above 1 MiB are cut at the
 * transport (to protect memory); anything smaller that breaks a rule gets an error frame instead.
 */
export function attachGateway(server: Server, deps: ConnectionDeps): { close(): Promise<void>; clients(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Heartbeat: a connection that misses two pings in a row is dropped.
      let alive = true;
      ws.on('pong', () => (alive = true));
      const beat = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, 30_000);
      beat.unref();
      ws.on('close', () => clearInterval(beat));
      new Connection(ws, deps);
    });
  });
  return {
    clients: () => wss.clients.size,
    // Waits for every connection's close handler, so their leave events reach the log before the store closes.
    close: async () => {
      await Promise.all(
        [...wss.clients].map((c) => new Promise<void>((resolve) => (c.once('close', () => resolve()), c.terminate()))),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
