/** What a table file may hold to be opened in the viewer; shared by the reader and the process that starts it. */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;
export const MAX_TABLE_ROWS = 100_000;
export const MAX_TABLE_CELLS = 2_000_000;
