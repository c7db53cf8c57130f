import type { ComponentChildren } from 'preact';
import './FactList.css';

export interface Fact {
  term: string;
  value: ComponentChildren;
}

/** Label/value pairs as a description list; empty values are left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((f) => f.value !== null && f.value !== undefined && f.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="fact-list">
      {shown.map((f) => (
        <div key={f.term} class="fact-list__row">
          <dt>{f.term}</dt>
          <dd class="pre-line">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
