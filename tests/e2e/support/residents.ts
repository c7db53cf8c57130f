import type { Dataset } from '../../../src/demo/types';
import { isPublicRecord } from '../../../src/model/visibility';

/** The offers of a dataset that a resident's device receives (the app's own rule). */
export function residentOffers(data: Dataset): Dataset['services'] {
  return data.services.filter((s) => isPublicRecord('services', s, undefined));
}
