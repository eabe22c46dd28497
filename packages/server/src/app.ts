import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.js';
import type { Content } from './content.js';
import type { Store } from './store/store.js';
import { InProcessBus, type Bus } from './bus.js';
import { Auth } from './auth.js';
import { RoomHub } from './room/hub.js';
import { createBlocklist } from './room/blocklist.js';
import { attachGateway, WS_PATH } from './ws/gateway.js';
import { installErrorHandler } from './http/errors.js';
import { catalogRoutes } from './http/catalog-routes.js';
import { orderRoutes } from './http/order-routes.js';
import { roomRoutes } from './http/room-routes.js';
import { showRoutes } from './http/show-routes.js';
import { ShowService } from './shows/show-service.js';
import { CHAT_LIMITS } from '@snowstage/protocol';
import type { Secrets } from './secrets.js';

export interface AppDeps {
  config: Config;
  content: Content;
  store: Store;
  secrets: Pick<Secrets, 'operatorToken' | 'moderatorToken' | 'secret'>;
  bus?: Bus;
  now?: () => number;
}

export interface App {
  http: FastifyInstance;
  hub: RoomHub;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The composition root: wires store, bus, rooms, WebSockets, HTTP routes and the web app together. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, content, store, secrets } = deps;
  const now = deps.now ?? Date.now;
  const bus = deps.bus ?? new InProcessBus();
  const http = Fastify({ logger: { level: config.logLevel }, bodyLimit: 256 * 1024 });
  installErrorHandler(http);

  const auth = new Auth(secrets.secret, secrets);
  const blocklist = createBlocklist(content.blocklist);
  const hub = new RoomHub(
    store,
    { chat: { burst: config.chatBurst, perSecond: config.chatPerSecond }, maxChatChars: CHAT_LIMITS.maxChars, recentChat: 50, blocklist, maxPinned: 3 },
    {
      store,
      bus,
      now,
      fanout: { intervalMs: config.broadcastIntervalMs, maxBacklogBytes: config.maxClientBacklogBytes },
      statsIntervalMs: config.statsIntervalMs,
      saleMinCountdownS: config.saleMinCountdownS,
      onError: (err, what) => http.log.error({ err }, what),
    },
  );

  http.get('/api/health', async () => ({ ok: true, rooms: (await hub.loaded()).map((r) => ({ id: r.id, viewers: r.viewerCount })) }));
  http.get('/api/persona', async () => ({ persona: content.persona }));
  http.get('/api/funfacts', async () => content.funFacts);
  await http.register(catalogRoutes, { store });
  await http.register(orderRoutes, { store, auth, now });
  await http.register(roomRoutes, { store, hub, auth });
  const shows = new ShowService(store, hub, now);
  await http.register(showRoutes, { shows, hub, auth });

  const webDir = resolve(config.webDir);
  if (existsSync(join(webDir, 'index.html'))) {
    await http.register(fastifyStatic, { root: webDir, wildcard: true, maxAge: '1h' });
    // Client-side routes (/, /live/:room, …) all load the app shell; unknown /api paths stay 404.
    http.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith(WS_PATH)) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  } else {
    http.log.warn(`no web app at ${webDir}; run "npm run build:web" to serve the pages`);
  }

  const gateway = attachGateway(http.server, { hub, auth, now, blocklist, log: http.log });

  return {
    http,
    hub,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const addr = http.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      return `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    },
    async close() {
      await gateway.close();
      await hub.close();
      await http.close();
      await bus.close();
    },
  };
}
