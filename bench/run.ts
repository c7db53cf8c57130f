/** `npm run bench`: every benchmark writes rows to bench/results/<name>.json. */
import { benchPull } from './pull.bench';
import { writeResults } from './stats';
import { benchSyncServer, mergeSyncResults } from './sync-server.bench';

writeResults('pull.json', await benchPull());
mergeSyncResults(await benchSyncServer());
