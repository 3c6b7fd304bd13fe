import { ApiError } from '../../api/client.js';

export const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
export const errorText = (e: unknown, fallback: string) => (e instanceof ApiError ? e.problem.detail : fallback);
