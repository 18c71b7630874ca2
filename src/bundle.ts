/**
 * What dist/virt.cjs exports (bin/virt.js calls run). Loading it does nothing else, so the build can load
 * the bundle and run commands in memory to record V8's code cache (see src/tools/build.ts).
 */
export { main } from './cli/main.js';
export { run, version } from './cli/run.js';
