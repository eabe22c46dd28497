import { jiebaTokenizer } from '@snowstage/brain';
import Fastify, { type FastifyInstance } from 'fastify';
import { CHAT_LIMITS, MAX_PINNED } from '@snowstage/protocol';
import type { Config } from './config.js';
import type { Content } from './content.js';
import type { Store } from './store/store.js';
import { InProcessBus, type Bus } from './bus.js';
import { Auth } from './auth.js';
import type { Secrets } from './secrets.js';
import { RoomHub, type RoomPlacement } from './room/hub.js';
import type { RoomCore, RoomCoreDeps } from './room/room-core.js';
import type { LiveRoom, Purchase } from './room/live-room.js';
import { EditableBlocklist } from './room/blocklist.js';
import { attachGateway } from './ws/gateway.js';
import { installErrorHandler } from './http/errors.js';
import { catalogRoutes } from './http/catalog-routes.js';
import { orderRoutes } from './http/order-routes.js';
import { roomRoutes } from './http/room-routes.js';
import { showRoutes } from './http/show-routes.js';
import { showcaseRoutes } from './http/showcase-routes.js';
import { blocklistRoutes, restoreBlocklist } from './http/blocklist-routes.js';
import { avatarRoutes, currentAvatarUrl } from './http/avatar-routes.js';
import { songRoutes } from './http/song-routes.js';
import { webPages } from './http/pages.js';
import { cloudStoreRoutes } from './cloudstore/routes.js';
import { ShowService } from './shows/show-service.js';
import { ShowcaseService } from './showcase/showcase-service.js';
import { DrawService } from './showcase/draw-service.js';
import { SongLibrary } from './show/songs.js';

export interface AppDeps {
  config: Config;
  content: Content;
  store: Store;
  secrets: Pick<Secrets, 'operatorToken' | 'moderatorToken' | 'secret'>;
  bus?: Bus;
  now?: () => number;
  /** Scale-out: which node runs each room (default: all rooms here). */
  placement?: RoomPlacement;
  /** Scale-out: how this node sells (default: the store's atomic purchase). */
  purchase?: Purchase;
  /** Scale-out: durable broadcast and the sale hook of every room core on this node. */
  core?: Pick<RoomCoreDeps, 'durable' | 'onSale'>;
  /**
   * Brings a room's host to life when its core starts on this node (the show director with brain
   * and voice); returns a cleanup. Absent: rooms run without a host.
   */
  host?: (core: RoomCore, room: LiveRoom, services: AppServices) => (() => Promise<void> | void) | void;
  /** Extra Fastify plugins registered before the web pages (the voice's audio routes, the cloud store…). */
  plugins?: ((http: FastifyInstance, services: AppServices) => Promise<void>)[];
}

/** What the composition root makes, for plugins and the host to use. */
export interface AppServices {
  config: Config;
  content: Content;
  store: Store;
  auth: Auth;
  hub: RoomHub;
  blocklist: EditableBlocklist;
  songs: SongLibrary;
  shows: ShowService;
  showcase: ShowcaseService;
  draws: DrawService;
  now: () => number;
  log: FastifyInstance['log'];
}

export interface App {
  http: FastifyInstance;
  hub: RoomHub;
  services: AppServices;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The composition root: wires store, bus, rooms, the host, WebSockets, HTTP routes and the web app together. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, content, store, secrets } = deps;
  const now = deps.now ?? Date.now;
  const bus = deps.bus ?? new InProcessBus();
  const http = Fastify({ logger: { level: config.logLevel }, bodyLimit: 256 * 1024 });
  installErrorHandler(http);
  const onError = (err: unknown, what: string) => http.log.error({ err }, what);

  const auth = new Auth(secrets.secret, secrets);
  // Chinese blocked words must be whole words (jieba, shared with the brain; loaded on first need).
  const blocklist = new EditableBlocklist(content.blocklist, () => {
    const jieba = jiebaTokenizer();
    return (text) => jieba.cut(text);
  });
  await restoreBlocklist(store, blocklist);
  const songs = new SongLibrary(content.songs.songs);
  // eslint-disable-next-line prefer-const -- the hub needs the services for its host hook, the services need the hub
  let services: AppServices;
  const hub = new RoomHub(
    {
      store,
      rules: { chat: { burst: config.chatBurst, perSecond: config.chatPerSecond }, maxChatChars: CHAT_LIMITS.maxChars, recentChat: 50, blocklist, maxPinned: MAX_PINNED },
      core: { bus, now, statsIntervalMs: config.statsIntervalMs, saleMinCountdownS: config.saleMinCountdownS, onError, ...deps.core },
      front: {
        bus,
        purchase: deps.purchase ?? ((buyerId, roomId, request) => store.purchase(buyerId, roomId, request, now())),
        fanout: { intervalMs: config.broadcastIntervalMs, maxBacklogBytes: config.maxClientBacklogBytes },
        onError,
      },
      avatarUrl: () => currentAvatarUrl(store, config.avatarUrl),
      ...(deps.host ? { onCore: (core: RoomCore, room: LiveRoom) => deps.host!(core, room, services) } : {}),
    },
    deps.placement,
  );
  const shows = new ShowService(store, hub, now);
  const showcase = new ShowcaseService(content.showcase, store.showcase, store.draws, now);
  const draws = new DrawService(store.draws, now, {
    onChange: (draw) => {
      if (!draw.roomId) return;
      const phase = draw.status === 'open' ? 'open' : draw.rounds.filter((r) => r.winners).length > 1 ? 'redrawn' : 'drawn';
      hub.get(draw.roomId).then((room) => room.announceDraw(draw, phase)).catch((e) => onError(e, 'announce draw'));
    },
  });
  services = { config, content, store, auth, hub, blocklist, songs, shows, showcase, draws, now, log: http.log };

  http.get('/api/health', async () => ({
    ok: true,
    node: config.nodeId ?? null,
    rooms: await Promise.all((await hub.loaded()).map(async (r) => ({
        id: r.id,
        viewers: r.viewerCount,
        connectionsHere: r.localConnections,
        ownedHere: (await hub.core(r.id)) !== null,
        // Fan-out on this node: frames sent, events in them, state events merged, viewers cut off for a full backlog.
        fanout: { ...r.fanout.stats },
      }))),
  }));
  http.get('/api/persona', async () => ({ persona: content.persona }));
  http.get('/api/funfacts', async () => content.funFacts);
  await http.register(catalogRoutes, { store });
  await http.register(orderRoutes, { store, auth, now });
  await http.register(roomRoutes, { store, hub, auth });
  await http.register(showRoutes, { shows, hub, auth });
  await http.register(showcaseRoutes, { showcase, draws, hub, auth, blocked: (t) => blocklist.find(t) !== null });
  await http.register(blocklistRoutes, { store, blocklist, auth });
  await http.register(songRoutes, { songs });
  await http.register(avatarRoutes, {
    store,
    auth,
    dataDir: config.dataDir,
    ...(config.avatarUrl ? { configured: config.avatarUrl } : {}),
    onChange: (url) => void hub.loaded().then((rooms) => Promise.all(rooms.map((r) => r.setAvatar(url)))).catch((e) => onError(e, 'avatar change')),
  });
  await http.register(cloudStoreRoutes, { store, auth, blocklist, dataDir: config.dataDir, contentDir: config.contentDir, now });
  for (const plugin of deps.plugins ?? []) await plugin(http, services);
  await http.register(webPages, { webDir: config.webDir });

  const gateway = attachGateway(http.server, { hub, auth, now, blocklist, log: http.log });
  await draws.resume();

  return {
    http,
    hub,
    services,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const addr = http.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      return `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    },
    async close() {
      draws.stop();
      await gateway.close();
      await hub.close();
      await http.close();
      await bus.close();
    },
  };
}
