import { useState } from 'react';
import { saveScale } from '../../../shared/domain/claims.js';
import type { VerdictScale, VerdictStep } from '../../../shared/model.js';
import { store } from '../../db/store.js';
import { Modal } from '../shell/Modal.js';

function slug(label: string, i: number): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `step-${i + 1}`;
}

/**
 * A small editor for a user-defined verdict scale: name, rated or conclusion only, and steps from most true to most
 * false with label, colour and value on the common scale (1 true … 0 false). saveScale validates it.
 */
export function ScaleEditor(props: { onClose: (saved?: VerdictScale) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'rated' | 'conclusion-only'>('rated');
  const [steps, setSteps] = useState<Omit<VerdictStep, 'id'>[]>([
    { label: 'Accurate', color: '#2166ac', value: 1 },
    { label: 'Inaccurate', color: '#b2182b', value: 0 },
  ]);
  const [errors, setErrors] = useState<string>();
  const update = (i: number, patch: Partial<Omit<VerdictStep, 'id'>>) => setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) =>
    setSteps((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  return (
    <Modal title="New verdict scale" onClose={() => props.onClose()}>
      <form
        aria-label="Verdict scale"
        className="claim-form"
        onSubmit={async (event) => {
          event.preventDefault();
          event.stopPropagation();
          try {
            const saved = await saveScale(store, { name, kind, steps: kind === 'rated' ? steps.map((s, i) => ({ ...s, id: slug(s.label, i) })) : [] });
            props.onClose(saved);
          } catch (error) {
            setErrors(error instanceof Error ? error.message : String(error));
          }
        }}
      >
        <label>
          Scale name
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <label>
          Kind
          <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'rated' | 'conclusion-only')}>
            <option value="rated">Rated steps</option>
            <option value="conclusion-only">Conclusion only</option>
          </select>
        </label>
        {kind === 'rated' && (
          <table className="table" aria-label="Steps, most true first">
            <thead>
              <tr>
                <th>Label</th>
                <th>Colour</th>
                <th>Value (1 true … 0 false)</th>
                <th>Order</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s, i) => (
                <tr key={i}>
                  <td>
                    <input aria-label={`Step ${i + 1} label`} value={s.label} onChange={(e) => update(i, { label: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`Step ${i + 1} colour`} type="color" value={s.color} onChange={(e) => update(i, { color: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`Step ${i + 1} value`} type="number" min={0} max={1} step={0.05} value={s.value} onChange={(e) => update(i, { value: Number(e.target.value) })} />
                  </td>
                  <td>
                    <button type="button" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Move step ${i + 1} down`} disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button type="button" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps((list) => list.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {kind === 'rated' && (
          <button type="button" onClick={() => setSteps((list) => [...list, { label: '', color: '#9e9e9e', value: 0 }])}>
            Add step
          </button>
        )}
        {errors && <p role="alert">{errors}</p>}
        <div className="form-actions">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save scale
          </button>
        </div>
      </form>
    </Modal>
  );
}
