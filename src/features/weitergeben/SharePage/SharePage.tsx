import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { contentAttrs } from '../../../components/Content/Content';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { Icon } from '../../../components/Icon/Icon';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { QrCode } from '../../../components/QrCode/QrCode';
import { usePrintPageSize } from '../../../components/usePrintPageSize';
import { knownQuartiere, readOffer } from '../../../db/offers';
import { createStore } from '../../../db/store';
import { useLiveQuery, useLiveQueryState } from '../../../db/useLiveQuery';
import { useStore } from '../../../db/useStore';
import { label, t } from '../../../i18n';
import { TARGET_GROUPS } from '../../../model';
import { type ReferralChannel, recordHandOver, recordsReferrals } from '../../../sync/referral';
import type { AccountState } from '../../../sync/session';
import { detailHref } from '../../angebote/params';
import { ReferralSlip } from '../ReferralSlip/ReferralSlip';
import { shareText, smsHref, smsText } from '../shareText';
import { type Slip, slipFor } from '../slipData';
import './SharePage.css';

const anonymous = createStore<AccountState>({ status: 'anonymous', user: null });

type Message = { kind: 'ok' | 'error'; text: string } | null;

interface Props {
  id: string;
}

/**
 * Weitergeben: hand an offer to a person — share, SMS, a printed A6 slip or a QR code to
 * scan. For a signed-in caretaker the visit is one anonymous referral, noted with the
 * first channel used; residents share without any record.
 */
export function SharePage({ id }: Props) {
  const { db } = useAppDeps();
  const result = useLiveQueryState(() => readOffer(db, id), [db, id]);
  if (result.value === undefined) {
    return (
      <p class="muted" role="status">
        {t('detail.loading')}
      </p>
    );
  }
  if (result.value === null) {
    return (
      <div class="page">
        <PageHeading title={t('detail.notFoundTitle')} />
        <EmptyState>
          <p>{t('detail.notFoundText')}</p>
        </EmptyState>
      </div>
    );
  }
  return <Share detail={result.value} />;
}

function Share({ detail }: { detail: NonNullable<Awaited<ReturnType<typeof readOffer>>> }) {
  const { db, now, account } = useAppDeps();
  usePrintPageSize('@page { size: A6 portrait; margin: 6mm; }');
  const user = useStore(account ?? anonymous).user;
  const { service, locations } = detail;
  const slip: Slip = useMemo(() => slipFor(detail, window.location.origin, now()), [detail, now]);
  const groupOptions =
    service.target_groups.length > 0 ? service.target_groups : [...TARGET_GROUPS];
  const [groups, setGroups] = useState<string[]>(
    service.target_groups.length === 1 ? [...service.target_groups] : [],
  );
  const ownQuartiere = [...new Set(locations.map((l) => l.quartier))];
  const allQuartiere = useLiveQuery(() => knownQuartiere(db), [db], [] as string[]);
  const [quartier, setQuartier] = useState(
    ownQuartiere.length === 1 ? (ownQuartiere[0] as string) : '',
  );
  const [message, setMessage] = useState<Message>(null);
  const [showQr, setShowQr] = useState(false);
  const qrBox = useRef<HTMLDivElement>(null);
  // The code appears below the button, often under the fold or the bottom navigation.
  useEffect(() => {
    if (showQr) qrBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [showQr]);
  const [manualCopy, setManualCopy] = useState<string | null>(null);
  const caretaker = recordsReferrals(user);
  // This visit of the page is one hand-over.
  const [handOverId] = useState(() => crypto.randomUUID());

  /** Notes the hand-over and says `done` (and that it was noted); false if noting failed. */
  const note = async (channel: ReferralChannel, done: string): Promise<boolean> => {
    let outcome: Awaited<ReturnType<typeof recordHandOver>>;
    try {
      outcome = await recordHandOver(
        db,
        { id: handOverId, serviceId: service.id, targetGroups: groups, quartier: quartier || null },
        channel,
        { user, now: now() },
      );
    } catch {
      setMessage({ kind: 'error', text: t('share.recordFailed') });
      return false;
    }
    const said = outcome === 'not-recorded' ? [done] : [done, t('share.recorded')];
    const text = said.filter(Boolean).join(' ');
    if (text) setMessage({ kind: 'ok', text });
    return true;
  };

  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setManualCopy(null);
      await note('copy', done);
    } catch {
      // No clipboard (old browser, no permission): select the text for a manual copy.
      setManualCopy(text);
      await note('copy', t('share.copyManually'));
    }
  };

  const share = async () => {
    const text = shareText({ ...slip, url: '' }).trim();
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: slip.name.text, text, url: slip.url });
        await note('share', t('share.shared'));
      } catch (e) {
        // Cancelled by the person: nothing was handed over.
        if ((e as { name?: string }).name === 'AbortError') return;
        await copy(shareText(slip), t('share.textCopied'));
      }
      return;
    }
    await copy(shareText(slip), t('share.textCopied'));
  };

  const print = async () => {
    if (await note('print', t('share.printed'))) window.print();
  };

  const toggleQr = async () => {
    const next = !showQr;
    setShowQr(next);
    if (next) await note('qr', t('share.qrShown'));
  };

  return (
    <div class="page share-page">
      <div>
        <PageHeading title={t('share.title')}>{t('share.title')}</PageHeading>
        <p class="share-page__offer" {...contentAttrs(slip.name)}>
          {slip.name.text}
        </p>
      </div>
      {slip.internal && (
        <p class="share-page__warn" role="note">
          {t('share.internalWarning')}
        </p>
      )}
      {/* Who it is for only matters to the statistics, which only caretakers feed. */}
      {caretaker && (
        <form class="share-page__form" onSubmit={(e) => e.preventDefault()}>
          <fieldset class="share-page__fieldset">
            <legend>{t('share.forWhom')}</legend>
            {groupOptions.map((g) => (
              <div key={g} class="share-page__option">
                <input
                  type="checkbox"
                  id={`sg-${g}`}
                  checked={groups.includes(g)}
                  onChange={() =>
                    setGroups((have) =>
                      have.includes(g) ? have.filter((x) => x !== g) : [...have, g],
                    )
                  }
                />
                <label for={`sg-${g}`}>{label('targetGroup', g)}</label>
              </div>
            ))}
          </fieldset>
          <div class="share-page__field">
            <label for="share-quartier">{t('share.quartier')}</label>
            <select
              id="share-quartier"
              value={quartier}
              onChange={(e) => setQuartier((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{t('share.quartierNone')}</option>
              {[...new Set([...ownQuartiere, ...allQuartiere])].map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </div>
          <p class="muted share-page__privacy">{t('share.privacy')}</p>
        </form>
      )}

      <div class="share-page__actions">
        <button type="button" class="btn" onClick={share}>
          <Icon name="external" />
          {t('share.share')}
        </button>
        <a
          class="btn btn--secondary"
          href={smsHref(smsText(slip))}
          onClick={() => void note('sms', '')}
        >
          <Icon name="mail" />
          {t('share.sms')}
        </a>
        <button type="button" class="btn btn--secondary" onClick={print}>
          {t('share.print')}
        </button>
        <button type="button" class="btn btn--secondary" aria-expanded={showQr} onClick={toggleQr}>
          {showQr ? t('share.qrHide') : t('share.qrShow')}
        </button>
        <button
          type="button"
          class="btn btn--secondary"
          onClick={() => copy(slip.url, t('share.linkCopied'))}
        >
          {t('share.copyLink')}
        </button>
      </div>
      <p
        class={`share-page__message${message?.kind === 'error' ? ' share-page__message--error' : ''}`}
        role="status"
      >
        {message?.text ?? ''}
      </p>
      {manualCopy && (
        <textarea
          class="share-page__manual"
          readOnly
          rows={6}
          aria-label={t('share.manualLabel')}
          value={manualCopy}
          ref={(el) => el?.select()}
        />
      )}
      {showQr && (
        <div class="share-page__qr" ref={qrBox}>
          <QrCode value={slip.url} label={t('share.qrLabel')} />
          <p class="muted">{t('share.qrHint')}</p>
        </div>
      )}
      <section class="share-page__slip" aria-labelledby="share-preview">
        <h2 id="share-preview">{t('share.preview')}</h2>
        <ReferralSlip slip={slip} />
      </section>
      <p class="share-page__back">
        <a href={detailHref(service.id)}>{t('share.back')}</a>
      </p>
    </div>
  );
}
