import { createClaim, ensureBuiltInScales, setVerdict } from './claims.js';
import { ensureTopicPath } from './topics.js';
import type { ClaimType } from '../model.js';
import { personNamed, type SampleContext } from './sampleContext.js';
import type { Store } from './store.js';

interface SampleClaimSpec {
  key: string;
  /** The exact words in the article; the appearance is anchored on them. */
  quote: string;
  type: ClaimType;
  claimant?: string;
  topic: 'article5' | 'spending';
}

/** The claims an analyst would mark in the seed article, found by their exact words. */
const SPECS: SampleClaimSpec[] = [
  { key: 'five-of-28', quote: 'only five out of 28 members met this target last year, according to a NATO report', type: 'statistic', topic: 'spending' },
  { key: 'two-percent', quote: 'NATO members’ defence spending is supposed to amount to 2% of GDP', type: 'statistic', topic: 'spending' },
  { key: 'corbyn-avoid', quote: 'You would obviously try to avoid that happening in the first place', type: 'position', claimant: 'Jeremy Corbyn', topic: 'article5' },
  { key: 'corbyn-osce', quote: 'I would hope that we could strengthen our relationship and activity within the OSCE', type: 'position', claimant: 'Jeremy Corbyn', topic: 'article5' },
  { key: 'corbyn-war', quote: 'I don’t wish to go to war.', type: 'position', claimant: 'Jeremy Corbyn', topic: 'article5' },
  { key: 'smith-aid', quote: 'We would have to come to the aid of a fellow member of NATO.', type: 'promise', claimant: 'Owen Smith', topic: 'article5' },
  { key: 'trump-2pc', quote: 'he would not guarantee that the US would come to the aid of a NATO ally if it had not contributed 2% of its GDP to the organisation', type: 'position', claimant: 'Donald Trump', topic: 'article5' },
];

/** Marks the sample's claims through the same operations the reader uses, with topics and one verdict. */
export async function addSampleClaims(store: Store, context: SampleContext): Promise<void> {
  await ensureBuiltInScales(store);
  const article5 = await ensureTopicPath(store, ['Defence', 'NATO', 'Article 5']);
  const spending = await ensureTopicPath(store, ['Defence', 'NATO', 'Defence spending']);
  context.topics.set('article5', article5);
  context.topics.set('spending', spending);
  for (const spec of SPECS) {
    const start = context.document.text.indexOf(spec.quote);
    if (start < 0) throw new Error(`The sample article no longer contains “${spec.quote}”.`);
    const claimant = spec.claimant ? personNamed(context, spec.claimant) : undefined;
    const { claim, appearance } = await createClaim(
      store,
      { text: spec.quote, type: spec.type, topicIds: [context.topics.get(spec.topic)!.id], ...(claimant ? { claimantId: claimant.id } : {}) },
      { documentId: context.document.id, start, end: start + spec.quote.length },
    );
    context.claims.set(spec.key, { claim, appearance: appearance! });
  }
  const two = context.claims.get('two-percent')!;
  await setVerdict(store, two.claim.id, {
    scaleId: 'scale-six-step',
    stepId: 'true',
    conclusion: 'NATO allies agreed in 2014 (Wales summit) to aim for 2% of GDP on defence.',
    reasoning: 'The 2% guideline is NATO policy, restated at the 2014 Wales summit; it is a target, not an obligation.',
    author: 'Sample analyst',
    why: 'First verdict.',
  });
}
