export { createAnchor, CONTEXT_LENGTH } from './createAnchor.js';
export { reanchor, type ReanchorResult } from './reanchor.js';
export { reanchorAll } from './reanchorAll.js';
export { diffText, PositionMap, type EqualRun } from './diffText.js';
