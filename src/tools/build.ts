/**
 * `npm run build`: bundles the CLI with esbuild (which tsx already brings) and compiles the built-in guide.
 * One main bundle starts faster than hundreds of separate modules (Node resolves and reads far fewer
 * files), and each heavy part is a bundle of its own, loaded only by the command that needs it.
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatProblem } from '../errors.js';
import { readGuideFromMarkdown } from '../content/read-guide.js';
import { builtinContentDir, packageRoot } from '../content/paths.js';
import { makeSearchData } from '../catalog/search-index.js';
import { asciiJson } from '../store/ascii-json.js';

const root = packageRoot();
const dist = join(root, 'dist');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
/**
 * A fingerprint of the code that turns a pack file into a parse (src/content, src/model and the lock file,
 * which pins the parsers), so a pack's cached parses are not read by a build that would parse differently.
 */
const parserFingerprint = await fingerprint(['src/content', 'src/model', 'package-lock.json']);

/**
 * render/text.ts imports the full text engine (string-width and wrap-ansi, render/text-engine.ts) like any
 * module, and calls it only for text that is not simple (render/simple-text.ts). In the bundles the engine
 * is a bundle of its own, dist/lazy/text.cjs (from src/lazy/text.ts), that text.ts requires on that first
 * call: setting up the engine builds an Intl.Segmenter and string-width's emoji expression, and the guide's
 * pages should not pay for them. `folder` is where dist/lazy/ is from the bundle being built.
 */
const textEngineOnFirstUse = (folder: string): Plugin => ({
  name: 'text-engine-on-first-use',
  setup(esbuild) {
    const textModule = join(root, 'src', 'render', 'text.ts');
    esbuild.onResolve({ filter: /^\.\/text-engine\.js$/ }, (args) =>
      args.importer === textModule ? { path: 'text-engine', namespace: 'text-engine-on-first-use' } : undefined,
    );
    esbuild.onResolve({ filter: /.*/, namespace: 'text-engine-on-first-use' }, (args) => ({
      path: args.path,
      external: true,
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'text-engine-on-first-use' }, () => ({
      contents: `let engine;
        export const textEngine = () => (engine ??= require(${JSON.stringify(`${folder}text.cjs`)}).textEngine());`,
      loader: 'js',
    }));
  },
});

/**
 * commander loads node:child_process when it loads, only to run external subcommands, which virt has none of;
 * that built-in (with node:net behind it) is a good part of a plain command's own startup. esbuild gives
 * commander, and only commander, a stand-in that loads the real module the first time any of it is used.
 * commander's source is not touched: this is a choice of which module its require gets.
 */
const childProcessOnFirstUse: Plugin = {
  name: 'child-process-on-first-use',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: join(root, 'src', 'tools', 'stand-ins', 'child-process-on-first-use.cjs') }
        : undefined,
    );
  },
};

/**
 * `import('../lazy/x.js')` becomes a require of the separate bundle dist/lazy/x.cjs (`folder` is where that
 * is from the bundle being built), so no heavy part is copied into a bundle that does not need it.
 */
const lazyBundles = (folder: string): Plugin => ({
  name: 'lazy-bundles',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/lazy\/[a-z-]+\.js$/ }, (args) => ({
      path: `${folder}${basename(args.path, '.js')}.cjs`,
      external: true,
    }));
  },
});

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { VIRT_VERSION: JSON.stringify(version), VIRT_PARSER: JSON.stringify(parserFingerprint) },
  logLevel: 'warning',
  // paths.ts reads import.meta.url only where __dirname is missing, which is never in these bundles.
  logOverride: { 'empty-import-meta': 'silent' },
  // import() of a lazy bundle becomes a plain require(): through Node's ES module loader, each one cost
  // several milliseconds of translating CommonJS.
  supported: { 'dynamic-import': false },
  // Fewer bytes for Node to read and parse at every start; names are kept so stack traces stay readable.
  // VIRT_BUILD_READABLE=1 keeps the layout, for reading a CPU profile of the bundles line by line.
  minifyWhitespace: !process.env.VIRT_BUILD_READABLE,
  minifySyntax: !process.env.VIRT_BUILD_READABLE,
} as const;

await rm(dist, { recursive: true, force: true });
// CommonJS, not ES modules: Node loads it markedly faster at startup (no ES module loader, no async file
// reads), and the lazy parts are separate bundles instead of esbuild's ES-module-only code splitting.
await build({
  ...common,
  entryPoints: ['src/bundle.ts'],
  outfile: 'dist/virt.cjs',
  plugins: [childProcessOnFirstUse, textEngineOnFirstUse('./lazy/'), lazyBundles('./lazy/')],
});
// Small on purpose: bin/virt.js loads it first, to turn on Node's compile cache before the main bundle loads.
await build({ ...common, entryPoints: ['src/store/compile-cache.ts'], outfile: 'dist/compile-cache.cjs' });
const lazy = (await readdir(join(root, 'src', 'lazy'))).filter((name) => name.endsWith('.ts'));
await build({
  ...common,
  entryPoints: lazy.map((name) => `src/lazy/${name}`),
  outdir: 'dist/lazy',
  outExtension: { '.js': '.cjs' },
  plugins: [textEngineOnFirstUse('./'), lazyBundles('./')],
});

const { guide, problems } = await readGuideFromMarkdown(builtinContentDir());
const errors = problems.filter((p) => p.severity === 'error');
for (const problem of errors) process.stderr.write(`${formatProblem(problem)}\n`);
if (errors.length > 0) {
  process.stderr.write(`build: ${errors.length} error(s) in content/; the guide was not compiled\n`);
  process.exit(2);
}
// The index every command reads holds no page text, sources or questions; each page's text is a file of its
// own, with its sources, and its questions when it has some (so a page without any reads as before), and all
// questions are in one more file, in guide order, for `virt quiz`.
await mkdir(join(dist, 'topics'), { recursive: true });
const index = guide.topics.map((topic) => ({ ...topic, intro: [], sections: [], questions: [], sources: [] }));
await Promise.all(
  guide.topics.map((topic) =>
    writeFile(
      join(dist, 'topics', `${topic.id}.json`),
      asciiJson({
        intro: topic.intro,
        sections: topic.sections,
        sources: topic.sources,
        ...(topic.questions.length > 0 ? { questions: topic.questions } : {}),
      }),
    ),
  ),
);
await writeFile(join(dist, 'guide.json'), asciiJson({ ...guide, topics: index }));
await writeFile(join(dist, 'questions.json'), asciiJson(guide.topics.flatMap((topic) => topic.questions)));
await writeFile(join(dist, 'search.json'), asciiJson(makeSearchData(guide.topics)));
process.stdout.write(
  `build: dist/virt.cjs, dist/lazy/ and the compiled guide (${guide.topics.length} topics, ${guide.topics.reduce((sum, topic) => sum + topic.questions.length, 0)} questions)\n`,
);

async function fingerprint(paths: string[]): Promise<string> {
  const hash = createHash('sha256');
  const add = async (path: string): Promise<void> => {
    const entries = await readdir(join(root, path), { withFileTypes: true }).catch(() => undefined);
    if (!entries) return void hash.update(path).update(await readFile(join(root, path)));
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) await add(join(path, entry.name));
  };
  for (const path of paths) await add(path);
  return hash.digest('hex').slice(0, 16);
}
