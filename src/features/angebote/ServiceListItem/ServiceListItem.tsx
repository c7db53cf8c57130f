import type { ComponentChildren } from 'preact';
import { contentAttrs, MachineMark, shown } from '../../../components/Content/Content';
import { TraitBadges } from '../../../components/TraitBadges/TraitBadges';
import { t } from '../../../i18n';
import { explainHit, type MatchReason } from '../../../search/explain';
import { excerpt, type HighlightTerms, hasMark, highlight } from '../../../search/highlight';
import { Highlighted } from '../Highlighted/Highlighted';
import type { ListRow } from '../listQuery';
import { NextDate } from '../NextDate/NextDate';
import { detailHref } from '../params';
import './ServiceListItem.css';

interface Props {
  row: ListRow;
  /** What the query matched; absent without a query. */
  match?: HighlightTerms;
  /** Concepts the query named (SearchEngine.reasons): one "passt zu" line when one fits. */
  reasons?: readonly MatchReason[];
  /** Actions of the screen that lists the card (e.g. "Entfernen" on the Merkliste). */
  children?: ComponentChildren;
}

const NONE: HighlightTerms = { needles: [], terms: [] };

/** One result: the name is the link; the whole card is its touch target. */
export function ServiceListItem({ row, match = NONE, reasons, children }: Props) {
  const { service, organization, quartiere, schedules } = row;
  const shownName = shown(service, 'name');
  const provider = organization ? shown(organization, 'name') : null;
  const description = shown(service, 'description');
  const status =
    service.status === 'paused'
      ? t('list.statusPaused')
      : service.status === 'ended'
        ? t('list.statusEnded')
        : null;
  const name = highlight(shownName.text, match);
  const providerText = provider?.text ? highlight(provider.text, match) : null;
  // Say why it is a hit when neither name nor provider shows it.
  const why =
    match.needles.length > 0 && !hasMark(name) && !(providerText && hasMark(providerText))
      ? excerpt(highlight(description.text, match))
      : [];
  const because =
    reasons && reasons.length > 0
      ? explainHit(reasons, `${service.name} ${organization?.name ?? ''} ${service.description}`)
      : null;
  return (
    <li class="service-item">
      <h2 class="service-item__name">
        <a class="service-item__link" href={detailHref(service.id)} {...contentAttrs(shownName)}>
          <Highlighted segments={name} />
        </a>
        {status && <span class="service-item__status"> ({status})</span>}
      </h2>
      <MachineMark
        texts={[
          shownName,
          ...(provider ? [provider] : []),
          ...(why.length > 0 ? [description] : []),
        ]}
      />
      {provider && providerText && (
        <p class="service-item__provider" {...contentAttrs(provider)}>
          <Highlighted segments={providerText} />
        </p>
      )}
      {quartiere.length > 0 && <p class="service-item__quartier muted">{quartiere.join(', ')}</p>}
      {because && <p class="service-item__because muted">{t('list.matchedBecause', because)}</p>}
      {why.length > 0 && (
        <p class="service-item__excerpt" {...contentAttrs(description)}>
          <Highlighted segments={why} />
        </p>
      )}
      <NextDate schedules={schedules} />
      <TraitBadges traits={service.traits} />
      {children}
    </li>
  );
}
