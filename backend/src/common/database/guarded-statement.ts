/** Whatever runs SQL with positional parameters: a DataSource, an EntityManager, a pg client. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Writes of several modules as ONE SQL statement: a guard (a statement that returns a row when the write may go ahead,
 * such as "the conversation is still at seq 7", taking that row's lock) and parts that write only with the guard's
 * row (`INSERT … SELECT … FROM guard`). A statement is atomic on its own, so this needs neither BEGIN nor COMMIT:
 * one round trip where a transaction takes four or more. Each module still writes the SQL of its own tables.
 *
 * The parts run in the snapshot of the statement's start; a guard that locks a row re-checks its condition against a
 * concurrent writer's committed version (READ COMMITTED), so a lost race shows as `applied: false` and writes nothing.
 */
export class GuardedStatement {
  private readonly parameters: unknown[] = [];
  private readonly parts: string[] = [];
  private guardSql?: string;

  /** A placeholder for `value`. Casts belong to the SQL: `${statement.param(seq)}::int`. */
  param(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  /** The precondition: a statement that returns a row (e.g. `UPDATE … WHERE … RETURNING id`) when the parts may write. */
  guard(sql: string): void {
    if (this.guardSql) throw new Error('a guarded statement has one guard');
    this.guardSql = sql;
  }

  /** A data-modifying statement that reads its rows `FROM guard`, so it writes nothing when the guard failed. */
  add(sql: string): void {
    this.parts.push(sql);
  }

  /** Runs the whole statement; false when the guard returned no row (and nothing was written). */
  async run(executor: SqlExecutor): Promise<boolean> {
    if (!this.guardSql) throw new Error('a guarded statement needs its guard');
    const ctes = [`guard AS (${this.guardSql})`, ...this.parts.map((part, index) => `part_${index} AS (${part})`)];
    const rows = (await executor.query(
      `WITH ${ctes.join(',\n')}\nSELECT count(*)::int AS applied FROM guard`,
      this.parameters,
    )) as Array<{ applied: number }>;
    return rows[0].applied > 0;
  }
}
