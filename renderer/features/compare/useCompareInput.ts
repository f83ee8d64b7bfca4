import { useLiveQuery } from 'dexie-react-hooks';
import type { ComparisonInput } from '../../../shared/compare/buildComparison.js';
import type { Debate, DocumentRecord, Participant, Person } from '../../../shared/model.js';
import { db } from '../../db/database.js';

/** What the compare section reads from the library, kept live: the comparison input plus names for the pickers. */
export interface CompareData {
  input: ComparisonInput;
  people: Person[];
  debates: Debate[];
  documents: Pick<DocumentRecord, 'id' | 'debateId' | 'title'>[];
  participants: Participant[];
}

/** Everything the comparison needs, in one live query so the view redraws once per change. */
export function useCompareData(): CompareData | undefined {
  return useLiveQuery(async () => {
    const [claims, appearances, verdicts, scales, topics, stances, documents, people, debates, participants] = await Promise.all([
      db.claims.toArray(),
      db.appearances.toArray(),
      db.verdicts.toArray(),
      db.scales.toArray(),
      db.topics.toArray(),
      db.stances.toArray(),
      db.documents.toArray(),
      db.people.toArray(),
      db.debates.toArray(),
      db.participants.toArray(),
    ]);
    // Document texts can be large; the comparison only needs the link to the debate.
    const lightDocuments = documents.map((d) => ({ id: d.id, debateId: d.debateId, title: d.title }));
    people.sort((a, b) => a.name.localeCompare(b.name));
    debates.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title));
    return {
      input: { claims, appearances, verdicts, scales, topics, stances, documents: lightDocuments, people, debates },
      people,
      debates,
      documents: lightDocuments,
      participants,
    };
  }, []);
}
