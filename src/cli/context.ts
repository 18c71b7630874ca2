import { createCatalog, type Catalog } from '../catalog/catalog.js';
import type { SearchIndex } from '../catalog/search-index.js';
import { readPrebuiltSearchData } from '../content/load-guide.js';
import { loadGuide } from './load-guide.js';
import { plainTheme, type Theme } from '../render/theme.js';
import { openCacheFolder } from '../store/cache-folder.js';
import type { Context } from '../context/context.js';
import type { Io } from '../context/io.js';
import type { OutputSettings } from '../context/output.js';

export interface ContextOptions {
  packs: string[];
  /** auto: page on a terminal when taller than the screen; always: page on a terminal; never. */
  pager: 'auto' | 'always' | 'never';
}

export function createContext(io: Io, out: OutputSettings, options: ContextOptions, version = '0.0.0'): Context {
  let loaded: Promise<Catalog> | undefined;
  let search: Promise<SearchIndex> | undefined;
  let theme: Promise<Theme> | undefined;
  const write = (text: string) => io.stdout.write(text);
  const note = (text: string) => io.stderr.write(`${text}\n`);
  const cacheFolder = (options: { create: boolean }) => openCacheFolder(io.env, options);

  /** The parses of packs are cached when the cache folder is safe to use; VIRT_DEBUG=1 says why when not. */
  const parseCache = async () => {
    const folder = cacheFolder({ create: true });
    if (folder.trusted) return (await import('../lazy/packs.js')).packParseCache(folder.path, version);
    // Said when asked (VIRT_DEBUG=1), or when the environment is wrong rather than a choice (a relative HOME).
    if (io.env.VIRT_DEBUG === '1' || folder.misconfigured)
      note(`virt: packs are not cached${folder.path ? ` in ${folder.path}` : ''}: ${folder.reason}`);
    return undefined;
  };
  const load = () =>
    (loaded ??= (async () => {
      const { guide, pageOf, questionsOf } = await loadGuide(
        options.packs,
        options.packs.length > 0 ? await parseCache() : undefined,
      );
      return createCatalog(guide, { pageOf, questionsOf });
    })());

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
    search: () =>
      (search ??= load().then(async (catalog) => {
        const { createSearchIndex } = await import('../lazy/search.js');
        return createSearchIndex(
          catalog.topics,
          catalog.page,
          readPrebuiltSearchData(),
          (topic) => topic.origin.from === 'guide',
        );
      })),
    show: async (text) => {
      const paged =
        out.mode === 'rich' && options.pager !== 'never' && io.stdout.isTTY && io.page
          ? await io.page(text, io.env, options.pager === 'always')
          : false;
      if (!paged) write(text);
    },
  };
}
