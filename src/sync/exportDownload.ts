/** Fetches an export download (GET /api/export, coordinators only) as one file. */
import type { ExportFormat } from '../../protocol/exportFormats';
import type { FetchLike } from './pull';

export type ExportDownload =
  | { ok: true; blob: Blob; fileName: string }
  | { ok: false; reason: 'offline' | 'auth' | 'server' };

const EXTENSIONS: Record<ExportFormat, string> = { hsds: 'json', 'hsds-csv': 'zip', xlsx: 'xlsx' };

/** The server's file name, if it is a plain one; a download never names a path. */
function fileNameOf(res: Response, format: ExportFormat): string {
  const given = /filename="([\w.-]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return given ?? `quartier-wegweiser.${EXTENSIONS[format]}`;
}

export async function fetchExport(
  fetch: FetchLike,
  token: string | null,
  format: ExportFormat,
  includeInternal: boolean,
  baseUrl = '',
): Promise<ExportDownload> {
  if (!token) return { ok: false, reason: 'auth' };
  const query = new URLSearchParams({ format, ...(includeInternal ? { internal: '1' } : {}) });
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, reason: 'auth' };
  if (!res.ok) return { ok: false, reason: 'server' };
  try {
    return { ok: true, blob: await res.blob(), fileName: fileNameOf(res, format) };
  } catch {
    // The connection broke while the file came in.
    return { ok: false, reason: 'offline' };
  }
}
