// Loads virt's bundles (dist/virt.cjs and the dist/lazy/*.cjs it requires) with the V8 code cache that
// `npm run build` records beside each one (<bundle>.code-cache). Node 20 has no compile cache of its own
// (module.enableCompileCache came with Node 22); without one, V8 parses and compiles every function a
// command uses at every start, about 12 ms of a search. A cache V8 rejects (another Node version, other
// flags) or a missing one only means compiling as usual.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const loaded = new Map();
const scripts = new Map();
/** What became of each bundle's code cache: 'used', 'rejected' (by V8), 'older' (than its bundle) or 'none'. */
const cacheUse = new Map();

/**
 * The bundle's code cache, unless the bundle changed after it was recorded. V8 checks a cache only against
 * the length of the source, so a bundle edited by hand or patched in place, at the same length, would run
 * code compiled from its old text. Such a bundle has a later change time (ctime) than its cache: the build
 * and an install write the cache after the bundle, and any later edit moves the bundle's ctime. (Hashing the
 * source to be sure costs about 3 ms, a quarter of what the cache saves.)
 */
function codeCacheOf(file) {
  try {
    const cacheFile = `${file}.code-cache`;
    if (statSync(file).ctimeMs > statSync(cacheFile).ctimeMs) return 'older';
    return readFileSync(cacheFile);
  } catch {
    return 'none';
  }
}

function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const cache = codeCacheOf(file);
  const cachedData = typeof cache === 'string' ? undefined : cache;
  // The same wrapper as Node's own CommonJS loader, on the first line so line numbers stay true.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  scripts.set(file, script);
  cacheUse.set(file, typeof cache === 'string' ? cache : script.cachedDataRejected ? 'rejected' : 'used');
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

/** For tests: what became of the code cache of every bundle loaded so far. */
function codeCacheUse() {
  return Object.fromEntries(cacheUse);
}

module.exports = { loadBundle, writeCodeCaches, codeCacheUse };
