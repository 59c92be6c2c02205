/** A value a statement takes or returns. */
export type SqlValue = string | number | null | Buffer;

/** Runs statements; placeholders are `?` on every database. */
export interface SqlExecutor {
  /** The rows a query returns. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/**
 * The small slice of a relational database the stores need. The adapters (SQLite, PostgreSQL)
 * differ in locking only: `lockRow` is `FOR UPDATE` on PostgreSQL and empty on SQLite, whose
 * transactions take the database's write lock before their first read.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Appended to a SELECT that must lock the rows it reads until the transaction ends. */
  readonly lockRow: string;
  /** Appended to a SELECT that claims rows nobody else holds (timers shared by several processes). */
  readonly skipLocked: string;
  /** Runs fn in one transaction: all of it commits, or none of it (and fn's error is rethrown). */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Whether an error is a unique-key violation (two writers raced to create one row). */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

/** Reads a JSON column: PostgreSQL's JSONB arrives parsed, SQLite's TEXT as a string. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
