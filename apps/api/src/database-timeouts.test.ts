import { databaseOptions, loadConfig } from '@mot-cua/config';
import { DATABASE_TIMEOUTS } from '@mot-cua/db';
import { describe, expect, it } from 'vitest';

describe('database time-outs of the configuration', () => {
  it('default to the time-outs scripts and tests use (DATABASE_TIMEOUTS)', () => {
    expect(loadConfig({}).database).toEqual({ ...DATABASE_TIMEOUTS, jit: 'off', maxParallelWorkersPerGather: 0 });
  });
  it('reach openDatabase as set, the maintenance limit for maintenance commands', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/d',
      DB_CONNECTION_TIMEOUT_MS: '2000',
      DB_STATEMENT_TIMEOUT_MS: '5000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '7000',
      DB_MAINTENANCE_STATEMENT_TIMEOUT_MS: '120000',
    });
    expect(databaseOptions(config)).toEqual({
      databaseUrl: 'postgres://u@h:5432/d',
      dataDir: './.data/pglite',
      connectionTimeoutMs: 2000,
      statementTimeoutMs: 5000,
      idleInTransactionTimeoutMs: 7000,
      sessionSettings: { jit: 'off', max_parallel_workers_per_gather: '0' },
    });
    expect(databaseOptions(config, 'maintenance')).toMatchObject({
      statementTimeoutMs: 120_000,
      idleInTransactionTimeoutMs: 120_000,
    });
    expect(databaseOptions(config, 'maintenance')).not.toHaveProperty('sessionSettings');
    const on = loadConfig({ DB_JIT: 'on', DB_MAX_PARALLEL_WORKERS_PER_GATHER: '2' });
    expect(databaseOptions(on).sessionSettings).toEqual({ jit: 'on', max_parallel_workers_per_gather: '2' });
    expect(() => loadConfig({ DB_JIT: 'maybe' })).toThrow(/DB_JIT/);
  });
  it('refuses a time-out that is not a positive number of milliseconds', () => {
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ DB_CONNECTION_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECTION_TIMEOUT_MS/);
  });
});
