import { qrPath } from './qrPath';
import './QrCode.css';

/** The QR code of a URL; `label` names it for screen readers. */
export function QrCode({
  value,
  label,
  class: cls,
}: {
  value: string;
  label: string;
  class?: string;
}) {
  const { size, d } = qrPath(value);
  return (
    <svg
      class={`qr-code${cls ? ` ${cls}` : ''}`}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
