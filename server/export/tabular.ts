/**
 * An HSDS 3.0 list page as an HSDS 3.0 tabular data package: one CSV per table, with the
 * columns (in their order) of the HSDS 3.0 tabular examples, and a datapackage.json naming
 * them. Nested objects become rows of their table; every row already carries the ids of its
 * parents (the JSON export writes them), so flattening loses nothing.
 */
const COLUMNS = {
  organizations:
    'id,name,alternate_name,description,email,website,tax_status,tax_id,year_incorporated,legal_status,logo,uri,parent_organization_id',
  services:
    'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified',
  locations:
    'id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,external_identifier,external_identifier_type',
  addresses:
    'id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,address_type',
  service_at_location: 'id,service_id,location_id,description',
  phones:
    'id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description',
  contacts:
    'id,organization_id,service_id,service_at_location_id,location_id,name,title,department,email',
  languages: 'id,service_id,location_id,phone_id,name,code,note',
  schedules:
    'id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,timezone,until,count,wkst,freq,interval,byday,byweekno,bymonthday,byyearday,description,opens_at,closes_at,schedule_link,attending_type,notes',
  accessibility: 'id,location_id,description,details,url',
  taxonomy_terms: 'id,code,name,description,parent_id,taxonomy,language,taxonomy_id,term_uri',
  attributes: 'id,link_id,taxonomy_term_id,link_type,link_entity,value',
} as const;

type Table = keyof typeof COLUMNS;

/** Under which key of its parent a nested object of each table sits. */
const TABLE_OF_KEY: Record<string, Table> = {
  organization: 'organizations',
  contacts: 'contacts',
  phones: 'phones',
  schedules: 'schedules',
  languages: 'languages',
  attributes: 'attributes',
  taxonomy_term: 'taxonomy_terms',
  service_at_locations: 'service_at_location',
  location: 'locations',
  addresses: 'addresses',
  accessibility: 'accessibility',
};

const NUMBER_COLUMNS = new Set(['latitude', 'longitude', 'count', 'interval', 'timezone']);

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface TabularFile {
  name: string;
  text: string;
}

export function toTabular(list: { contents: unknown[] }): TabularFile[] {
  const rows = Object.fromEntries(
    Object.keys(COLUMNS).map((t) => [t, new Map<string, Json>()]),
  ) as Record<Table, Map<string, Json>>;
  const visit = (table: Table, o: Json) => {
    const id = String(o.id ?? '');
    if (!rows[table].has(id)) rows[table].set(id, o);
    for (const [key, value] of Object.entries(o)) {
      const child = TABLE_OF_KEY[key];
      if (!child) continue;
      for (const x of Array.isArray(value) ? value : [value]) if (isObject(x)) visit(child, x);
    }
  };
  for (const s of list.contents) if (isObject(s)) visit('services', s);
  const files: TabularFile[] = [];
  const resources: Json[] = [];
  for (const table of Object.keys(COLUMNS) as Table[]) {
    const columns = COLUMNS[table].split(',');
    const lines = [columns.join(',')];
    for (const o of rows[table].values()) lines.push(columns.map((c) => csvCell(o[c])).join(','));
    const path = `${table}.csv`;
    files.push({ name: path, text: `${lines.join('\r\n')}\r\n` });
    resources.push({
      name: table,
      path,
      profile: 'tabular-data-resource',
      schema: {
        fields: columns.map((name) => ({
          name,
          type: NUMBER_COLUMNS.has(name) ? 'number' : 'string',
        })),
        primaryKey: 'id',
      },
    });
  }
  files.unshift({
    name: 'datapackage.json',
    text: `${JSON.stringify({ name: 'quartier-wegweiser', profile: 'tabular-data-package', resources }, null, 2)}\n`,
  });
  return files;
}
