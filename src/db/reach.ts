/**
 * How a person reaches an offer, for the call button and the referral slip: the offer's
 * own phone or mail, else the first public contact's (the offer's, then the provider's),
 * else the provider's. Internal contacts (a worker's direct line) are never handed on.
 */
import type { Contact } from '../model';
import type { OfferDetail } from './offers';

function publicContacts(detail: OfferDetail): Contact[] {
  return [...detail.contacts, ...detail.organizationContacts].filter(
    (c) => c.visibility !== 'internal',
  );
}

export function reachPhone(detail: OfferDetail): string | null {
  return (
    detail.service.phone ??
    publicContacts(detail).find((c) => c.phone)?.phone ??
    detail.organization?.phone ??
    null
  );
}

export function reachEmail(detail: OfferDetail): string | null {
  return (
    detail.service.email ??
    publicContacts(detail).find((c) => c.email)?.email ??
    detail.organization?.email ??
    null
  );
}
