import type { Catalog } from '../catalog/catalog.js';
import type { SearchIndex } from '../catalog/search-index.js';
import type { Theme } from '../render/theme.js';
import type { CacheFolder } from '../store/cache-folder.js';
import type { Io } from './io.js';
import type { OutputSettings } from './output.js';

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
