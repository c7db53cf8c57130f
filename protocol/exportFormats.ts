/** The download formats of GET /api/export and `admin export`, shared by server and PWA. */
export const EXPORT_FORMATS = ['hsds', 'hsds-csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(x: unknown): x is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(x);
}
