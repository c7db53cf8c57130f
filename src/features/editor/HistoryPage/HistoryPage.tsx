import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatDateTime } from '../../../components/format';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import './HistoryPage.css';

/** One audit row as GET /api/audit/:table/:id sends it (HSDS metadata style). */
interface AuditEntry {
  id: string;
  last_action_date: string;
  last_action_type: 'create' | 'update' | 'delete' | 'restore';
  field_name: string;
  previous_value: unknown;
  replacement_value: unknown;
  updated_by: string | null;
  version: number;
}

type Load =
  | { state: 'loading' }
  | { state: 'ok'; entries: AuditEntry[] }
  | { state: 'error'; reason: 'offline' | 'auth' | 'server' };

/** Values as plain text (rendered as text, never as markup). */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return JSON.stringify(value);
}

function fieldLabel(field: string): string {
  const key = `editor.field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** Verlauf eines Angebots: wer hat wann welches Feld wie geändert (nur mit Verbindung). */
export function HistoryPage({ id }: { id: string }) {
  const { db, account } = useAppDeps();
  const service = useLiveQuery(() => db.services.get(id), [db, id]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let active = true;
    const token = account?.token();
    if (!token) {
      setLoad({ state: 'error', reason: 'auth' });
      return;
    }
    fetch(`/api/audit/services/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      cache: 'no-store',
    })
      .then(async (res) => {
        if (!active) return;
        if (res.status === 401) {
          account?.markExpired();
          setLoad({ state: 'error', reason: 'auth' });
        } else if (!res.ok) {
          setLoad({ state: 'error', reason: 'server' });
        } else {
          const body = (await res.json()) as { entries?: AuditEntry[] };
          setLoad({ state: 'ok', entries: body.entries ?? [] });
        }
      })
      .catch(() => active && setLoad({ state: 'error', reason: 'offline' }));
    return () => {
      active = false;
    };
  }, [id, account]);

  // Newest change first; the fields of one change (one version) together.
  const groups = new Map<number, AuditEntry[]>();
  if (load.state === 'ok') {
    for (const e of [...load.entries].reverse()) {
      const list = groups.get(e.version) ?? [];
      list.push(e);
      groups.set(e.version, list);
    }
  }

  return (
    <div class="page history-page">
      <p>
        <a href={`/bearbeiten/angebote/${id}`}>{t('editor.backToService')}</a>
      </p>
      <PageHeading title={t('editor.history.title', { name: service?.name ?? '' })} />
      {load.state === 'loading' && (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {load.state === 'error' && (
        <p role="alert">
          {t(`editor.history.error.${load.reason}`)}
          {load.reason === 'auth' && (
            <>
              {' '}
              <a href={`/anmelden?weiter=/bearbeiten/angebote/${id}/verlauf`}>
                {t('account.signInAgain')}
              </a>
            </>
          )}
        </p>
      )}
      {load.state === 'ok' && groups.size === 0 && <p>{t('editor.history.empty')}</p>}
      {load.state === 'ok' && groups.size > 0 && (
        <ol class="history-page__list">
          {[...groups.values()].map((entries) => {
            const first = entries[0] as AuditEntry;
            return (
              <li key={first.version} class="card history-page__item">
                <p class="history-page__when">
                  <strong>{t(`editor.history.action.${first.last_action_type}`)}</strong>
                  {' · '}
                  {formatDateTime(first.last_action_date)}
                  {' · '}
                  {first.updated_by ?? t('editor.history.unknownUser')}
                </p>
                {first.last_action_type === 'update' && (
                  <dl class="history-page__fields">
                    {entries.map((e) => (
                      <div key={e.id}>
                        <dt>{fieldLabel(e.field_name)}</dt>
                        <dd>
                          <span class="history-page__old">{shown(e.previous_value)}</span>
                          {' → '}
                          <span>{shown(e.replacement_value)}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
