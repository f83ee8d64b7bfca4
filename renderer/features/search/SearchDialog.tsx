import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CLAIM_STATUSES } from '../../../shared/model.js';
import { evidenceText, sourceText, verdictText } from '../../../shared/search/searchEntries.js';
import { hitSpan, type SearchFilters, type SearchHit } from '../../../shared/search/searchIndex.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { onCommand } from '../shell/commands.js';
import { Modal } from '../shell/Modal.js';
import { verdictMark } from '../reader/ClaimMargin.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { useSourcesUi } from '../sources/sourcesUi.js';
import { closeSearch, openSearch, searchLibrary, startSearchIndexSoon, useSearchStore } from './searchService.js';
import './search.css';
import { count } from '../../format/format.js';

/**
 * Full-text search over documents (their turns), claims, notes, library sources, evidence links and verdicts: Ctrl+K
 * or View › Search. Mounted once in App.
 */
export function SearchDialog() {
  // The index keeps itself in step with the library, in its worker (see searchIndexer.ts).
  useEffect(startSearchIndexSoon, []);
  const open = useSearchStore((s) => s.open);
  useEffect(() => onCommand('view:search', openSearch), []);
  return open ? <SearchModal /> : null;
}

/** What a result is, as the list says it. */
const KIND_LABELS: Record<SearchHit['kind'], string> = { turn: 'Text', claim: 'Claim', note: 'Note', source: 'Source', evidence: 'Evidence', verdict: 'Verdict' };

interface ResolvedHit {
  hit: SearchHit;
  kindLabel: string;
  /** The document the hit is in, or for a library source and an evidence link the source's title. */
  title: string;
  /** Who said it: a turn's speaker, a claim's claimant (also for its evidence and verdict). */
  speaker: string | undefined;
  /** The claim's verdict, for claims and their evidence and verdicts. */
  verdict: string | undefined;
  /** For evidence and verdicts: the claim they belong to. */
  claimText: string | undefined;
  snippet: ReactNode;
  debateId: string | undefined;
  /** The exact span to reveal in the document. */
  span: { start: number; end: number } | undefined;
}

const SNIPPET_RADIUS = 70;
/** How many results a search shows, best first. */
const RESULT_LIMIT = 50;

function snippetOf(text: string, span: { start: number; end: number } | undefined): ReactNode {
  if (!span) return text.length > 2 * SNIPPET_RADIUS ? `${text.slice(0, 2 * SNIPPET_RADIUS)}…` : text;
  const from = Math.max(0, span.start - SNIPPET_RADIUS);
  const to = Math.min(text.length, span.end + SNIPPET_RADIUS);
  return (
    <>
      {from > 0 ? '…' : ''}
      {text.slice(from, span.start)}
      <mark>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end, to)}
      {to < text.length ? '…' : ''}
    </>
  );
}

function short(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const defined = <T,>(list: (T | undefined)[]): T[] => list.filter((x): x is T => x !== undefined);

/** Reads what a list of hits needs to be shown and opened: texts for snippets and exact spans, titles, speakers, verdicts. */
async function resolveHits(hits: SearchHit[]): Promise<ResolvedHit[]> {
  const ids = (kind: SearchHit['kind']) => hits.filter((h) => h.kind === kind).map((h) => h.recordId);
  const [turns, notes, evidence, verdictRecords, scales] = await Promise.all([
    db.turns.bulkGet(ids('turn')),
    db.notes.bulkGet(ids('note')),
    db.evidence.bulkGet(ids('evidence')),
    db.verdicts.bulkGet(ids('verdict')),
    db.scales.toArray(),
  ]);
  const claimIds = [...new Set([...ids('claim'), ...defined(hits.map((h) => h.claimId))])];
  const sourceIds = [...new Set([...ids('source'), ...defined(evidence).map((e) => e.sourceId)])];
  const docIds = [...new Set(defined(hits.map((h) => h.documentId)))];
  const [claims, sources, documents, claimVerdicts] = await Promise.all([
    db.claims.bulkGet(claimIds),
    db.sources.bulkGet(sourceIds),
    db.documents.bulkGet(docIds),
    db.verdicts.where('claimId').anyOf(claimIds).toArray(),
  ]);
  const personIds = [...new Set([...defined(turns).map((t) => t.personId ?? undefined), ...defined(claims).map((c) => c.claimantId)].filter((p): p is string => !!p))];
  const people = await db.people.bulkGet(personIds);

  const docById = new Map(defined(documents).map((d) => [d.id, d]));
  const claimById = new Map(defined(claims).map((c) => [c.id, c]));
  const sourceById = new Map(defined(sources).map((s) => [s.id, s]));
  const personName = new Map(defined(people).map((p) => [p.id, p.name]));
  const turnById = new Map(defined(turns).map((t) => [t.id, t]));
  const noteById = new Map(defined(notes).map((n) => [n.id, n]));
  const evidenceById = new Map(defined(evidence).map((e) => [e.id, e]));
  const verdictById = new Map(defined(verdictRecords).map((v) => [v.id, v]));
  const verdictOfClaim = new Map(claimVerdicts.map((v) => [v.claimId, v]));
  const scaleById = new Map(scales.map((s) => [s.id, s]));
  const claimFacts = (claimId: string | undefined) => {
    const claim = claimId ? claimById.get(claimId) : undefined;
    if (!claim) return { speaker: undefined, verdict: undefined, claim };
    const verdict = verdictOfClaim.get(claim.id);
    return { claim, speaker: claim.claimantId ? personName.get(claim.claimantId) : undefined, verdict: verdict ? verdictMark(verdict, scaleById).label : undefined };
  };

  return hits.flatMap((hit): ResolvedHit[] => {
    const doc = hit.documentId ? docById.get(hit.documentId) : undefined;
    const documentTitle = doc?.title ?? 'Not in a document';
    let text: string;
    let title = documentTitle;
    let speaker: string | undefined;
    let verdict: string | undefined;
    let claimText: string | undefined;
    switch (hit.kind) {
      case 'turn': {
        const turn = turnById.get(hit.recordId);
        if (!turn) return [];
        text = turn.text;
        speaker = turn.personId ? personName.get(turn.personId) : undefined;
        break;
      }
      case 'claim': {
        const facts = claimFacts(hit.recordId);
        if (!facts.claim) return [];
        text = facts.claim.notes ? `${facts.claim.text}\n${facts.claim.notes}` : facts.claim.text;
        ({ speaker, verdict } = facts);
        break;
      }
      case 'note': {
        const note = noteById.get(hit.recordId);
        if (!note) return [];
        text = note.body;
        break;
      }
      case 'source': {
        const source = sourceById.get(hit.recordId);
        if (!source) return [];
        text = sourceText(source);
        title = sourceTitle(source);
        break;
      }
      case 'evidence': {
        const link = evidenceById.get(hit.recordId);
        if (!link) return [];
        text = evidenceText(link);
        const source = sourceById.get(link.sourceId);
        title = source ? sourceTitle(source) : 'A deleted source';
        const facts = claimFacts(link.claimId);
        ({ speaker, verdict } = facts);
        claimText = facts.claim?.text;
        break;
      }
      case 'verdict': {
        const record = verdictById.get(hit.recordId);
        if (!record) return [];
        text = verdictText(record);
        const facts = claimFacts(record.claimId);
        ({ speaker, verdict } = facts);
        claimText = facts.claim?.text;
        break;
      }
    }
    const local = hitSpan(text, hit.terms);
    let span: ResolvedHit['span'];
    if (hit.kind === 'turn' && hit.start !== undefined) span = local ? { start: hit.start + local.start, end: hit.start + local.end } : { start: hit.start, end: hit.end ?? hit.start };
    else if (hit.start !== undefined && hit.end !== undefined) span = { start: hit.start, end: hit.end };
    return [{ hit, kindLabel: KIND_LABELS[hit.kind], title, speaker, verdict, claimText, snippet: snippetOf(text, local), debateId: doc?.debateId, span }];
  });
}

/** The status line: how many results for what, in words (and, before the index is ready, why there may be none). */
function resultsStatus(query: string, results: number, ready: boolean): string {
  const q = query.trim();
  if (!q) return '';
  if (results >= RESULT_LIMIT) return `The first ${count(results, 'result')} for “${q}”: add a word or a filter to narrow them.`;
  if (results > 0) return `${count(results, 'result')} for “${q}”`;
  return ready ? `No results for “${q}”` : `No results for “${q}” yet: the index is still reading the library.`;
}

function SearchModal() {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<{ personId: string; debateId: string; topicId: string; verdict: string; status: string }>({ personId: '', debateId: '', topicId: '', verdict: '', status: '' });
  const [active, setActive] = useState(0);
  const revision = useSearchStore((s) => s.revision);
  const origin = useSearchStore((s) => s.origin);
  const entries = useSearchStore((s) => s.entries);
  const updatedSources = useSearchStore((s) => s.updatedSources);
  const saved = useSearchStore((s) => s.saved);
  const where = useSearchStore((s) => s.where);
  const inStep = useSearchStore((s) => s.inStep);
  const listRef = useRef<HTMLUListElement>(null);

  const people = useLiveQuery(() => db.people.orderBy('name').toArray(), []);
  const debates = useLiveQuery(() => db.debates.toArray(), []);
  const topics = useLiveQuery(() => db.topics.toArray(), []);
  const scales = useLiveQuery(() => db.scales.toArray(), []);

  const searchFilters = useMemo<SearchFilters>(() => {
    const f: SearchFilters = {};
    if (filters.personId) f.personId = filters.personId;
    if (filters.debateId) f.debateId = filters.debateId;
    if (filters.verdict) f.verdict = filters.verdict;
    if (filters.status) f.status = filters.status;
    if (filters.topicId) {
      // A topic includes its subtopics.
      const ids = new Set([filters.topicId]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const t of topics ?? []) {
          if (t.parentId && ids.has(t.parentId) && !ids.has(t.id)) {
            ids.add(t.id);
            grew = true;
          }
        }
      }
      f.topicIds = [...ids];
    }
    return f;
  }, [filters, topics]);

  // Search runs in the worker; only the answer to the latest query is shown. `revision` re-runs it when the index
  // changes.
  // The answer remembers its query, so the status line never puts one query's count beside another's words.
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  useEffect(() => {
    let current = true;
    searchLibrary(query, searchFilters, RESULT_LIMIT).then(
      (found) => current && setAnswer({ query, hits: found }),
      (error: unknown) => console.warn('Search failed', error),
    );
    return () => {
      current = false;
    };
  }, [query, searchFilters, revision]);
  const resolved = useLiveQuery(async () => ({ query: answer.query, results: await resolveHits(answer.hits) }), [answer]);
  const results = resolved?.results ?? [];
  useEffect(() => setActive(0), [answer]);

  const openResult = (r: ResolvedHit) => {
    const ui = useUiStore.getState();
    if (r.hit.kind === 'source') {
      // The Sources page at that source, with the list's filters cleared so it is in the list too.
      ui.setSection('sources');
      const sourcesUi = useSourcesUi.getState();
      sourcesUi.setFilter({ filterText: '', filterKind: '', filterTag: '' });
      sourcesUi.selectSource(r.hit.recordId);
      closeSearch();
      return;
    }
    // A claim, or the claim an evidence link or a verdict belongs to, opens in the side panel (with its evidence and
    // verdict), and the reader shows where it was said.
    const claimId = r.hit.kind === 'claim' ? r.hit.recordId : r.hit.claimId;
    if (claimId) {
      ui.selectClaim(claimId);
      if (!ui.sidePanelOpen) ui.toggleSidePanel();
    }
    if (r.hit.documentId && r.debateId && r.span) ui.revealSpan({ documentId: r.hit.documentId, debateId: r.debateId, start: r.span.start, end: r.span.end });
    closeSearch();
  };

  const topicName = (id: string): string => {
    const path: string[] = [];
    let t = topics?.find((x) => x.id === id);
    while (t && path.length < 8) {
      path.unshift(t.name);
      t = t.parentId ? topics?.find((x) => x.id === t!.parentId) : undefined;
    }
    return path.join(' › ');
  };
  const verdictOptions = useMemo(() => {
    const out = new Map<string, string>();
    for (const scale of scales ?? []) for (const step of scale.steps) if (!out.has(step.id)) out.set(step.id, step.label);
    out.set('conclusion', 'Conclusion only');
    out.set('none', 'No verdict yet');
    return [...out];
  }, [scales]);

  const status =
    origin === undefined
      ? 'Opening the index…'
      : `${origin.kind === 'disk' ? `Index loaded from disk: ${count(origin.entries, 'entry', 'entries')}` : 'Index built from the library'}; ${count(updatedSources, 'record')} updated since; ${count(entries, 'entry', 'entries')}${saved ? ', saved' : ''}${where === 'window' ? ' (no worker: searching in the window)' : ''}.`;

  const activeId = results[active] ? `search-result-${active}` : undefined;
  const setFilter = (key: keyof typeof filters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <Modal title="Search" onClose={closeSearch} wide>
      <div className="search">
        <input
          type="search"
          role="combobox"
          aria-label="Search documents, claims and notes, sources, evidence and conclusions"
          aria-expanded={results.length > 0}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoFocus
          value={query}
          placeholder="Search… (prefix and typos allowed)"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, Math.max(0, results.length - 1)));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Escape') {
              // A search field would clear itself on Escape first; here Escape closes the dialog at once.
              e.preventDefault();
              closeSearch();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const r = results[active];
              if (r) openResult(r);
            }
          }}
        />
        <fieldset className="search-filters">
          <legend className="small muted">Filters</legend>
          <label>
            Speaker
            <select value={filters.personId} onChange={setFilter('personId')}>
              <option value="">Anyone</option>
              {people?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Debate
            <select value={filters.debateId} onChange={setFilter('debateId')}>
              <option value="">Any debate</option>
              {debates?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Topic
            <select value={filters.topicId} onChange={setFilter('topicId')}>
              <option value="">Any topic</option>
              {topics
                ?.map((t) => [t.id, topicName(t.id)] as const)
                .sort((a, b) => a[1].localeCompare(b[1]))
                .map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Verdict
            <select value={filters.verdict} onChange={setFilter('verdict')}>
              <option value="">Any verdict</option>
              {verdictOptions.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select value={filters.status} onChange={setFilter('status')}>
              <option value="">Any status</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <p className="small muted">Topic, verdict and status are facts of claims: choosing one shows claims only.</p>
        <p role="status" className="small muted search-count">
          {resolved ? resultsStatus(resolved.query, results.length, inStep || origin?.kind === 'disk') : ''}
        </p>
        <ul id="search-results" role="listbox" aria-label="Results" className="search-results" ref={listRef}>
          {results.map((r, i) => (
            <li
              key={r.hit.id}
              id={`search-result-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search-result active' : 'search-result'}
              onMouseEnter={() => setActive(i)}
              onClick={() => openResult(r)}
              ref={(el) => {
                if (i === active) el?.scrollIntoView({ block: 'nearest' });
              }}
            >
              <span className="search-kind small">{r.kindLabel}</span> <span className="search-title small muted">{r.title}</span>
              {r.speaker && <span className="search-speaker small">{r.speaker}</span>}
              {r.verdict && <span className="search-verdict small">Verdict: {r.verdict}</span>}
              {r.claimText && <span className="search-claim small muted">Claim: “{short(r.claimText)}”</span>}
              <span className="search-snippet">{r.snippet}</span>
            </li>
          ))}
        </ul>
        <p className="small muted">↑ ↓ to choose, Enter to open, Esc to close.</p>
        <p role="status" aria-label="Search index" className="small muted">
          {status}
        </p>
        <div className="search-actions">
          <button type="button" onClick={closeSearch}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
