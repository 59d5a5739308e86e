// better-sqlite3 has one connection per process. Prisma's adapter queues interactive transactions
// behind each other, but a query sent outside a transaction runs on that same connection at once,
// so while a transaction waits between two of its statements (an await in the callback) another
// request's write would join it: committed or rolled back with work it knows nothing about, and its
// reads would see rows that may never be committed. This gate makes such queries wait for the open
// transaction to end, as they would wait for a lock on PostgreSQL.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** Transactions one after another; `idle()` resolves when none is open. */
class TransactionTurns {
  #queue: Promise<void> = Promise.resolve();
  #open: Promise<void> | null = null;

  /** Waits for the earlier transactions, then holds the turn until the returned function is called. */
  take(): Promise<() => void> {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const earlier = this.#queue;
    this.#queue = earlier.then(() => ended);
    return earlier.then(() => {
      // Marked open before BEGIN runs, so no outside statement slips in between.
      this.#open = ended;
      return () => {
        this.#open = null;
        end();
      };
    });
  }

  get busy() {
    return this.#open !== null;
  }

  async idle() {
    // Re-checked after every wake-up: the next transaction may have taken its turn in between.
    while (this.#open) await this.#open;
  }
}

function gateAdapter(adapter: Adapter): Adapter {
  const turns = new TransactionTurns();
  // The statement itself must start in the same synchronous step as the last check of `busy`.
  const outside =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (turns.busy) await turns.idle();
      return run(...args);
    };
  const gated: Adapter = Object.create(adapter);
  return Object.assign(gated, {
    queryRaw: outside(adapter.queryRaw.bind(adapter)),
    executeRaw: outside(adapter.executeRaw.bind(adapter)),
    executeScript: outside(adapter.executeScript.bind(adapter)),
    async startTransaction(...args: Parameters<Adapter["startTransaction"]>): Promise<Transaction> {
      const release = await turns.take();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(...args);
      } catch (error) {
        release();
        throw error;
      }
      const finish = (end: () => Promise<void>) => async () => {
        try {
          await end();
        } finally {
          release();
        }
      };
      return Object.assign(Object.create(transaction), {
        commit: finish(transaction.commit.bind(transaction)),
        rollback: finish(transaction.rollback.bind(transaction)),
      });
    },
  });
}

/** The better-sqlite3 adapter factory, with outside queries held while a transaction is open. */
export function gateSqliteAdapterFactory(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const gated: PrismaBetterSqlite3 = Object.create(factory);
  return Object.assign(gated, {
    connect: async () => gateAdapter(await factory.connect()),
    connectToShadowDb: async () => gateAdapter(await factory.connectToShadowDb()),
  });
}
