import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses embedded defaults with an empty environment', () => {
    const c = loadConfig({ SNOWSTAGE_CONFIG: undefined });
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('./data');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads env vars by their upper-snake names', () => {
    const c = loadConfig({ PORT: '9090', BROADCAST_INTERVAL_MS: '25' });
    expect(c.port).toBe(9090);
    expect(c.broadcastIntervalMs).toBe(25);
  });

  it('stops with a message naming the wrong value and why', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '70000', OPERATOR_TOKEN: 'short' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT = "70000": .*65535/);
      expect(msg).toMatch(/OPERATOR_TOKEN = "short": must be at least 16 characters/);
    }
  });

  it('rejects a config file that is named but missing', () => {
    expect(() => loadConfig({ SNOWSTAGE_CONFIG: '/nonexistent/snow.json' })).toThrow(/does not exist/);
  });
});
