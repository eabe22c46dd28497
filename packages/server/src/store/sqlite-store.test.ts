import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from './store-contract.js';
import { SqliteStore } from './sqlite-store.js';

describeStoreContract('SQLite', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'snowstage-store-')), 'test.db')));
