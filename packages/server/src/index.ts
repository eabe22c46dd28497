export { buildApp, type App, type AppDeps } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { loadContent, type Content } from './content.js';
export { SqliteStore } from './store/sqlite-store.js';
export type { Store, EventLog } from './store/store.js';
export { seedIfEmpty } from './seed.js';
export { InProcessBus, type Bus } from './bus.js';
