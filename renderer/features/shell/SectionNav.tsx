import { useUiStore, type Section } from '../../state/uiStore.js';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'debates', label: 'Debates' },
  { id: 'sources', label: 'Sources' },
  { id: 'compare', label: 'Compare' },
  { id: 'reports', label: 'Reports' },
];

/** Switches between the app's sections. */
export function SectionNav() {
  const section = useUiStore((s) => s.section);
  const setSection = useUiStore((s) => s.setSection);
  return (
    <nav aria-label="Sections" className="section-nav">
      {SECTIONS.map((s) => (
        <button key={s.id} type="button" aria-current={section === s.id ? 'page' : undefined} onClick={() => setSection(s.id)}>
          {s.label}
        </button>
      ))}
    </nav>
  );
}
