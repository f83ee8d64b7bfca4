import type {
  Appearance,
  Claim,
  Debate,
  DocumentRecord,
  EvidenceLink,
  Person,
  ProjectSnapshot,
  Source,
  Topic,
  Verdict,
  VerdictScale,
  VerdictStep,
} from '../model.js';

/** Lookups every exporter needs, built once per export so 500-claim reports stay linear. */
export interface SnapshotIndex {
  snapshot: ProjectSnapshot;
  people: Map<string, Person>;
  debates: Map<string, Debate>;
  documents: Map<string, DocumentRecord>;
  sources: Map<string, Source>;
  topics: Map<string, Topic>;
  scales: Map<string, VerdictScale>;
  appearancesByClaim: Map<string, Appearance[]>;
  evidenceByClaim: Map<string, EvidenceLink[]>;
  /** The newest verdict of each claim. */
  verdictByClaim: Map<string, Verdict>;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byId = <T extends { id: string }>(items: T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));

export function indexSnapshot(snapshot: ProjectSnapshot): SnapshotIndex {
  const verdictByClaim = new Map<string, Verdict>();
  for (const verdict of snapshot.verdicts) {
    const current = verdictByClaim.get(verdict.claimId);
    if (!current || current.updatedAt < verdict.updatedAt) verdictByClaim.set(verdict.claimId, verdict);
  }
  const appearancesByClaim = groupBy(snapshot.appearances, (a) => a.claimId);
  for (const list of appearancesByClaim.values()) list.sort((a, b) => a.anchor.position.start - b.anchor.position.start);
  return {
    snapshot,
    people: byId(snapshot.people),
    debates: byId(snapshot.debates),
    documents: byId(snapshot.documents),
    sources: byId(snapshot.sources),
    topics: byId(snapshot.topics),
    scales: byId(snapshot.scales),
    appearancesByClaim,
    evidenceByClaim: groupBy(snapshot.evidence, (e) => e.claimId),
    verdictByClaim,
  };
}

/** A verdict as readers see it: the step on a rated scale, or only the conclusion. */
export interface ResolvedVerdict {
  verdict: Verdict;
  scale?: VerdictScale;
  step?: VerdictStep;
  /** The step label, or the conclusion when the scale has no steps. */
  label: string;
}

export function resolveVerdict(index: SnapshotIndex, claim: Claim): ResolvedVerdict | undefined {
  const verdict = index.verdictByClaim.get(claim.id);
  if (!verdict) return undefined;
  const scale = index.scales.get(verdict.scaleId);
  const step = scale?.kind === 'rated' ? scale.steps.find((s) => s.id === verdict.stepId) : undefined;
  return {
    verdict,
    ...(scale ? { scale } : {}),
    ...(step ? { step } : {}),
    label: step?.label ?? (verdict.conclusion || 'No rating'),
  };
}

/** The appearances whose anchor still points at its quote; orphaned ones would highlight the wrong words. */
export function usableAppearances(index: SnapshotIndex, claimId: string): Appearance[] {
  return (index.appearancesByClaim.get(claimId) ?? []).filter((a) => {
    if (a.state === 'orphaned') return false;
    const doc = index.documents.get(a.documentId);
    const { start, end } = a.anchor.position;
    return doc !== undefined && doc.text.slice(start, end) === a.anchor.quote.exact;
  });
}

/** A topic and every topic below it, so filtering on "Defence" finds claims tagged "Defence › NATO". */
export function topicWithDescendants(index: SnapshotIndex, topicIds: string[]): Set<string> {
  const children = groupBy(
    index.snapshot.topics.filter((t) => t.parentId !== undefined),
    (t) => t.parentId ?? '',
  );
  const found = new Set<string>();
  const stack = [...topicIds];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (found.has(id)) continue;
    found.add(id);
    for (const child of children.get(id) ?? []) stack.push(child.id);
  }
  return found;
}

/** "Defence › NATO › Article 5". */
export function topicPath(index: SnapshotIndex, topicId: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let topic = index.topics.get(topicId);
  while (topic && !seen.has(topic.id)) {
    seen.add(topic.id);
    names.unshift(topic.name);
    topic = topic.parentId ? index.topics.get(topic.parentId) : undefined;
  }
  return names.join(' › ');
}
