import shipped from './triageModel.json' with { type: 'json' };
import type { TriageModel } from './model.js';

/**
 * The model `npm run train:triage` wrote, bundled with the app (and the command line): nothing is fetched at run
 * time. Checked once, so a damaged build fails with a clear sentence instead of ranking nonsense.
 */
export function shippedModel(): TriageModel {
  const model = shipped as unknown as TriageModel;
  if (model.format !== 'claimdesk-triage-model' || typeof model.bias !== 'number' || typeof model.weights !== 'object') {
    throw new Error('The triage model bundled with this build is damaged; reinstall Claimdesk.');
  }
  return model;
}
