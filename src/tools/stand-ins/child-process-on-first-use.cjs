// What the bundles give commander for node:child_process (see childProcessOnFirstUse in build.ts): the real
// module, loaded the first time commander touches any of it, which for virt (no external subcommands) is never.
'use strict';
module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });
