import { publicOfferUrl } from '../weitergeben/shareText';

/**
 * The Merkliste as text for a messenger or an e-mail: each offer's name over its public
 * address, which opens without an account.
 */
export function savedListText(
  offers: readonly { id: string; name: string }[],
  origin: string,
): string {
  return offers.map((o) => `${o.name}\n${publicOfferUrl(origin, o.id)}`).join('\n\n');
}
