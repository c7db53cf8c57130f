import { useState } from 'preact/hooks';
import { type ImportReport, MAX_IMPORT_BYTES } from '../../../../protocol/importReport';
import { useAppDeps } from '../../../app/deps';
import { formatNumber } from '../../../components/format';
import { t } from '../../../i18n';
import { type ImportFailure, uploadImport } from '../../../sync/importApi';
import { ScrollBox } from '../ScrollBox';
import { MappingEditor } from './MappingEditor';

type State =
  | { state: 'idle' }
  | { state: 'busy'; commit: boolean }
  | { state: 'report'; report: ImportReport }
  | { state: 'failed'; reason: ImportFailure };

const TABLES = ['organizations', 'locations', 'services', 'schedules', 'contacts'] as const;
const SHOWN_FINDINGS = 20;
/** One empty list, so the mapping editor's list is not rebuilt on every render. */
const NO_TERMS: ImportReport['unmappedTerms'] = [];

function Report({ report }: { report: ImportReport }) {
  const counts = report.counts;
  return (
    <>
      {counts && (
        <ScrollBox label={t('dashboard.import.countsCaption')}>
          <table class="dashboard__table dashboard__table--numbers">
            <caption>{t('dashboard.import.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.import.table.title')}</th>
                <th scope="col">{t('dashboard.import.create')}</th>
                <th scope="col">{t('dashboard.import.update')}</th>
                <th scope="col">{t('dashboard.import.unchanged')}</th>
                <th scope="col">{t('dashboard.import.delete')}</th>
              </tr>
            </thead>
            <tbody>
              {TABLES.filter((table) => counts[table]).map((table) => {
                const c = counts[table];
                return (
                  <tr key={table}>
                    <th scope="row">{t(`dashboard.import.table.${table}`)}</th>
                    <td>{formatNumber(c?.create ?? 0)}</td>
                    <td>{formatNumber(c?.update ?? 0)}</td>
                    <td>{formatNumber(c?.unchanged ?? 0)}</td>
                    <td>{formatNumber(c?.delete ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <p>
        {t('dashboard.import.findings', {
          errors: formatNumber(report.errorCount),
          warnings: formatNumber(report.issueCount - report.errorCount),
        })}
      </p>
      {!counts && (
        // The file could not be read at all: the tool's own lines say why.
        <ul class="dashboard__findings" lang="de">
          {report.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {report.issues.length > 0 && (
        <ul class="dashboard__findings">
          {report.issues.slice(0, SHOWN_FINDINGS).map((i, n) => (
            <li
              key={`${n}-${i.code}`}
              class={i.severity === 'error' ? 'dashboard__finding--error' : ''}
            >
              <strong>
                {t(i.severity === 'error' ? 'dashboard.import.error' : 'dashboard.import.warning')}
              </strong>{' '}
              {[
                i.file,
                i.row > 0 ? t('dashboard.import.row', { row: formatNumber(i.row) }) : '',
                i.column ? t('dashboard.import.column', { column: i.column }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
              : <span lang="de">{i.message}</span> <code>{i.code}</code>
            </li>
          ))}
        </ul>
      )}
      {report.issueCount > SHOWN_FINDINGS && (
        <p class="muted">
          {t('dashboard.import.more', { n: formatNumber(report.issueCount - SHOWN_FINDINGS) })}
        </p>
      )}
      {report.unmappedTermCount > 0 && (
        <p>{t('dashboard.import.unmapped', { n: formatNumber(report.unmappedTermCount) })}</p>
      )}
      {report.unassignedLocations > 0 && (
        <p>{t('dashboard.import.unassigned', { n: formatNumber(report.unassignedLocations) })}</p>
      )}
    </>
  );
}

/** Upload of an HSDS file or the spreadsheet: a dry run first, then the commit. */
export function ImportSection() {
  const { account } = useAppDeps();
  const [file, setFile] = useState<File | null>(null);
  const [load, setLoad] = useState<State>({ state: 'idle' });
  const [mappingOpen, setMappingOpen] = useState(false);

  const send = async (commit: boolean) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setLoad({ state: 'failed', reason: 'tooLarge' });
      return;
    }
    setLoad({ state: 'busy', commit });
    const result = await uploadImport(
      globalThis.fetch.bind(globalThis),
      account?.token() ?? null,
      file,
      commit,
    );
    if (!result.ok) {
      if (result.reason === 'auth') account?.markExpired();
      setLoad({ state: 'failed', reason: result.reason });
      return;
    }
    setLoad({ state: 'report', report: result.report });
    if (result.report.unmappedTerms.length > 0) setMappingOpen(true);
  };

  const report = load.state === 'report' ? load.report : null;
  const message =
    load.state === 'busy'
      ? t(load.commit ? 'dashboard.import.committing' : 'dashboard.import.checking')
      : load.state === 'failed'
        ? t(`dashboard.import.failed.${load.reason}`, {
            mb: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024),
          })
        : report
          ? t(
              report.committed
                ? 'dashboard.import.committed'
                : report.ok
                  ? 'dashboard.import.ready'
                  : 'dashboard.import.blocked',
            )
          : '';

  return (
    <section class="dashboard__section" aria-labelledby="dash-import">
      <h2 id="dash-import">{t('dashboard.import.title')}</h2>
      <p class="muted">{t('dashboard.import.explain')}</p>
      <div class="field">
        <label class="field__label" for="dash-import-file">
          {t('dashboard.import.file')}
        </label>
        <input
          id="dash-import-file"
          type="file"
          class="dashboard__file"
          accept=".json,.csv,.xlsx,.zip"
          onChange={(e) => {
            setFile((e.target as HTMLInputElement).files?.[0] ?? null);
            setLoad({ state: 'idle' });
          }}
        />
      </div>
      <div class="dashboard__export-buttons">
        <button
          type="button"
          class="btn btn--secondary"
          disabled={!file || load.state === 'busy'}
          onClick={() => void send(false)}
        >
          {t('dashboard.import.check')}
        </button>
        {report?.ok && !report.committed && (
          <button type="button" class="btn" onClick={() => void send(true)}>
            {t('dashboard.import.commit')}
          </button>
        )}
      </div>
      <p
        role="status"
        class={
          load.state === 'failed' || (report && !report.ok)
            ? 'dashboard__message dashboard__message--error'
            : 'dashboard__message'
        }
      >
        {message}
      </p>
      {report && <Report report={report} />}
      <details
        class="mapping-editor__panel"
        open={mappingOpen}
        onToggle={(e) => setMappingOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t('dashboard.import.mapping.title')}</summary>
        {mappingOpen && (
          <MappingEditor
            unmapped={report?.unmappedTerms ?? NO_TERMS}
            onSaved={() => {
              if (file) void send(false);
            }}
          />
        )}
      </details>
    </section>
  );
}
