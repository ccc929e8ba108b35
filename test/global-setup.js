// Before any test file: the tests run the compiled bot and command line (dist/), as users do,
// so build them here, once, if the sources changed since the last build (as npm start does).
import { ensureBuilt } from '../bin/build.js';

export default function globalSetup() {
  ensureBuilt();
}
