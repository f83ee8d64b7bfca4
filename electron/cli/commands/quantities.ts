import type { Quantity } from '../../../shared/model.js';
import { parseQuantities } from '../../../shared/quantities/parseQuantities.js';
import { UsageError, type CliCommand, type CliIo } from '../runCli.js';
import { parseOptions } from './export.js';

const USAGE = 'quantities [--json] [--date YYYY-MM-DD] < sentences.txt';
/** Longer lines are read only this far, so one runaway line cannot stall the command. */
const MAX_LINE = 20_000;

/** A quantity as the command prints it: the documented keys in a fixed order, absent ones left out. */
export function quantityJson(q: Quantity, withPeriod: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { value: q.value, unit: q.unit };
  if (q.currency !== undefined) out.currency = q.currency;
  if (q.of !== undefined) out.of = q.of;
  if (q.what !== undefined) out.what = q.what;
  if (q.comparison !== undefined) out.comparison = q.comparison;
  if (q.time !== undefined) out.time = q.time;
  if (withPeriod && q.period !== undefined) out.period = q.period;
  out.start = q.start;
  out.end = q.end;
  return out;
}

function describe(q: Quantity, text: string): string {
  const parts = [`${text.slice(q.start, q.end)} → ${q.value} ${q.unit}${q.currency ? ` ${q.currency}` : ''}`];
  if (q.of !== undefined) parts.push(`of ${q.of}`);
  if (q.what) parts.push(`what: ${q.what}`);
  if (q.comparison) parts.push(`comparison: ${q.comparison}`);
  if (q.time) parts.push(`time: ${q.time}${q.period ? ` (${q.period.from ?? '…'}–${q.period.to ?? '…'})` : ''}`);
  return `  ${parts.join('; ')}\n`;
}

/**
 * `quantities --json`: reads sentences from standard input, one per line, and prints one JSON object per input line,
 * `{"text": …, "quantities": [{"value", "unit", "currency"?, "of"?, "what"?, "comparison"?, "time"?, "start", "end"}]}`.
 * An empty line gives an empty list, so output line N always answers input line N. `--date` resolves "last year"
 * and adds each quantity's `period` ({from, to} in years).
 */
export const quantitiesCommand: CliCommand = {
  name: 'quantities',
  usage: '[--json] [--date YYYY-MM-DD]  (sentences on standard input, one per line)',
  summary: 'Read the quantities (value, unit, what, comparison, time) in each sentence of standard input.',
  async run(args, io: CliIo) {
    const json = args.includes('--json');
    const { positional, options } = parseOptions(
      args.filter((a) => a !== '--json'),
      ['--date'],
      USAGE,
    );
    if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}; the sentences come on standard input; usage: ${USAGE}`);
    const date = options.get('--date');
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date takes a date as YYYY-MM-DD, not "${date}"`);
    if (!io.stdinLines) throw new UsageError('this command reads sentences from standard input');
    let first = true;
    for await (const raw of io.stdinLines()) {
      let text = first ? raw.replace(/^\uFEFF/, '') : raw;
      first = false;
      text = text.replace(/\r$/, '');
      if (text.length > MAX_LINE) text = text.slice(0, MAX_LINE);
      const quantities = parseQuantities(text, date ? { date } : {});
      if (json) io.stdout(`${JSON.stringify({ text, quantities: quantities.map((q) => quantityJson(q, date !== undefined)) })}\n`);
      else io.stdout(`${text}\n${quantities.map((q) => describe(q, text)).join('') || '  (no quantities)\n'}`);
    }
    return 0;
  },
};
