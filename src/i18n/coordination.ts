import { addMessages } from '.';
import coordination from './de.coordination.json';

addMessages(coordination);
