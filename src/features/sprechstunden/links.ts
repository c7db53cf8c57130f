/**
 * Deep links for paper notices (QR codes on a door): they work with no account and
 * offline, since the service worker answers every navigation with the app shell.
 */
export const offerHoursHref = (id: string) => `/sprechstunden/angebot/${encodeURIComponent(id)}`;
export const placeHoursHref = (id: string) => `/sprechstunden/ort/${encodeURIComponent(id)}`;

export type SchedulesView = 'heute' | 'woche';

export interface SchedulesParams {
  view: SchedulesView;
  quartier: string | null;
}

export function parseSchedulesParams(search: string): SchedulesParams {
  const sp = new URLSearchParams(search);
  const quartier = sp.get('quartier')?.trim().slice(0, 100) || null;
  return { view: sp.get('ansicht') === 'woche' ? 'woche' : 'heute', quartier };
}

export function schedulesHref({ view, quartier }: SchedulesParams): string {
  const sp = new URLSearchParams();
  if (view === 'woche') sp.set('ansicht', 'woche');
  if (quartier) sp.set('quartier', quartier);
  const qs = sp.toString();
  return qs ? `/sprechstunden?${qs}` : '/sprechstunden';
}
