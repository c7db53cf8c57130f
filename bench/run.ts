/** `npm run bench`: every benchmark writes rows to bench/results/<name>.json. */
import { benchPull } from './pull.bench';
import { writeResults } from './stats';

writeResults('pull.json', await benchPull());
