/** The entry for running the sources (`npm run dev`); the built bin/virt.js runs dist/virt.cjs instead. */
import { run } from './cli/run.js';

run();
