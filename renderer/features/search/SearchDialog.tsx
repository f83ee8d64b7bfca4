/** Full-text search, Ctrl+K (the search feature fills this in). */
export function SearchDialog() {
  return null;
}
