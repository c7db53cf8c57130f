export { demoDataset, demoLocationId, demoOrganizationId, demoServiceId } from './demo';
export { createRng, stableId, uuidFrom } from './ids';
export { DEMO_CITY, DEMO_UPDATED_AT, QUARTIER_NAMES as DEMO_QUARTIERE } from './spec';
export { SYNTHETIC_QUARTIERE, syntheticDataset } from './synthetic';
export type { Dataset } from './types';
