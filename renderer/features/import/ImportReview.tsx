import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { saveImportedDocument, suggestPeople, type SpeakerDecision } from '../../../shared/domain/documents.js';
import { DEBATE_KINDS, DEBATE_KIND_LABELS, PARTICIPANT_ROLES, type DebateKind, type ParticipantRole } from '../../../shared/model.js';
import { request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { useImportStore, type ImportJob } from './importStore.js';
import { speakerLabels, splitSpeaker } from '../../../shared/import/splitSpeaker.js';
import { backupSettled } from '../backups/backupService.js';
import { readableTitle } from '../../../shared/import/readableTitle.js';
import { count } from '../../format/format.js';

const PREVIEW_TURNS = 40;

function guessKind(format: string): DebateKind {
  return format === 'html' || format === 'text' || format === 'markdown' ? 'article' : 'tv-debate';
}

function formatTime(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * The review screen for one parsed document: where it goes, who the speakers are (rename, set role and party, match
 * to a person already in the library, merge two into one) and a preview of the turns. Saving writes it all at once.
 */
export function ImportReview(props: { job: ImportJob }) {
  const { job } = props;
  const [parsed, setParsed] = useState(() => job.result!.documents[job.reviewIndex]!);
  const targetDebateId = useImportStore((s) => s.targetDebateId);
  const people = useLiveQuery(() => db.people.orderBy('name').toArray(), []);
  const debates = useLiveQuery(() => db.debates.toArray(), []);
  const earlier = useLiveQuery(() => db.documents.where('fileHash').equals(job.result!.hash).toArray(), [job.result!.hash]);
  const suggestions = useMemo(() => suggestPeople(parsed.speakers, people ?? []), [parsed.speakers, people]);

  const [title, setTitle] = useState(() => readableTitle(parsed.title));
  const [target, setTarget] = useState<string>(targetDebateId ?? 'new');
  const [debateTitle, setDebateTitle] = useState(() => readableTitle(parsed.title));
  const [debateDate, setDebateDate] = useState(parsed.date ?? '');
  const [kind, setKind] = useState<DebateKind>(guessKind(parsed.format));
  const [decisions, setDecisions] = useState<SpeakerDecision[]>(() =>
    parsed.speakers.map((s) => {
      const d: SpeakerDecision = { parsedId: s.id, name: s.name, aliases: s.aliases, role: s.role ?? 'candidate' };
      if (s.party) d.party = s.party;
      return d;
    }),
  );
  // Suggested matches apply until the user picks otherwise.
  const [matchTouched, setMatchTouched] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const decisionsWithMatches = decisions.map((d) => (matchTouched.has(d.parsedId) || d.personId ? d : suggestions.get(d.parsedId) ? { ...d, personId: suggestions.get(d.parsedId)!.id } : d));
  // Labels such as `BUSH (?)` or `UNIDENTIFIED MALE`: the transcriber was unsure, so the analyst should check.
  const uncertain = useMemo(() => new Set(parsed.speakers.filter((s) => s.uncertain).map((s) => s.id)), [parsed.speakers]);
  const change = (id: string, patch: Partial<SpeakerDecision>) => setDecisions((all) => all.map((d) => (d.parsedId === id ? { ...d, ...patch } : d)));
  const speakerName = (id: string | null) => {
    if (id === null) return undefined;
    const d = decisionsWithMatches.find((x) => x.parsedId === id);
    const final = d?.mergeInto ? decisionsWithMatches.find((x) => x.parsedId === d.mergeInto) : d;
    return final?.name;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      // The backup started when the files were added must be on disk before the import changes anything.
      await backupSettled();
      const stored = await request('vaultPut', { bytes: job.bytes! });
      const saved = await saveImportedDocument(store, {
        parsed,
        fileHash: stored.hash,
        fileName: job.fileName,
        title,
        target: target === 'new' ? { newDebate: { title: debateTitle, kind, ...(debateDate ? { date: debateDate } : {}) } } : { debateId: target },
        speakers: decisionsWithMatches.map((d) => {
          const clean = { ...d };
          if (!clean.personId) delete clean.personId;
          return clean;
        }),
      });
      const imports = useImportStore.getState();
      imports.markReviewed(job.id, 'saved');
      // Nothing else to review or wait for: the dialog closes and the reader opens on the new document.
      if (!useImportStore.getState().jobs.some((j) => j.status === 'parsed' || j.status === 'parsing' || j.status === 'queued')) imports.closeImport();
      const ui = useUiStore.getState();
      ui.selectDebate(saved.debate.id);
      ui.openDocument(saved.document.id);
      ui.notify(`Imported “${saved.document.title}”: ${count(saved.turnCount, 'turn')}, ${count(saved.people.length, 'speaker')}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  function splitOff(parsedId: string, label: string) {
    const { doc, newId } = splitSpeaker(parsed, parsedId, label);
    if (newId === parsedId) return;
    setParsed(doc);
    setDecisions((all) => {
      const from = all.find((d) => d.parsedId === parsedId);
      const updated = all.map((d) => (d.parsedId === parsedId ? { ...d, aliases: d.aliases.filter((a) => a !== label) } : d));
      return [...updated, { parsedId: newId, name: label, aliases: [], role: from?.role ?? 'candidate' }];
    });
  }

  const counts = new Map<string, number>();
  for (const t of parsed.turns) if (t.speaker) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);

  return (
    <form className="import-review" aria-label={`Review ${title}`} onSubmit={save}>
      <h3>Review “{readableTitle(parsed.title)}”</h3>
      {earlier && earlier.length > 0 && (
        <p role="alert" className="warning">
          This file was imported before, as “{earlier[0]!.title}”. Saving will add it again as another document.
        </p>
      )}
      {parsed.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {parsed.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="review-grid">
        <label>
          Document title
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Debate
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="new">A new debate</option>
            {(debates ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        {target === 'new' && (
          <>
            <label>
              New debate title
              <input value={debateTitle} onChange={(e) => setDebateTitle(e.target.value)} />
            </label>
            <label>
              New debate date
              <input type="date" value={debateDate} onChange={(e) => setDebateDate(e.target.value)} />
            </label>
            <label>
              New debate kind
              <select value={kind} onChange={(e) => setKind(e.target.value as DebateKind)}>
                {DEBATE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DEBATE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>

      <h4 id="speakers-heading">Speakers ({decisions.length})</h4>
      {decisions.length === 0 ? (
        <p className="muted">No speakers were found: the document is narration only.</p>
      ) : (
        <div className="review-speakers">
        <table className="table" aria-labelledby="speakers-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Also called</th>
              <th scope="col">Turns</th>
              <th scope="col">Role</th>
              <th scope="col">Party</th>
              <th scope="col">Person in library</th>
              <th scope="col">Merge into</th>
              <th scope="col">Split off</th>
            </tr>
          </thead>
          <tbody>
            {decisionsWithMatches.map((d) => (
              <tr key={d.parsedId} aria-label={d.name}>
                <td>
                  <input
                    aria-label={`Name of ${d.name}`}
                    aria-describedby={uncertain.has(d.parsedId) ? `uncertain-${d.parsedId}` : undefined}
                    value={d.name}
                    onChange={(e) => change(d.parsedId, { name: e.target.value })}
                  />
                  {uncertain.has(d.parsedId) && (
                    <span id={`uncertain-${d.parsedId}`} className="speaker-uncertain small">
                      Uncertain: the transcript is not sure who spoke
                    </span>
                  )}
                </td>
                <td className="small">{d.aliases.join(', ')}</td>
                <td>{counts.get(d.parsedId) ?? 0}</td>
                <td>
                  <select aria-label={`Role of ${d.name}`} value={d.role} onChange={(e) => change(d.parsedId, { role: e.target.value as ParticipantRole })}>
                    {PARTICIPANT_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Party of ${d.name}`} value={d.party ?? ''} onChange={(e) => change(d.parsedId, { party: e.target.value })} />
                </td>
                <td>
                  <select
                    aria-label={`Person in library for ${d.name}`}
                    value={d.personId ?? ''}
                    onChange={(e) => {
                      setMatchTouched((s) => new Set(s).add(d.parsedId));
                      const patch: Partial<SpeakerDecision> = { personId: e.target.value || undefined };
                      change(d.parsedId, patch);
                    }}
                  >
                    <option value="">New person</option>
                    {(people ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                        {suggestions.get(d.parsedId)?.id === p.id ? ' (suggested)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select aria-label={`Merge ${d.name} into`} value={d.mergeInto ?? ''} onChange={(e) => change(d.parsedId, { mergeInto: e.target.value || undefined })}>
                    <option value="">Keep separate</option>
                    {decisions
                      .filter((o) => o.parsedId !== d.parsedId && !o.mergeInto)
                      .map((o) => (
                        <option key={o.parsedId} value={o.parsedId}>
                          {o.name}
                        </option>
                      ))}
                  </select>
                </td>
                <td>
                  {speakerLabels(parsed, d.parsedId).length > 1 ? (
                    <select aria-label={`Split off from ${d.name}`} value="" onChange={(e) => e.target.value && splitOff(d.parsedId, e.target.value)}>
                      <option value="">Keep together</option>
                      {speakerLabels(parsed, d.parsedId).map((l) => (
                        <option key={l.label} value={l.label}>
                          Turns labelled {l.label} ({l.turns})
                        </option>
                      ))}
                    </select>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}

      <h4 id="preview-heading">
        Preview ({count(parsed.turns.length, 'turn')}{parsed.quotes.length > 0 ? `, ${count(parsed.quotes.length, 'attributed quote')}` : ''})
      </h4>
      <ol className="turn-preview" aria-labelledby="preview-heading">
        {parsed.turns.slice(0, PREVIEW_TURNS).map((t, i) => (
          <li key={i} className={`turn turn-${t.kind}`}>
            <span className="turn-speaker">{t.kind === 'speech' ? speakerName(t.speaker) : t.kind === 'stage' ? 'Stage' : t.metadata?.section === 'comments' ? 'Comment' : 'Narration'}</span>
            {t.start !== undefined && <span className="turn-time">{formatTime(t.start)}</span>}
            <span className="turn-text">{t.text.length > 400 ? `${t.text.slice(0, 400)}…` : t.text}</span>
          </li>
        ))}
      </ol>
      {parsed.turns.length > PREVIEW_TURNS && <p className="muted">…and {count(parsed.turns.length - PREVIEW_TURNS, 'more turn', 'more turns')}.</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => useImportStore.getState().markReviewed(job.id, 'skipped')}>
          Don’t save this document
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save document
        </button>
      </div>
    </form>
  );
}
