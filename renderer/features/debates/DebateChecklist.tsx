import type { Debate } from '../../../shared/model.js';

/** A group of check boxes, one per debate, for any command that works on chosen debates (triage, export). */
export function DebateChecklist(props: { legend: string; debates: Debate[]; chosen: Set<string>; onChange: (next: Set<string>) => void; className?: string }) {
  return (
    <fieldset className={props.className}>
      <legend>{props.legend}</legend>
      {props.debates.map((d) => (
        <label key={d.id}>
          <input
            type="checkbox"
            checked={props.chosen.has(d.id)}
            onChange={(e) => {
              const next = new Set(props.chosen);
              if (e.target.checked) next.add(d.id);
              else next.delete(d.id);
              props.onChange(next);
            }}
          />{' '}
          {d.title}
          {d.date ? ` (${d.date})` : ''}
        </label>
      ))}
    </fieldset>
  );
}
