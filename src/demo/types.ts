import type { Contact, Location, Organization, Schedule, Service } from '../model';

/** A complete directory as the server seeds it and the generator produces it. */
export interface Dataset {
  organizations: Organization[];
  locations: Location[];
  services: Service[];
  schedules: Schedule[];
  contacts: Contact[];
}
