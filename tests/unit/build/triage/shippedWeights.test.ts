import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURES_FILE, MODEL_FILE, fitShipped, hashInputs, inputFiles, trainingSentences } from '../../../../build/triage/trainTriage.js';
import type { TriageModel } from '../../../../shared/triage/model.js';

const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as TriageModel;

describe('the shipped triage weights', () => {
  it('were trained on the data and code in this repository (inputs hash), and the card figures belong to them', () => {
    expect(hashInputs(inputFiles())).toBe(model.inputsHash);
    const figures = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as { inputsHash: string; chosen: { context: unknown } };
    expect(figures.inputsHash).toBe(model.inputsHash);
    expect(model.context).toEqual(figures.chosen.context);
  });

  it('are exactly what the training script fits (retrained here from ClaimBuster, ~10 s)', () => {
    const refit = fitShipped({ features: model.features, ...model.training }, trainingSentences());
    expect(refit.bias).toBe(model.bias);
    expect(Object.keys(refit.weights).length).toBe(Object.keys(model.weights).length);
    expect(refit.weights).toEqual(model.weights);
  }, 300_000);
});
