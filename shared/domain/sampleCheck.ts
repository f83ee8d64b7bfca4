import type { Sheet } from '../tableChecks/computeTable.js';
import { suggestExcludedRows, sheetFor } from '../tableChecks/computeTable.js';
import { suggestVerdict } from '../tableChecks/suggestVerdict.js';
import type { TableCheck, TableComputation } from '../model.js';
import { NATO_CSV_TABLE } from '../sources/sampleSources.js';
import { SIX_STEP_SCALE } from '../verdicts/scales.js';
import type { SampleContext } from './sampleContext.js';
import { ACCEPTED_SUGGESTION_WHY, acceptSuggestedVerdict, runOn, saveTableCheck } from './tableChecks.js';
import type { Store } from './store.js';

/** The edition the sample's check names, as the dataset source cites it. */
export const SAMPLE_CHECK_EDITION = 'Defence Expenditure of NATO Countries (2014-2024), June 2024';

const EDITION_REASONING =
  'The article\'s "five" matches NATO\'s July 2016 report, whose 2016 estimates put five allies at or above 2% ' +
  '(US 3.61, Greece 2.38, UK 2.21, Estonia 2.16, Poland 2.00), though the article says "last year". The June 2024 ' +
  "edition's revised figures for 2015 give four, with Estonia just under at 1.99. The table lists 31 allies, " +
  'four of which joined after 2015 (Montenegro, North Macedonia, Finland, Sweden); none of them was at 2% in 2015.';

/**
 * The sample's real fact check, made through the same operations as "Check against table…": on the seed's
 * "only five out of 28 members" claim, count the allies at or above 2.0% of GDP in 2015 in the 2024 NATO table
 * (totals left out): 4, not five. The suggested rating is accepted with its drafted reasoning and the claim is marked
 * checked, so every export of the sample carries a real check.
 */
export async function addSampleCheck(store: Store, context: SampleContext, readTable: (hash: string, fileName: string, bytes: Uint8Array) => Promise<{ sheets: Sheet[] }>): Promise<void> {
  const entry = context.claims.get('five-of-28');
  if (!entry) throw new Error('The sample has no five-of-28 claim to check.');
  const { claim } = entry;
  const dataset = context.sources?.get('nato-2024-dataset');
  const attachment = dataset?.attachments[0];
  if (!dataset || !attachment) throw new Error('The sample NATO table is not attached.');
  const file = context.files.find((f) => f.name === attachment.name);
  if (!file) throw new Error(`The sample file ${attachment.name} is missing from this installation.`);
  const { sheets } = await readTable(attachment.hash, attachment.name, file.bytes);
  const sheet = sheetFor(sheets, NATO_CSV_TABLE);
  const computation: TableComputation = {
    operation: 'count',
    sheet: sheet.name,
    labelColumn: sheet.columns[0] ?? 'Country',
    filter: { column: '2015', operator: '>=', value: '2.0' },
    excludeRows: suggestExcludedRows(sheet),
    noun: 'allies',
    valueUnit: '% of GDP',
  };
  const run = runOn({ hash: attachment.hash, fileName: attachment.name, sheets, edition: SAMPLE_CHECK_EDITION }, computation);
  const quantity = claim.quantities?.find((q) => q.value === 5 && q.unit === 'count');
  if (!quantity) throw new Error('The sample claim’s “five” was not read as a quantity.');
  const check: TableCheck = { computation, runs: [run], claimed: { quantityId: quantity.id, value: quantity.value, unit: quantity.unit, text: quantity.text, ...(quantity.comparison ? { comparison: quantity.comparison } : {}) } };
  await saveTableCheck(store, { claimId: claim.id, sourceId: dataset.id, check });
  const suggestion = suggestVerdict(SIX_STEP_SCALE, check);
  if (!suggestion) throw new Error('The sample check gave no suggestion.');
  await acceptSuggestedVerdict(store, claim.id, {
    scaleId: SIX_STEP_SCALE.id,
    ...(suggestion.stepId ? { stepId: suggestion.stepId } : {}),
    conclusion: suggestion.conclusion,
    reasoning: `${suggestion.reasoning} ${EDITION_REASONING}`,
    author: 'Sample analyst',
    why: ACCEPTED_SUGGESTION_WHY,
    status: 'checked',
  });
}
