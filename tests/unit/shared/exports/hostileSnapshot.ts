import type { ProjectSnapshot } from '../../../../shared/model.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '"><img src=x onerror=alert(1)>';

/** The sample with attacker-controlled text in every user field a report prints. */
export function hostileSnapshot(): ProjectSnapshot {
  const s = sampleSnapshot();
  const claim = s.claims.find((c) => c.id === 'claim-aid');
  const person = s.people.find((p) => p.id === 'person-smith');
  const source = s.sources.find((x) => x.id === 'source-nato-treaty');
  const verdict = s.verdicts.find((v) => v.id === 'verdict-aid');
  const step = s.scales[0]?.steps[0];
  const doc = s.documents[0];
  if (!claim || !person || !source || !verdict || !step || !doc) throw new Error('fixture changed');
  claim.text = `${SCRIPT} ${IMG}`;
  claim.id = `claim-aid"><script>x</script>`;
  for (const x of [...s.appearances, ...s.evidence, ...s.verdicts]) if ('claimId' in x && x.claimId === 'claim-aid') x.claimId = claim.id;
  person.name = `Owen ${IMG}`;
  source.csl.title = `Treaty ${SCRIPT}`;
  source.csl.URL = 'javascript:alert(document.cookie)';
  verdict.reasoning = `Because ${IMG}`;
  step.label = `True ${SCRIPT}`;
  step.color = 'red;background:url(javascript:alert(1))';
  doc.title = `Article ${SCRIPT}`;
  return s;
}
