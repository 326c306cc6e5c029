/** A canonical UUID, the form of every id the API hands out (any case, as PostgreSQL accepts). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name a row at all: anything else is "not found" without asking the database. */
export const isUuid = (id: string): boolean => UUID_PATTERN.test(id);
