/** OpenStreetMap link with a marker, or undefined without valid coordinates. */
export function osmHref(
  lat: number | null | undefined,
  lon: number | null | undefined,
): string | undefined {
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const la = lat.toFixed(6).replace(/\.?0+$/, '');
  const lo = lon.toFixed(6).replace(/\.?0+$/, '');
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=18/${la}/${lo}`;
}

/** Without coordinates: an OpenStreetMap search for the address. */
export function osmSearchHref(address: string): string | undefined {
  const q = address.trim();
  if (!q) return undefined;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(q)}`;
}
