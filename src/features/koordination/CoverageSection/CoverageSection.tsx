import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { formatNumber } from '../../../components/format';
import { knownQuartiere, readOffers } from '../../../db/offers';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { label, t } from '../../../i18n';
import { TARGET_GROUPS } from '../../../model/taxonomy';
import { listHref } from '../../angebote/params';
import { type Coverage, computeCoverage, isGap, parseThreshold } from '../coverage';
import { downloadCsv, toCsv } from '../csv';
import { ScrollBox } from '../ScrollBox';
import { storedThreshold, storeThreshold } from '../storage';

/** A big import without Quartier rules can leave thousands; the first ones show the way. */
const SHOWN_WITHOUT_QUARTIER = 50;

function coverageCsv(c: Coverage): string {
  const head = [
    t('dashboard.coverage.groupHeader'),
    ...c.quartiere.flatMap((q) => [
      t('dashboard.coverage.csvListed', { quartier: q }),
      t('dashboard.coverage.csvOutside', { quartier: q }),
    ]),
  ];
  const rows = c.rows.map((r) => [
    label('targetGroup', r.targetGroup),
    ...r.cells.flatMap((cell) => [cell.listed, cell.outsideHours]),
  ]);
  return toCsv([head, ...rows]);
}

/** Zielgruppe × Quartier: listed offers and those open in the evening or at weekends. */
export function CoverageSection() {
  const { db } = useAppDeps();
  const [threshold, setThreshold] = useState(storedThreshold);
  const { value: coverage } = useLiveQueryState(async () => {
    const [{ offers }, quartiere] = await Promise.all([
      readOffers(db, 'listed'),
      knownQuartiere(db),
    ]);
    return computeCoverage(offers, TARGET_GROUPS, quartiere);
  }, [db]);

  const onThreshold = (value: string) => {
    const n = parseThreshold(value);
    setThreshold(n);
    storeThreshold(n);
  };

  return (
    <section class="dashboard__section" aria-labelledby="dash-coverage">
      <h2 id="dash-coverage">{t('dashboard.coverage.title')}</h2>
      <p class="muted">{t('dashboard.coverage.explain')}</p>
      <div class="field dashboard__threshold">
        <label class="field__label" for="dash-threshold">
          {t('dashboard.coverage.threshold')}
        </label>
        <input
          id="dash-threshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={99}
          value={threshold}
          onChange={(e) => onThreshold((e.target as HTMLInputElement).value)}
        />
      </div>
      {!coverage ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : coverage.quartiere.length === 0 ? (
        <p>{t('dashboard.coverage.empty')}</p>
      ) : (
        <>
          <ScrollBox label={t('dashboard.coverage.caption', { n: threshold })}>
            <table class="dashboard__table">
              <caption>{t('dashboard.coverage.caption', { n: threshold })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.coverage.groupHeader')}</th>
                  {coverage.quartiere.map((q) => (
                    <th key={q} scope="col" lang="de" dir="auto">
                      {q}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {coverage.rows.map((row) => (
                  <tr key={row.targetGroup}>
                    <th scope="row">{label('targetGroup', row.targetGroup)}</th>
                    {row.cells.map((cell) => {
                      const gap = isGap(cell.listed, threshold);
                      return (
                        <td key={cell.quartier} class={gap ? 'dashboard__gap' : undefined}>
                          <a
                            class="dashboard__cell"
                            href={listHref({
                              targetGroups: [row.targetGroup],
                              quartiere: [cell.quartier],
                            })}
                          >
                            <span>
                              {t('dashboard.coverage.cellListed', {
                                listed: formatNumber(cell.listed),
                              })}
                            </span>
                            <span class="muted">
                              {t('dashboard.coverage.cellOutside', {
                                outside: formatNumber(cell.outsideHours),
                              })}
                            </span>
                            {gap && (
                              <span class="dashboard__gap-mark">{t('dashboard.coverage.gap')}</span>
                            )}
                          </a>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p class="muted">{t('dashboard.coverage.legend')}</p>
          {coverage.withoutQuartier.length > 0 && (
            <>
              <h3>
                {t('dashboard.coverage.withoutQuartier', {
                  n: formatNumber(coverage.withoutQuartier.length),
                })}
              </h3>
              <p class="muted">{t('dashboard.coverage.withoutQuartierExplain')}</p>
              <ul>
                {coverage.withoutQuartier.slice(0, SHOWN_WITHOUT_QUARTIER).map((o) => (
                  <li key={o.id}>
                    <a href={`/bearbeiten/angebote/${o.id}`} lang="de" dir="auto">
                      {o.name}
                    </a>
                  </li>
                ))}
              </ul>
              {coverage.withoutQuartier.length > SHOWN_WITHOUT_QUARTIER && (
                <p class="muted">
                  {t('dashboard.coverage.more', {
                    n: formatNumber(coverage.withoutQuartier.length - SHOWN_WITHOUT_QUARTIER),
                  })}
                </p>
              )}
            </>
          )}
          <p>
            <button
              type="button"
              class="btn btn--secondary"
              onClick={() => downloadCsv('abdeckung.csv', coverageCsv(coverage))}
            >
              {t('dashboard.csv')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
