import { fileURLToPath } from 'node:url';

// Both src/catalogue/ (tests) and dist/catalogue/ (the built CLI) sit two levels below the
// package root, so the data is found from either.
const root = new URL('../../', import.meta.url);

/** The folder holding the bundled regulation definitions. */
export const REGULATIONS_DIR = fileURLToPath(new URL('src/catalogue/regulations/', root));
/** The folder holding the bundled working calendar. */
export const CALENDAR_DIR = fileURLToPath(new URL('src/catalogue/calendar/', root));
/** The folder holding the seed acts the catalogue is encoded from. */
export const SEEDS_DIR = fileURLToPath(new URL('seeds/', root));
/** The folder holding the organisation directory and the demo accounts. */
export const DIRECTORY_DIR = fileURLToPath(new URL('src/catalogue/directory/', root));
