/**
 * `npm run train:triage [-- --decisions project.json …]`: trains the check-worthiness model the app ships.
 *
 * 1. Fits the text model (logistic regression, textFeatures.ts) to ClaimBuster's 9,674 labelled debate sentences
 *    (CC BY 4.0), our own labelled sentences and any analyst decisions given.
 * 2. Chooses the hyper-parameters (L2 penalty, feature groups, the speaker-role priors, the neighbour weight) by
 *    leave-one-document-out MAP on the CLEF 2019 training documents. Those documents are never fitted: their labels
 *    only compare a handful of settings, and the weights that validate them come from a model trained without any
 *    ClaimBuster sentence that also occurs in them.
 * 3. Measures everything `npm run bench` prints (ClaimBuster 5-fold P/R/F1, CLEF LOO MAP, the hand-set patterns and
 *    a TF-IDF SVM baseline side by side), then writes the weights, the model card and the figures.
 *
 * Deterministic: fixed seed for the folds, a deterministic optimiser, sorted features, rounded weights.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scoreSentence } from '../../shared/triage/scoreSentence.js';
import { DEFAULT_FEATURES } from '../../shared/triage/textFeatures.js';
import { scoreText, type ContextParams, type TextScore, type TriageModel } from '../../shared/triage/model.js';
import { CLAIMBUSTER_FILE, CLEF_DIR, OWN_LABELS_FILE, REPO, loadClaimBuster, loadClefDocuments, loadDecisions, loadOwnLabels, sentenceKey, type LabelledSentence } from './data.js';
import {
  bestF1Threshold,
  cachedScorer,
  contextGrid,
  mean,
  measureDocuments,
  prepareValidation,
  prf,
  stratifiedFolds,
  type PrfFigures,
} from './evaluate.js';
import { assembleModel, fitTextModel, fitTfidfSvm, type TextConfig } from './fit.js';

export const MODEL_FILE = path.join(REPO, 'shared/triage/triageModel.json');
export const CARD_FILE = path.join(REPO, 'shared/triage/MODEL-CARD.md');
export const FIGURES_FILE = path.join(REPO, 'build/triage/validation.json');
export const SEED = 17;
const FOLDS = 5;

/** The text-model settings model selection chooses among. */
export const TEXT_GRID: readonly TextConfig[] = [
  { features: DEFAULT_FEATURES, l2: 1e-4, minCount: 2 },
  { features: DEFAULT_FEATURES, l2: 3e-4, minCount: 2 },
];

/** Code whose change changes the weights: hashed with the data into `inputsHash`. */
export const CODE_FILES = [
  'build/triage/data.ts',
  'build/triage/evaluate.ts',
  'build/triage/fit.ts',
  'build/triage/logistic.ts',
  'build/triage/trainTriage.ts',
  'shared/triage/model.ts',
  'shared/triage/roles.ts',
  'shared/triage/signals.ts',
  'shared/triage/splitSentences.ts',
  'shared/triage/textFeatures.ts',
  'shared/triage/triageDocument.ts',
  'shared/triage/triageInputs.ts',
];

/** Everything the training reads, in a fixed order. */
export function inputFiles(decisionFiles: readonly string[] = []): string[] {
  const files = [CLAIMBUSTER_FILE, ...(existsSync(OWN_LABELS_FILE) ? [OWN_LABELS_FILE] : []), ...decisionFiles];
  return [...files, ...CODE_FILES.map((f) => path.join(REPO, f))];
}

/** SHA-256 over the names (relative) and bytes of every input: data, labels and code. Line endings folded. */
export function hashInputs(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.basename(file));
    hash.update('\0');
    hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The sentences the shipped weights learn from. */
export function trainingSentences(decisionFiles: readonly string[] = []): LabelledSentence[] {
  return [...loadClaimBuster(), ...(existsSync(OWN_LABELS_FILE) ? loadOwnLabels() : []), ...decisionFiles.flatMap((f) => loadDecisions(f))];
}

/** The final fit: the chosen text config on every training sentence. The unit test calls this too. */
export function fitShipped(config: TextConfig, sentences: readonly LabelledSentence[]): ReturnType<typeof fitTextModel> {
  return fitTextModel(
    sentences.map((s) => s.text),
    sentences.map((s) => s.label),
    config,
  );
}

interface Figures {
  claimbuster: Record<'model' | 'patterns' | 'tfidf', PrfFigures>;
  clef: Record<'model' | 'textOnly' | 'patterns' | 'tfidf', { map: number; perDocument: Array<{ name: string; ap: number; offRoleTop10: number }>; offRoleTop10: number }>;
  chosen: { text: TextConfig; context: ContextParams };
  looChoices: Array<{ held: string; text: number; context: number }>;
  training: { sentences: number; positives: number; bySource: Record<string, number>; validationSentences: number };
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function textModel(config: TextConfig, weights: ReturnType<typeof fitTextModel>, context: ContextParams): TriageModel {
  return assembleModel(weights, config, context, { trainedAt: '', inputsHash: '' });
}

function zeroContext(): ContextParams {
  return { rolePrior: { candidate: 0, moderator: 0, host: 0, panelist: 0, audience: 0, system: 0, narrator: 0 }, neighbour: 0, patternWeight: 0 };
}

function summarise(per: Array<{ name: string; ap: number; offRoleTop10: number }>): Figures['clef']['model'] {
  return { map: mean(per.map((d) => d.ap)), perDocument: per, offRoleTop10: per.reduce((a, d) => a + d.offRoleTop10, 0) };
}

/** Runs model selection and validation; returns the figures and the chosen settings. */
export async function validate(sentences: readonly LabelledSentence[]): Promise<Figures> {
  const docs = prepareValidation(await loadClefDocuments(CLEF_DIR));
  const inClef = new Set(docs.flatMap((d) => d.prepared.units.map((u) => sentenceKey(u.text))));
  const held = sentences.filter((s) => !inClef.has(sentenceKey(s.text)));
  log(`validation training set: ${held.length} of ${sentences.length} sentences (those also in the CLEF documents left out)`);

  // AP of every (text config, context) on every document.
  const grid = contextGrid();
  const ap: number[][][] = [];
  const scorers: Array<(text: string) => TextScore> = [];
  for (const [c, config] of TEXT_GRID.entries()) {
    const weights = fitCache(c, config, held);
    const base = textModel(config, weights, zeroContext());
    const scorer = cachedScorer((text) => scoreText(base, text, false));
    scorers.push(scorer);
    ap.push(grid.map((context) => measureDocuments(docs, textModel(config, weights, context), scorer).map((d) => d.ap)));
    log(`text config ${c}: best MAP over contexts ${Math.max(...ap[c]!.map(mean)).toFixed(4)}`);
  }
  const best = (exclude: number): { c: number; x: number } => {
    let choice = { c: 0, x: 0 };
    let bestMap = -1;
    for (let c = 0; c < TEXT_GRID.length; c++) {
      for (let x = 0; x < grid.length; x++) {
        const m = mean(ap[c]![x]!.filter((_, d) => d !== exclude));
        if (m > bestMap + 1e-12) {
          bestMap = m;
          choice = { c, x };
        }
      }
    }
    return choice;
  };
  // Nested: each document is scored with the settings chosen on the other 18.
  const looChoices: Figures['looChoices'] = [];
  const loo = docs.map((d, i) => {
    const { c, x } = best(i);
    looChoices.push({ held: d.name, text: c, context: x });
    const config = TEXT_GRID[c]!;
    return measureDocuments([d], textModel(config, fitCache(c, config, held), grid[x]!), scorers[c]!)[0]!;
  });
  const final = best(-1);
  const chosen = { text: TEXT_GRID[final.c]!, context: grid[final.x]! };

  const chosenWeights = fitCache(final.c, chosen.text, held);
  const textOnly = measureDocuments(docs, textModel(chosen.text, chosenWeights, zeroContext()), scorers[final.c]!);
  const patterns = measureDocuments(docs, textModel(chosen.text, chosenWeights, zeroContext()), (text) => ({ logit: logit(scoreSentence(text).score), pattern: 0, contributions: [] }));
  const svm = fitTfidfSvm(
    held.map((s) => s.text),
    held.map((s) => s.label),
  );
  const tfidf = measureDocuments(docs, textModel(chosen.text, chosenWeights, zeroContext()), (text) => ({ logit: svm(text), pattern: 0, contributions: [] }));

  const claimbuster = crossValidate(sentences, chosen.text);
  const bySource: Record<string, number> = {};
  for (const s of sentences) bySource[s.source] = (bySource[s.source] ?? 0) + 1;
  return {
    claimbuster,
    clef: { model: summarise(loo), textOnly: summarise(textOnly), patterns: summarise(patterns), tfidf: summarise(tfidf) },
    chosen,
    looChoices,
    training: { sentences: sentences.length, positives: sentences.filter((s) => s.label === 1).length, bySource, validationSentences: held.length },
  };
}

const fits = new Map<number, ReturnType<typeof fitTextModel>>();
function fitCache(c: number, config: TextConfig, sentences: readonly LabelledSentence[]): ReturnType<typeof fitTextModel> {
  let w = fits.get(c);
  if (!w) {
    w = fitShipped(config, sentences);
    fits.set(c, w);
  }
  return w;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/** ClaimBuster 5-fold cross-validation (stratified, seed 17) of the model, the patterns and the TF-IDF SVM. */
function crossValidate(sentences: readonly LabelledSentence[], config: TextConfig): Figures['claimbuster'] {
  const labels = sentences.map((s) => s.label);
  const folds = stratifiedFolds(labels, FOLDS, SEED);
  const scores = { model: new Array<number>(sentences.length), tfidf: new Array<number>(sentences.length) };
  const patternPredicted = new Array<number>(sentences.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = sentences.filter((_, i) => folds[i] !== k);
    const test = sentences.flatMap((s, i) => (folds[i] === k ? [i] : []));
    const weights = fitShipped(config, train);
    const model = textModel(config, weights, zeroContext());
    for (const i of test) scores.model[i] = scoreText(model, sentences[i]!.text).logit;
    const svm = fitTfidfSvm(
      train.map((s) => s.text),
      train.map((s) => s.label),
    );
    for (const i of test) scores.tfidf[i] = svm(sentences[i]!.text);
    // The patterns have no threshold of their own: the one with the best F1 on the training folds.
    const trainPattern = train.map((s) => scoreSentence(s.text).score);
    const threshold = bestF1Threshold(trainPattern, train.map((s) => s.label));
    for (const i of test) patternPredicted[i] = scoreSentence(sentences[i]!.text).score >= threshold ? 1 : 0;
    log(`fold ${k + 1}/${FOLDS} done`);
  }
  return { model: prf(scores.model, labels, 0), tfidf: prf(scores.tfidf, labels, 0), patterns: prf(patternPredicted, labels, 1) };
}

function pct(x: number): string {
  return x.toFixed(3);
}

/** The model card: what the model is, what it learnt from, how it was chosen and how well it does. */
export function modelCard(model: TriageModel, figures: Figures, inputs: readonly string[]): string {
  const f = figures;
  const rows = (['model', 'textOnly', 'tfidf', 'patterns'] as const).map((k) => {
    const names = { model: 'Shipped model (text + patterns + speaker roles + neighbours)', textOnly: 'Shipped text model alone (no speakers)', tfidf: 'TF-IDF n-gram SVM baseline', patterns: "Hand-set patterns (v0.1's triage)" };
    return `| ${names[k]} | ${pct(f.clef[k].map)} | ${f.clef[k].offRoleTop10} |`;
  });
  const cb = (['model', 'tfidf', 'patterns'] as const).map((k) => {
    const names = { model: 'Shipped text model', tfidf: 'TF-IDF n-gram SVM baseline', patterns: 'Hand-set patterns' };
    return `| ${names[k]} | ${pct(f.claimbuster[k].precision)} | ${pct(f.claimbuster[k].recall)} | ${pct(f.claimbuster[k].f1)} |`;
  });
  const perDoc = f.clef.model.perDocument.map((d, i) => `| ${d.name} | ${pct(d.ap)} | ${pct(f.clef.textOnly.perDocument[i]!.ap)} | ${pct(f.clef.tfidf.perDocument[i]!.ap)} | ${pct(f.clef.patterns.perDocument[i]!.ap)} | ${d.offRoleTop10} |`);
  const ctx = model.context;
  return `# Model card: Claimdesk check-worthiness triage

Written by \`npm run train:triage\` on ${model.trainedAt}. Inputs hash \`${model.inputsHash}\`
(${inputs.map((i) => path.relative(REPO, i)).join(', ')}).

## What it does
Ranks every sentence of a debate, speech, interview or article by how likely a professional fact-checker is to
check it. A logistic regression over the sentence's words gives its log-odds; the speaker's role (moderator,
host, audience, stage, narration) and the sentence's neighbours in the same turn then move it. Scored on the device,
in a worker; nothing is downloaded.

## Data
- **Training:** ${f.training.sentences} sentences (${f.training.positives} check-worthy): ${Object.entries(f.training.bySource)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}. ClaimBuster: Fatma Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne, "A Benchmark Dataset of
  Check-worthy Factual Claims", ICWSM 2020, the 2.5×NCS set, CC BY 4.0. Sentences only: no speakers.
- **Validation and model selection only:** the 19 CLEF 2019 CheckThat! task 1 training documents (research-use
  licence). Their labels choose among ${TEXT_GRID.length} text settings and ${contextGrid().length} context settings; no weight is fitted to them.
  Validation models are trained on ${f.training.validationSentences} sentences: ClaimBuster sentences that also occur in a CLEF document are left out.

## Features
- Word unigrams and bigrams (lower case; figures replaced by their kind: a year, a percentage, an amount of money,
  a small or large number), with sentence start and end markers.
- Character ${model.features.charMin}–${model.features.charMax}-grams inside words${model.features.charMax === 0 ? ' (switched off by model selection)' : ''}.
- The analyst signals of \`shared/triage/signals.ts\` (a percentage, compares with a past year, names a report, a
  record or vote, …) and dampers (a question, an opinion, a plan, a greeting), and the sentence's length.
- Each group scaled to unit length. ${Object.keys(model.weights).length} weighted features; L2 penalty ${f.chosen.text.l2}.
- Context (chosen by validation): role priors in log-odds: moderator ${ctx.rolePrior.moderator}, host ${ctx.rolePrior.host},
  audience ${ctx.rolePrior.audience}, narration ${ctx.rolePrior.narrator} (set by judgement: the CLEF documents have no articles),
  stage lines never ranked; neighbour weight ${ctx.neighbour}; weight of v0.1's hand-set patterns (as log-odds) ${ctx.patternWeight ?? 0}.

## Validation
Leave-one-document-out MAP on the CLEF 2019 training documents (each document scored with the settings chosen on
the other 18; a random ranking scores about 0.03). "Off-role in top 10": moderator, host, audience or stage lines in
a document's top 10 that no fact-checker chose, summed over the 19 documents.

| Ranking | MAP | Off-role in top 10 |
|---|---|---|
${rows.join('\n')}

ClaimBuster 5-fold cross-validation (stratified, seed ${SEED}), check-worthy class:

| Model | Precision | Recall | F1 |
|---|---|---|---|
${cb.join('\n')}

Per document (AP):

| Document | Shipped | Text alone | TF-IDF SVM | Patterns | Off-role in top 10 |
|---|---|---|---|---|---|
${perDoc.join('\n')}

## Limits
- English, US political speech of 1960–2019; other languages and registers are scored by words it has not seen.
- ClaimBuster's labels say "check-worthy factual claim"; fact-checkers choose far fewer sentences, so scores are a
  ranking, not a probability that a sentence will be checked.
- Roles are inferred from names and structure when a document arrives without them; a moderator who makes long
  speeches may be taken for a candidate.
`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const decisionFiles: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--decisions' && args[i + 1]) decisionFiles.push(path.resolve(args[++i]!));
    else throw new Error(`unknown argument ${args[i]}; usage: train:triage [--decisions exported-project.json …]`);
  }
  const inputs = inputFiles(decisionFiles);
  const inputsHash = hashInputs(inputs);
  const sentences = trainingSentences(decisionFiles);
  log(`training on ${sentences.length} sentences`);
  const figures = await validate(sentences);
  const weights = fitShipped(figures.chosen.text, sentences);
  const model = assembleModel(weights, figures.chosen.text, figures.chosen.context, { trainedAt: new Date().toISOString().slice(0, 10), inputsHash });
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  writeFileSync(CARD_FILE, modelCard(model, figures, inputs));
  writeFileSync(FIGURES_FILE, `${JSON.stringify({ trainedAt: model.trainedAt, inputsHash, ...figures }, null, 1)}\n`);
  log(`LOO MAP ${figures.clef.model.map.toFixed(4)} (text alone ${figures.clef.textOnly.map.toFixed(4)}, TF-IDF ${figures.clef.tfidf.map.toFixed(4)}, patterns ${figures.clef.patterns.map.toFixed(4)})`);
  log(`wrote ${path.relative(REPO, MODEL_FILE)}, ${path.relative(REPO, CARD_FILE)}, ${path.relative(REPO, FIGURES_FILE)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
