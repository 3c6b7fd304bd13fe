import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readStandaloneEnv } from './standalone.js';

const Env = z.object({ PORT: z.coerce.number().int().default(3001), KEY: z.string().min(4).optional() });

describe('readStandaloneEnv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the settings, an empty variable counting as unset', () => {
    expect(readStandaloneEnv(Env, { PORT: '', KEY: 'abcd', OTHER: 'x' })).toEqual({ PORT: 3001, KEY: 'abcd' });
    expect(readStandaloneEnv(Env, { PORT: '4000' })).toEqual({ PORT: 4000 });
  });

  it('prints every invalid setting and exits with 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => readStandaloneEnv(Env, { PORT: 'x', KEY: 'ab' })).toThrow('exit');
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/Invalid configuration:\n {2}PORT: .*\n {2}KEY: /);
  });
});
