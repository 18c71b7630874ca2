import { createCatalog, type Catalog } from '../catalog/catalog.js';
import type { SearchIndex } from '../catalog/search-index.js';
import { loadGuide, readPrebuiltSearchData } from '../content/load-guide.js';
import { plainTheme, type Theme } from '../render/theme.js';
import { openCacheFolder, type CacheFolder } from '../store/cache-folder.js';
import type { Io } from './io.js';
import type { OutputSettings } from './output-mode.js';

/** What every command gets: where to write, how to print, and the guide (loaded on first use). */
export interface Context {
  io: Io;
  /** The pack folders in use, each once, in order. */
  packs: string[];
  version: string;
  out: OutputSettings;
  theme(): Promise<Theme>;
  catalog(): Promise<Catalog>;
  /** The search index of the guide in use, made on first use. */
  search(): Promise<SearchIndex>;
  /** The cache folder and whether virt may use it; made (if missing) only with `create`. */
  cacheFolder(options: { create: boolean }): CacheFolder;
  /** Writes a result to stdout. */
  write(text: string): void;
  /** Writes a long result, through the pager when one applies. */
  show(text: string): Promise<void>;
  /** A message for the user on stderr (never part of the result). */
  note(text: string): void;
}

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
    if (io.env.VIRT_DEBUG === '1')
      note(`virt: packs are not cached in ${folder.path ?? 'any folder'}: ${folder.reason}`);
    return undefined;
  };
  const load = () =>
    (loaded ??= (async () => {
      const { guide, pageOf } = await loadGuide(
        options.packs,
        options.packs.length > 0 ? await parseCache() : undefined,
      );
      return createCatalog(guide, { pageOf });
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
          ? import('../lazy/rich.js').then((m) => m.richTheme(out.colorLevel, out.ascii))
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
