// The largest numbers the database columns behind request parameters hold: a larger one is a validation error naming
// the field, not a PostgreSQL "out of range" (500).

/** PostgreSQL `integer`: message sequence numbers, release numbers. */
export const MAX_INTEGER_COLUMN = 2_147_483_647;
/** PostgreSQL `bigint` as far as a JavaScript number holds it exactly: audit sequence numbers. */
export const MAX_BIGINT_COLUMN = Number.MAX_SAFE_INTEGER;
