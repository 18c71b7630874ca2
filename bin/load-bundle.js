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
/**
 * What became of each bundle's code cache: 'used'; 'used after hashing' (see below); 'changed' (the bundle
 * is not the one the cache was recorded from); 'rejected' (by V8: another Node, other flags); 'none'.
 */
const cacheUse = new Map();

/**
 * A code cache file is an 8-byte header, whose first four bytes are a hash of the bundle's text (see
 * sourceHash), and then V8's data. V8 checks a cache only against the length of the source, so a bundle
 * edited by hand or patched in place, at the same length, would run code compiled from its old text.
 * Hashing the text costs about 3 ms, a quarter of what the cache saves, so it is done only when the bundle
 * has a later change time (ctime) than its cache: the build and npm's install write the cache after the
 * bundle, so a bundle changed since is always later, and a copy made in another order only pays the hash.
 */
const HEADER_BYTES = 8;

/** FNV-1a over the text's UTF-16 code units. */
function sourceHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The V8 data of the bundle's code cache and how it was judged, or no data and why not. */
function codeCacheOf(file, text) {
  let bytes;
  let newerBundle;
  try {
    const cacheFile = `${file}.code-cache`;
    newerBundle = statSync(file).ctimeMs > statSync(cacheFile).ctimeMs;
    bytes = readFileSync(cacheFile);
  } catch {
    return { use: 'none' };
  }
  if (bytes.length <= HEADER_BYTES) return { use: 'rejected' };
  if (newerBundle && bytes.readUInt32LE(0) !== sourceHash(text)) return { use: 'changed' };
  return { use: newerBundle ? 'used after hashing' : 'used', data: bytes.subarray(HEADER_BYTES) };
}

function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const text = readFileSync(file, 'utf8');
  const cache = codeCacheOf(file, text);
  // The same wrapper as Node's own CommonJS loader, on the first line so line numbers stay true.
  const source = `(function (exports, require, module, __filename, __dirname) { ${text}\n})`;
  const script = new Script(source, { filename: file, ...(cache.data ? { cachedData: cache.data } : {}) });
  scripts.set(file, { script, text });
  cacheUse.set(file, cache.data && script.cachedDataRejected ? 'rejected' : cache.use);
  const module = { exports: {}, filename: file };
  loaded.set(file, module);
  // The bundles require only Node's built-ins and, by relative path, each other (see lazyBundles in
  // build.ts), so this file's own require serves for the built-ins (node:module would cost its loading).
  const requireInBundle = (id) =>
    id.startsWith('./') && id.endsWith('.cjs') ? loadBundle(join(dirname(file), id)) : require(id);
  script.runInThisContext()(module.exports, requireInBundle, module, file, dirname(file));
  return module.exports;
}

/** For the build: writes the code cache of every bundle loaded so far, with all it has compiled. */
function writeCodeCaches() {
  for (const [file, { script, text }] of scripts) {
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(sourceHash(text), 0);
    writeFileSync(`${file}.code-cache`, Buffer.concat([header, script.createCachedData()]));
  }
  return [...scripts.keys()];
}

/** For tests: what became of the code cache of every bundle loaded so far. */
function codeCacheUse() {
  return Object.fromEntries(cacheUse);
}

module.exports = { loadBundle, writeCodeCaches, codeCacheUse };
