import { afterPaint, nextTask } from './app/tasks';
import './styles/global.css';

/*
 * The entry is kept small: index.html already shows the first screen, and the app's code
 * is evaluated after that has painted, in steps, so the page never freezes on a slow phone.
 * The database library is evaluated on its own, before the app that imports it.
 */
const root = document.getElementById('app');
if (root) {
  void afterPaint()
    .then(() => import('./db/db'))
    .then(nextTask)
    .then(() => import('./app/boot'))
    .then(({ boot }) => boot(root));
}
