import { addMessages } from '.';
import coordination from './de.coordination.json';

/**
 * Settles when the coordination messages of the current language are in (German is in at
 * once). The screens' loaders wait for it, so an editor never opens half in German. No
 * top-level await: it would make the bundler split the start page into many more chunks.
 */
export const coordinationMessages: Promise<void> = addMessages('coordination', coordination);
