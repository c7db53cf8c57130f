/** Sends one file to POST /api/import (coordinators only) for a dry run or a commit. */
import type { ImportReport } from '../../protocol/importReport';
import type { FetchLike } from './pull';

export type ImportUpload =
  | { ok: true; report: ImportReport }
  | { ok: false; reason: 'offline' | 'auth' | 'tooLarge' | 'badFile' | 'server' };

export async function uploadImport(
  fetch: FetchLike,
  token: string | null,
  file: Blob & { name: string },
  commit: boolean,
  baseUrl = '',
): Promise<ImportUpload> {
  if (!token) return { ok: false, reason: 'auth' };
  const query = new URLSearchParams({ file: file.name, ...(commit ? { commit: '1' } : {}) });
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: file,
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, reason: 'auth' };
  if (res.status === 413) return { ok: false, reason: 'tooLarge' };
  if (res.status === 400) return { ok: false, reason: 'badFile' };
  if (!res.ok) return { ok: false, reason: 'server' };
  const report = (await res.json().catch(() => null)) as ImportReport | null;
  if (
    !report ||
    typeof report !== 'object' ||
    !Array.isArray(report.issues) ||
    !Array.isArray(report.unmappedTerms)
  ) {
    return { ok: false, reason: 'server' };
  }
  return { ok: true, report };
}
