/**
 * Counts the statements a driver sends (a shim on its `query` method): in all, inside a transaction
 * (between begin and commit/rollback on the same connection), and transactions (a begin, or a statement
 * sent outside one, which autocommits). Used by benchmarks one request at a time.
 */
type Counts = { statements: number; inTransaction: number; transactions: number };
const counts: Counts = { statements: 0, inTransaction: 0, transactions: 0 };
const open = new WeakSet<object>();
let recording = false;

function install(proto: { query: (...a: unknown[]) => unknown }) {
  const original = proto.query;
  proto.query = function (this: object, ...args: unknown[]) {
    if (recording) {
      const text = String(typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? ''))
        .trim()
        .toLowerCase();
      counts.statements++;
      if (text.startsWith('begin') || text.startsWith('start transaction')) {
        open.add(this);
        counts.transactions++;
      } else if (text === 'commit' || text === 'rollback') {
        open.delete(this);
      } else if (open.has(this)) {
        counts.inTransaction++;
      } else {
        counts.transactions++;
      }
    }
    return original.apply(this, args);
  };
}

export const statementCounter = {
  install: (proto: object) => install(proto as { query: (...a: unknown[]) => unknown }),
};

/** Average statements, statements inside a transaction, and transactions per call of `work`. */
export async function countStatements(n: number, work: () => Promise<unknown>): Promise<Counts> {
  counts.statements = 0;
  counts.inTransaction = 0;
  counts.transactions = 0;
  recording = true;
  try {
    for (let i = 0; i < n; i++) await work();
  } finally {
    recording = false;
  }
  return {
    statements: counts.statements / n,
    inTransaction: counts.inTransaction / n,
    transactions: counts.transactions / n,
  };
}
