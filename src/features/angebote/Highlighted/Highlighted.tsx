import type { Segment } from '../../../search/highlight';
import './Highlighted.css';

/**
 * Text with the matched parts in <mark>. Rendered as text nodes, never as HTML: the text
 * comes from many Träger and devices.
 */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} class="hl">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
