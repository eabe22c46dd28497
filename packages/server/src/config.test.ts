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

describe('loadConfig: scale-out and host settings', () => {
  it('takes database and Redis URLs and checks their scheme', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL = "http:\/\/nope": must be a redis:\/\/ URL/);
  });

  it('needs an URL for an HTTP speech engine and a model for an LLM', () => {
    expect(() => loadConfig({ TTS_ENGINE: 'openai' })).toThrow(/TTS_URL: required when TTS_ENGINE = "openai"/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/LLM_MODEL: required/);
    expect(loadConfig({ HOST_ENABLED: 'false' }).hostEnabled).toBe(false);
  });
});
