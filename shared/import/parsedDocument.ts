import type { DocumentFormat, ParticipantRole, TurnKind } from '../model.js';

/**
 * What the import pipeline makes of one file, before anything is stored: speakers and turns for the user to
 * review. It is also what `npm run cli -- import FILE --json` prints.
 */

/** A speaker found in the document; `id` is local to this parse (e.g. "s1"). */
export interface ParsedSpeaker {
  id: string;
  name: string;
  aliases: string[];
  role?: ParticipantRole;
  party?: string;
  /** The transcript's label left the speaker in doubt (`BUSH (?)`, `UNIDENTIFIED MALE`); review says so. */
  uncertain?: boolean;
}

/** One turn: a speaker's speech, article narration, or a stage direction. */
export interface ParsedTurn {
  /** ParsedSpeaker.id, or null for narration, stage directions and reader comments. */
  speaker: string | null;
  kind: TurnKind;
  text: string;
  /** Seconds from the start. */
  start?: number;
  end?: number;
  /** Extra columns from CSV/JSON rows, `section: "comments"` for reader comments, and the like. */
  metadata?: Record<string, string>;
}

/** A direct quotation attributed to a speaker, inside turn `turn` (an index into turns). */
export interface ParsedQuote {
  speaker: string;
  text: string;
  turn: number;
}

/** One document (one debate's transcript, or one article). */
export interface ParsedDocument {
  title: string;
  format: DocumentFormat;
  /** YYYY-MM-DD when the file says. */
  date?: string;
  speakers: ParsedSpeaker[];
  turns: ParsedTurn[];
  quotes: ParsedQuote[];
  /** Things the user should know about: skipped rows, repaired cue times. */
  warnings: string[];
}

/**
 * A file can hold several documents (the 2016 debates CSV holds four debates, one per date).
 * `documents` always has at least one entry on success.
 */
export interface ParsedImport {
  fileName: string;
  format: DocumentFormat;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  size: number;
  documents: ParsedDocument[];
}
