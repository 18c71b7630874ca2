// Loads virt's bundles (dist/virt.cjs and the dist/lazy/*.cjs it requires) with the V8 code cache that
// `npm run build` records beside each one (<bundle>.code-cache). Node 20 has no compile cache of its own
// (module.enableCompileCache came with Node 22); without one, V8 parses and compiles every function a
// command uses at every start, about 12 ms of a search. A cache V8 rejects (another Node version, other
// flags) or a missing one only means compiling as usual.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const loaded = new Map();
const scripts = new Map();

function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.code-cache`);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper as Node's own CommonJS loader, on the first line so line numbers stay true.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  scripts.set(file, script);
  const module = { exports: {}, filename: file };
  loaded.set(file, module);
  // The bundles require only Node's built-ins and, by relative path, each other (see lazyBundles in
  // build.ts), so this file's own require serves for the built-ins (node:module would cost its loading).
  const requireInBundle = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadBundle(join(dirname(file), id)) : require(id));
  script.runInThisContext()(module.exports, requireInBundle, module, file, dirname(file));
  return module.exports;
}

/** For the build: writes the code cache of every bundle loaded so far, with all it has compiled. */
function writeCodeCaches() {
  for (const [file, script] of scripts) writeFileSync(`${file}.code-cache`, script.createCachedData());
  return [...scripts.keys()];
}

module.exports = { loadBundle, writeCodeCaches };
