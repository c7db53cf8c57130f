import { encode } from 'uqr';

/**
 * A QR code as one SVG path (a square per dark module), built from the module matrix —
 * no HTML strings. Error correction M survives a creased or smudged paper slip.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, d };
}
