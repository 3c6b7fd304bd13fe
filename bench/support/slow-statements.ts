import type { Database } from '@mot-cua/db';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * The same database whose Kysely reports every statement slower than `thresholdMs` (its time and the start of its
 * SQL) to `report`: which of a page's statements is slow, without a profiler. Timing is from Kysely's view (queue
 * wait on PGlite's single connection included).
 */
export function withSlowStatements(
  database: Database,
  thresholdMs: number,
  report: (ms: number, sql: string) => void,
): Database {
  const started = new WeakMap<object, { at: number; node: RootOperationNode }>();
  const executor = database.db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      started.set(args.queryId, { at: performance.now(), node: args.node });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const s = started.get(args.queryId);
      if (s) {
        const ms = performance.now() - s.at;
        if (ms >= thresholdMs) {
          const text = executor.compileQuery(s.node, args.queryId).sql.replace(/\s+/g, ' ');
          report(ms, text);
        }
      }
      return args.result;
    },
  };
  return { ...database, db: database.db.withPlugin(plugin) };
}
