import { createCatalog, type Catalog } from '../catalog/catalog.js';
import type { SearchIndex } from '../catalog/search-index.js';
import { readPrebuiltSearchData } from '../content/load-guide.js';
import { loadGuide } from './load-guide.js';
import { plainTheme, type Theme } from '../render/theme.js';
import { openCacheFolder } from '../store/cache-folder.js';
import type { CachedGuideKey } from '../store/search-cache.js';
import type { Context } from '../context/context.js';
import type { Topic } from '../model/topic.js';
import type { Io } from '../context/io.js';
import type { OutputSettings } from '../context/output.js';

export interface ContextOptions {
  packs: string[];
  /** auto: page on a terminal when taller than the screen; always: page on a terminal; never. */
  pager: 'auto' | 'always' | 'never';
}

const fromGuide = (topic: Topic) => topic.origin.from === 'guide';

export function createContext(io: Io, out: OutputSettings, options: ContextOptions, version = '0.0.0'): Context {
  let loaded: Promise<Catalog> | undefined;
  let search: Promise<SearchIndex> | undefined;
  let theme: Promise<Theme> | undefined;
  const write = (text: string) => io.stdout.write(text);
  const note = (text: string) => io.stderr.write(`${text}\n`);
  const cacheFolder = (options: { create: boolean }) => openCacheFolder(io.env, options);

  /** Packs are cached when the cache folder is safe to use; VIRT_DEBUG=1 says why when not. */
  const packCaches = async () => {
    const folder = cacheFolder({ create: true });
    if (folder.trusted) {
      const { packParseCache, searchDataCache } = await import('../lazy/packs.js');
      return { parses: packParseCache(folder.path, version), search: searchDataCache(folder.path, version) };
    }
    // Said when asked (VIRT_DEBUG=1), or when the environment is wrong rather than a choice (a relative HOME).
    if (io.env.VIRT_DEBUG === '1' || folder.misconfigured)
      note(`virt: packs are not cached${folder.path ? ` in ${folder.path}` : ''}: ${folder.reason}`);
    return undefined;
  };
  let caches: Awaited<ReturnType<typeof packCaches>>;
  let cacheKey: CachedGuideKey | undefined;
  const load = () =>
    (loaded ??= (async () => {
      if (options.packs.length > 0) caches = await packCaches();
      const loadedGuide = await loadGuide(options.packs, caches?.parses);
      cacheKey = loadedGuide.cacheKey;
      return createCatalog(loadedGuide.guide, { pageOf: loadedGuide.pageOf, questionsOf: loadedGuide.questionsOf });
    })());
  /**
   * The built-in guide is searched with the data the build made. A guide with packs is searched with the data
   * kept for it in the cache, made from the build's and the packs' pages at its first search, and again when
   * what was kept cannot be used. Called once the catalog is loaded, which sets the caches and the key.
   */
  const openSearch = async (catalog: Catalog) => {
    const { createSearchIndex, keptSearchData } = await import('../lazy/search.js');
    const kept = cacheKey && keptSearchData(caches?.search.read(cacheKey));
    const index = kept
      ? await createSearchIndex(catalog.topics, catalog.page, kept, () => true)
      : await createSearchIndex(catalog.topics, catalog.page, readPrebuiltSearchData(), fromGuide);
    if (cacheKey && !(kept && index.fromPrebuiltOnly)) caches?.search.write(cacheKey, index.data());
    return index;
  };

  return {
    io,
    packs: options.packs,
    version,
    out,
    write,
    note,
    cacheFolder,
    theme: () =>
      (theme ??=
        out.mode === 'rich'
          ? import('../lazy/rich.js').then((m) => m.richTheme(out.colorLevel, out.ascii, out.hyperlinks))
          : Promise.resolve(plainTheme(out.ascii))),
    catalog: load,
    search: () => (search ??= load().then(openSearch)),
    show: async (text) => {
      const paged =
        out.mode === 'rich' && options.pager !== 'never' && io.stdout.isTTY && io.page
          ? await io.page(text, io.env, options.pager === 'always')
          : false;
      if (!paged) write(text);
    },
  };
}
