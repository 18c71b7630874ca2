#!/usr/bin/env node
// Thin entry into the bundle built by `npm run build`. It is CommonJS (see bin/package.json), like the
// bundle, because Node starts CommonJS faster than ES modules, and startup is most of a command's time.
// `virt --version` is answered here, before the bundle loads: scripts ask it often and want it at once.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/compile-cache.cjs').enableCompileCache(process.env);
  require('../dist/virt.cjs').run(args);
}
