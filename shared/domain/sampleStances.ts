import type { SampleContext } from './sampleContext.js';
import { personNamed } from './sampleContext.js';
import { setStance } from './stances.js';
import type { Store } from './store.js';

/** Each candidate's position on NATO Article 5 as the article reports it, and the quotes that show it. */
const STANCES: { person: string; label: string; text: string; quotes: string[] }[] = [
  {
    person: 'Owen Smith',
    label: 'commits: we would have to come to the aid of a fellow member',
    text: 'Smith says a Labour government under him would honour Article 5 without conditions.',
    quotes: ['smith-aid'],
  },
  {
    person: 'Jeremy Corbyn',
    label: 'would not commit; stresses diplomacy and the OSCE',
    text: 'Asked twice, Corbyn does not say he would defend an ally; he talks of avoiding the situation and of the OSCE.',
    quotes: ['corbyn-avoid', 'corbyn-osce'],
  },
  {
    person: 'Donald Trump',
    label: 'conditional on 2% of GDP',
    text: 'Reported speech: the article says he would not guarantee aid to an ally that had not paid 2% of its GDP.',
    quotes: ['trump-2pc'],
  },
];

/** The sample's stances on NATO Article 5, recorded through the same operation as the "Set stance…" form. */
export async function addSampleStances(store: Store, context: SampleContext): Promise<void> {
  const topic = context.topics.get('article5');
  if (!topic) throw new Error('The sample claims did not make the NATO Article 5 topic.');
  for (const spec of STANCES) {
    const person = personNamed(context, spec.person);
    if (!person) throw new Error(`The sample article no longer names ${spec.person}.`);
    const appearanceIds = spec.quotes.map((key) => {
      const made = context.claims.get(key);
      if (!made) throw new Error(`The sample claim ${key} is missing.`);
      return made.appearance.id;
    });
    await setStance(store, { personId: person.id, topicId: topic.id, label: spec.label, text: spec.text, appearanceIds });
  }
}
