import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../protocol/exportFormats';
import { useAppDeps } from '../../../app/deps';
import { t } from '../../../i18n';
import { fetchExport } from '../../../sync/exportDownload';
import { downloadBlob } from '../download';

type State =
  | { state: 'idle' }
  | { state: 'busy'; format: ExportFormat }
  | { state: 'done'; fileName: string }
  | { state: 'failed'; reason: 'offline' | 'auth' | 'server' };

/** The whole directory as HSDS 3.0 or as the spreadsheet template, from the server. */
export function ExportSection() {
  const { account } = useAppDeps();
  const [internal, setInternal] = useState(false);
  const [load, setLoad] = useState<State>({ state: 'idle' });

  const download = async (format: ExportFormat) => {
    setLoad({ state: 'busy', format });
    const result = await fetchExport(
      globalThis.fetch.bind(globalThis),
      account?.token() ?? null,
      format,
      internal,
    );
    if (!result.ok) {
      if (result.reason === 'auth') account?.markExpired();
      setLoad({ state: 'failed', reason: result.reason });
      return;
    }
    downloadBlob(result.fileName, result.blob);
    setLoad({ state: 'done', fileName: result.fileName });
  };

  const message =
    load.state === 'busy'
      ? t('dashboard.export.busy')
      : load.state === 'done'
        ? t('dashboard.export.done', { file: load.fileName })
        : load.state === 'failed'
          ? t(`dashboard.export.${load.reason}`)
          : '';

  return (
    <section class="dashboard__section" aria-labelledby="dash-export">
      <h2 id="dash-export">{t('dashboard.export.title')}</h2>
      <p class="muted">{t('dashboard.export.explain')}</p>
      <div class="dashboard__export-option">
        <input
          type="checkbox"
          id="dash-export-internal"
          checked={internal}
          onChange={(e) => setInternal((e.target as HTMLInputElement).checked)}
        />
        <label for="dash-export-internal">{t('dashboard.export.internal')}</label>
      </div>
      <div class="dashboard__export-buttons">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            class="btn btn--secondary"
            disabled={load.state === 'busy'}
            aria-busy={load.state === 'busy' && load.format === format}
            onClick={() => void download(format)}
          >
            {t(`dashboard.export.format.${format}`)}
          </button>
        ))}
      </div>
      <p
        role="status"
        class={
          load.state === 'failed'
            ? 'dashboard__message dashboard__message--error'
            : 'dashboard__message'
        }
      >
        {message}
      </p>
    </section>
  );
}
