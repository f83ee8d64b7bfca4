import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CLAIM_STATUSES } from '../../../shared/model.js';
import { hitSpan, type SearchFilters, type SearchHit } from '../../../shared/search/searchIndex.js';
import { db } from '../../db/database.js';
import { useUiStore } from '../../state/uiStore.js';
import { onCommand } from '../shell/commands.js';
import { Modal } from '../shell/Modal.js';
import { closeSearch, openSearch, searchLibrary, startSearchIndexSoon, useSearchStore } from './searchService.js';
import './search.css';
import { count } from '../../format/format.js';

/** Full-text search over documents, claims and notes: Ctrl+K or View › Search. Mounted once in App. */
export function SearchDialog() {
  // The index keeps itself in step with the library, in its worker (see searchIndexer.ts).
  useEffect(startSearchIndexSoon, []);
  const open = useSearchStore((s) => s.open);
  useEffect(() => onCommand('view:search', openSearch), []);
  return open ? <SearchModal /> : null;
}

interface ResolvedHit {
  hit: SearchHit;
  title: string;
  kindLabel: string;
  snippet: ReactNode;
  debateId: string | undefined;
  /** The exact span to reveal in the document. */
  span: { start: number; end: number } | undefined;
}

const SNIPPET_RADIUS = 70;

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

/** Reads what a list of hits needs to be shown and opened: texts for snippets and exact spans, titles. */
async function resolveHits(hits: SearchHit[]): Promise<ResolvedHit[]> {
  const ids = (kind: SearchHit['kind']) => hits.filter((h) => h.kind === kind).map((h) => h.recordId);
  const [turns, claims, notes] = await Promise.all([db.turns.bulkGet(ids('turn')), db.claims.bulkGet(ids('claim')), db.notes.bulkGet(ids('note'))]);
  const docIds = [...new Set(hits.map((h) => h.documentId).filter((d): d is string => d !== undefined))];
  const documents = await db.documents.bulkGet(docIds);
  const docById = new Map(documents.filter((d) => d !== undefined).map((d) => [d.id, d]));
  const byId = new Map<string, { text: string }>();
  for (const r of [...turns, ...claims]) if (r) byId.set(r.id, r);
  for (const n of notes) if (n) byId.set(n.id, { text: n.body });
  return hits.flatMap((hit) => {
    const record = byId.get(hit.recordId);
    if (!record) return [];
    const doc = hit.documentId ? docById.get(hit.documentId) : undefined;
    const local = hitSpan(record.text, hit.terms);
    let span: ResolvedHit['span'];
    if (hit.kind === 'turn' && hit.start !== undefined) span = local ? { start: hit.start + local.start, end: hit.start + local.end } : { start: hit.start, end: hit.end ?? hit.start };
    else if (hit.start !== undefined && hit.end !== undefined) span = { start: hit.start, end: hit.end };
    return [
      {
        hit,
        title: doc?.title ?? 'Not in a document',
        kindLabel: hit.kind === 'turn' ? 'Text' : hit.kind === 'claim' ? 'Claim' : 'Note',
        snippet: snippetOf(record.text, local),
        debateId: doc?.debateId,
        span,
      },
    ];
  });
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
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    let current = true;
    searchLibrary(query, searchFilters).then(
      (found) => current && setHits(found),
      (error: unknown) => console.warn('Search failed', error),
    );
    return () => {
      current = false;
    };
  }, [query, searchFilters, revision]);
  const resolved = useLiveQuery(() => resolveHits(hits), [hits]);
  const results = resolved ?? [];
  useEffect(() => setActive(0), [hits]);

  const openResult = (r: ResolvedHit) => {
    const ui = useUiStore.getState();
    if (r.hit.kind === 'claim') ui.selectClaim(r.hit.recordId);
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
      : `${origin.kind === 'disk' ? `Index loaded from disk: ${origin.entries} entries` : 'Index built from the library'}; ${updatedSources} ${updatedSources === 1 ? 'source' : 'sources'} updated since; ${entries} entries${saved ? ', saved' : ''}${where === 'window' ? ' (no worker: searching in the window)' : ''}.`;

  const activeId = results[active] ? `search-result-${active}` : undefined;
  const setFilter = (key: keyof typeof filters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <Modal title="Search" onClose={closeSearch} wide>
      <div className="search">
        <input
          type="search"
          role="combobox"
          aria-label="Search documents, claims and notes"
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
          {query.trim() ? count(results.length, 'result') : ''}
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
