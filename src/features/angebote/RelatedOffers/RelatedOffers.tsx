import { useAppDeps } from '../../../app/deps';
import { contentAttrs, MachineMark, shown } from '../../../components/Content/Content';
import type { StoredService } from '../../../db/schema';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { label, t } from '../../../i18n';
import { loadRows } from '../listQuery';
import { detailHref } from '../params';
import { relatedServiceIds } from '../related';
import './RelatedOffers.css';

/** "Passt auch": same target group and Quartier — the next stop on a referral path. */
export function RelatedOffers({
  service,
  quartiere,
}: {
  service: StoredService;
  quartiere: string[];
}) {
  const { db } = useAppDeps();
  const rows = useLiveQuery(
    async () => loadRows(db, await relatedServiceIds(db, service, quartiere)),
    [db, service, quartiere.join('|')],
  );
  if (!rows || rows.length === 0) return null;
  return (
    <section class="service-detail__section related" aria-labelledby="sd-related">
      <h2 id="sd-related">{t('related.title')}</h2>
      <p class="muted related__intro">{t('related.intro', { quartiere: quartiere.join(', ') })}</p>
      <ul class="related__list">
        {rows.map((r) => {
          const groups = r.service.target_groups.filter((g) => service.target_groups.includes(g));
          const name = shown(r.service, 'name');
          const provider = r.organization ? shown(r.organization, 'name') : null;
          return (
            <li key={r.service.id} class="related__item">
              <a href={detailHref(r.service.id)} class="related__link" {...contentAttrs(name)}>
                {name.text}
              </a>
              <MachineMark texts={provider ? [name, provider] : [name]} />
              {provider?.text && (
                <span class="related__meta muted" {...contentAttrs(provider)}>
                  {provider.text}
                </span>
              )}
              <span class="related__meta muted">
                {groups.map((g) => label('targetGroup', g)).join(', ')} · {r.quartiere.join(', ')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
