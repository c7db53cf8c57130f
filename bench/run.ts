/** `npm run bench`: every benchmark writes rows to bench/results/<name>.json. */
import { benchPull } from './pull.bench';
import { benchSchedule } from './schedule.bench';
import { benchSearch } from './search.bench';
import { writeResults } from './stats';
import { benchSyncClient, mergeClientResults } from './sync-client.bench';
import { benchSyncServer, mergeSyncResults } from './sync-server.bench';

writeResults('pull.json', await benchPull());
mergeSyncResults(await benchSyncServer());
mergeClientResults(await benchSyncClient());
writeResults('search.json', await benchSearch());
writeResults('schedule.json', await benchSchedule());
