import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { berlinFormat } from '../../../components/berlinTime';
import { formatIsoDate } from '../../../components/format';
import { liveRows } from '../../../db/offers';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { childVisibility, ScheduleRule } from '../../../model';
import {
  describe,
  describeExtras,
  upcomingWithCancellations,
  WEEKDAY_CODES,
  type WeekdayCode,
} from '../../../schedule';
import { DeleteSection } from '../DeleteSection/DeleteSection';
import { type Draft, str, useDraft, type Values } from '../draft';
import { FormShell } from '../FormShell/FormShell';
import {
  CheckboxField,
  ChoiceGroup,
  draftTextField,
  ParsedField,
  SelectField,
} from '../fields/fields';
import { TranslationsFields } from '../TranslationsFields/TranslationsFields';
import { useOffer } from '../useOffer';
import { VisibilityField } from '../VisibilityField';
import { fieldsOf, formOf, NTHS, type RuleForm } from './ruleForm';
import './ScheduleForm.css';

const NULLABLE = [
  'location_id',
  'byday',
  'bymonthday',
  'dtstart',
  'until',
  'count',
  'valid_from',
  'valid_to',
  'notes',
];
const FIELDS = [
  'freq',
  'byday',
  'bymonthday',
  'interval',
  'opens_at',
  'closes_at',
  'location_id',
  'dtstart',
  'valid_from',
  'valid_to',
  'exdates',
  'closed_on_holidays',
  'notes',
  'visibility',
  'service_id',
];

const dateTimeFmt = berlinFormat({
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The live preview: the sentence residents will read and the next dates. */
function Preview({ values }: { values: Values }) {
  const { now } = useAppDeps();
  const parsed = ScheduleRule.safeParse(values);
  let body: preact.ComponentChildren;
  if (!parsed.success) {
    body = <p class="muted">{t('editor.schedule.previewIncomplete')}</p>;
  } else {
    const rule = parsed.data;
    const next = upcomingWithCancellations([rule], now(), 5);
    body = (
      <>
        <p class="schedule-preview__sentence">{describe(rule)}</p>
        {describeExtras(rule).length > 0 && <p class="muted">{describeExtras(rule).join(' · ')}</p>}
        {next.length === 0 ? (
          <p>{t('editor.schedule.previewNone')}</p>
        ) : (
          <ol class="schedule-preview__dates">
            {next.map((o) => (
              <li key={o.start.toISOString()} class={o.cancelled ? 'is-cancelled' : undefined}>
                {dateTimeFmt().format(o.start)}
                {o.cancelled && ` – ${t('schedule.cancelled')}`}
              </li>
            ))}
          </ol>
        )}
      </>
    );
  }
  return (
    <section class="schedule-preview" aria-labelledby="sch-preview" aria-live="polite">
      <h2 id="sch-preview">{t('editor.schedule.preview')}</h2>
      {body}
    </section>
  );
}

function ExdateList({ draft }: { draft: Draft }) {
  const [day, setDay] = useState('');
  const list = (Array.isArray(draft.values.exdates) ? draft.values.exdates : []) as string[];
  const add = () => {
    if (!day || list.includes(day)) return;
    draft.set('exdates', [...list, day].sort());
    setDay('');
  };
  return (
    <fieldset
      id="f-exdates"
      class={`field field--group${draft.errors.exdates ? ' field--error' : ''}`}
      tabIndex={-1}
    >
      <legend class="field__label">{t('editor.schedule.field.exdates')}</legend>
      {list.length > 0 && (
        <ul class="editor-list">
          {list.map((d) => (
            <li key={d} class="exdate">
              <span>{formatIsoDate(d)}</span>
              <button
                type="button"
                class="btn btn--secondary"
                onClick={() =>
                  draft.set(
                    'exdates',
                    list.filter((x) => x !== d),
                  )
                }
              >
                {t('editor.schedule.removeExdate')}
                <span class="visually-hidden"> {formatIsoDate(d)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="exdate__add">
        <label class="visually-hidden" for="exdate-new">
          {t('editor.schedule.exdateNew')}
        </label>
        <input
          id="exdate-new"
          type="date"
          value={day}
          onInput={(e) => setDay((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="btn btn--secondary" onClick={add}>
          {t('editor.schedule.addExdate')}
        </button>
      </div>
      {draft.errors.exdates && <p class="field__error">{draft.errors.exdates}</p>}
    </fieldset>
  );
}

/** Sprechstunde anlegen oder bearbeiten, mit Vorschau der nächsten Termine. */
export function ScheduleForm({ id, search }: { id: string; search: string }) {
  const { db } = useAppDeps();
  const serviceParam = new URLSearchParams(search).get('angebot');
  const offer = useOffer(serviceParam);
  const draft = useDraft(
    'schedules',
    id,
    (newId): Values => ({
      id: newId,
      version: 0,
      service_id: serviceParam ?? '',
      freq: 'WEEKLY',
      interval: 1,
      byday: 'MO',
      opens_at: '09:00',
      closes_at: '12:00',
      exdates: [],
      rdates: [],
      closed_on_holidays: true,
      visibility: childVisibility(offer.value),
    }),
    NULLABLE,
    !offer.loading,
  );
  const v = draft.values;
  const serviceId = str(v.service_id);
  const service = useLiveQuery(() => db.services.get(serviceId), [db, serviceId]);
  const locations = useLiveQuery(() => liveRows(db.locations), [db], []);
  const [form, setFormState] = useState<RuleForm | null>(null);
  const current = form ?? formOf(v as { freq?: unknown; byday?: unknown; bymonthday?: unknown });
  const setForm = (next: RuleForm) => {
    setFormState(next);
    for (const [k, x] of Object.entries(fieldsOf(next))) draft.set(k, x);
  };
  const label = (f: string) => t(`editor.schedule.field.${f}`);
  const text = draftTextField(draft, label);
  const own = new Set(service?.location_ids ?? []);
  const locationOptions = [...locations]
    .sort(
      (a, b) => Number(own.has(b.id)) - Number(own.has(a.id)) || a.name.localeCompare(b.name, 'de'),
    )
    .map((l) => ({ value: l.id, label: `${l.name} (${l.quartier})` }));
  const dayOptions = WEEKDAY_CODES.map((d) => ({ value: d, label: t(`weekday.${d}`) }));
  const back = serviceId
    ? { href: `/bearbeiten/angebote/${serviceId}`, label: t('editor.backToService') }
    : { href: '/bearbeiten', label: t('editor.backToOverview') };
  const interval = (
    <ParsedField<unknown>
      name="interval"
      label={
        current.kind === 'daily'
          ? label('intervalDays')
          : current.kind === 'weekly'
            ? label('intervalWeeks')
            : label('intervalMonths')
      }
      type="number"
      inputMode="numeric"
      value={v.interval}
      format={(x) => str(x)}
      parse={(x) => (x.trim() === '' ? 1 : Number.isInteger(Number(x)) ? Number(x) : x)}
      hint={current.kind === 'weekly' ? t('editor.schedule.intervalHint') : undefined}
      error={draft.errors.interval}
      onChange={(x) => draft.set('interval', x)}
    />
  );

  return (
    <FormShell
      title={
        draft.isNew
          ? t('editor.schedule.new')
          : t('editor.schedule.edit', { service: service?.name ?? '' })
      }
      draft={draft}
      labels={Object.fromEntries(FIELDS.map((f) => [f, label(f)]))}
      editHref={(x) => `/bearbeiten/sprechstunden/${x}`}
      back={back}
      after={
        <DeleteSection
          table="schedules"
          id={draft.id}
          buttonLabel={t('editor.schedule.delete')}
          question={t('editor.schedule.deleteText')}
          then={back.href}
        />
      }
    >
      {service && <p class="muted">{t('editor.schedule.forService', { name: service.name })}</p>}
      {draft.errors.service_id && <p class="field__error">{draft.errors.service_id}</p>}
      <ChoiceGroup
        name="rulekind"
        label={t('editor.schedule.kind')}
        single
        options={(['weekly', 'monthlyNth', 'monthlyDays', 'daily', 'custom'] as const).map((k) => ({
          value: k,
          label: t(`editor.schedule.kindValue.${k}`),
        }))}
        selected={[current.kind]}
        error={draft.errors.freq}
        onChange={(x) => setForm({ ...current, kind: (x[0] ?? 'weekly') as RuleForm['kind'] })}
      />
      {(current.kind === 'weekly' || current.kind === 'monthlyNth') && (
        <ChoiceGroup
          name="byday"
          label={label('weekdays')}
          columns
          options={dayOptions}
          selected={current.weekdays}
          error={draft.errors.byday}
          onChange={(x) => setForm({ ...current, weekdays: x as WeekdayCode[] })}
        />
      )}
      {current.kind === 'monthlyNth' && (
        <ChoiceGroup
          name="nth"
          label={label('nth')}
          options={NTHS.map((n) => ({
            value: String(n),
            label: t(`editor.schedule.nthValue.${n}`),
          }))}
          selected={current.nths.map(String)}
          onChange={(x) => setForm({ ...current, nths: NTHS.filter((n) => x.includes(String(n))) })}
        />
      )}
      {current.kind === 'monthlyDays' &&
        text('bymonthday', { hint: t('editor.schedule.monthdaysHint'), required: true })}
      {current.kind === 'custom' && (
        <>
          <SelectField
            name="freq"
            label={label('freq')}
            value={str(v.freq)}
            options={['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].map((f) => ({
              value: f,
              label: t(`editor.schedule.freqValue.${f}`),
            }))}
            onChange={(x) => draft.set('freq', x)}
          />
          {text('byday', { hint: t('editor.schedule.bydayHint') })}
          {text('bymonthday', { hint: t('editor.schedule.monthdaysHint') })}
        </>
      )}
      {current.kind !== 'monthlyNth' && current.kind !== 'monthlyDays' && interval}
      <div class="schedule-form__times">
        {text('opens_at', { type: 'time', required: true })}
        {text('closes_at', { type: 'time', required: true })}
      </div>
      <SelectField
        name="location_id"
        label={label('location_id')}
        value={str(v.location_id)}
        empty={t('editor.none')}
        options={locationOptions}
        error={draft.errors.location_id}
        onChange={(x) => draft.set('location_id', x)}
      />
      {text('dtstart', { type: 'date', hint: t('editor.schedule.dtstartHint') })}
      <div class="schedule-form__times">
        {text('valid_from', { type: 'date' })}
        {text('valid_to', { type: 'date' })}
      </div>
      <ExdateList draft={draft} />
      <CheckboxField
        name="closed_on_holidays"
        label={label('closed_on_holidays')}
        checked={v.closed_on_holidays !== false}
        onChange={(x) => draft.set('closed_on_holidays', x)}
      />
      {text('notes', { multiline: true, hint: t('editor.schedule.notesHint') })}
      <VisibilityField draft={draft} offer={service} />
      <Preview values={v} />
      <TranslationsFields draft={draft} table="schedules" label={label} />
    </FormShell>
  );
}
