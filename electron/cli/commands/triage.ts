import { shippedModel } from '../../../shared/triage/shippedModel.js';
import { triageDocument, type TriageSentence } from '../../../shared/triage/triageDocument.js';
import { triageInputFromParsed } from '../../../shared/triage/triageInputs.js';
import { parseFile } from '../../import/parseFile.js';
import { UsageError, type CliCommand } from '../runCli.js';
import { readLimited } from './import.js';

/** One sentence as `triage --json` prints it. */
export interface CliTriageSentence {
  turn: number;
  speaker: string;
  role: string;
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: string[];
  /** Which document of the file, when it holds several (the CSV of four debates). */
  document?: number;
}

const USAGE = 'usage: triage FILE [--json] [--top N]';

/**
 * `triage FILE [--json] [--top N]`: imports any file the app imports and ranks its sentences by check-worthiness with
 * the shipped model. JSON lists every sentence in document order (stage lines with score 0); the text form lists
 * the top N (20) by score with their reasons. Errors are the import command's.
 */
export const triageCommand: CliCommand = {
  name: 'triage',
  usage: 'FILE [--json] [--top N]',
  summary: 'Rank the sentences of a transcript or article by check-worthiness, with reasons.',
  async run(args, io) {
    let json = false;
    let top = 20;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--top') {
        const n = Number(args[++i]);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--top needs a whole number of sentences; ${USAGE}`);
        top = n;
      } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}; ${USAGE}`);
      else files.push(a);
    }
    if (files.length !== 1) throw new UsageError(`give exactly one file; ${USAGE}`);
    const file = files[0]!;
    const bytes = await readLimited(file);
    const parsed = await parseFile(file.split(/[\\/]/).pop() ?? file, bytes);
    for (const doc of parsed.documents) for (const warning of doc.warnings) io.stderr(`warning: ${warning}\n`);
    const model = shippedModel();
    const several = parsed.documents.length > 1;
    const sentences: CliTriageSentence[] = parsed.documents.flatMap((doc, d) =>
      triageDocument(model, triageInputFromParsed(doc)).sentences.map((s) => toCli(s, several ? d : undefined)),
    );
    if (json) {
      io.stdout(`${JSON.stringify({ sentences }, null, 1)}\n`);
      return 0;
    }
    const ranked = sentences
      .map((s, i) => ({ s, i }))
      .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
      .slice(0, top);
    io.stdout(
      ranked
        .map(({ s }) => `${s.score.toFixed(3)}  ${s.speaker || '(narration)'} (${s.role}), turn ${s.turn}: ${s.text}\n       ${s.reasons.join('; ') || 'no strong signal'}\n`)
        .join(''),
    );
    return 0;
  },
};

function toCli(s: TriageSentence, document: number | undefined): CliTriageSentence {
  const out: CliTriageSentence = { turn: s.turn, speaker: s.speaker, role: s.role, start: s.start, end: s.end, text: s.text, score: s.score, reasons: s.reasons };
  if (document !== undefined) out.document = document;
  return out;
}
