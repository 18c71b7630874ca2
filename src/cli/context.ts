import { createCatalog, type Catalog } from '../catalog/catalog.js';
import { loadGuide, readCompiledBody } from '../content/load-guide.js';
import { plainTheme, type Theme } from '../render/theme.js';
import type { Io } from './io.js';
import type { OutputSettings } from './output-mode.js';

/** What every command gets: where to write, how to print, and the guide (loaded on first use). */
export interface Context {
  io: Io;
  /** Where parsed packs and their search index are cached; undefined for none. */
  cacheDirectory: string | undefined;
  /** The pack folders in use, each once, in order. */
  packs: string[];
  version: string;
  out: OutputSettings;
  theme(): Promise<Theme>;
  catalog(): Promise<Catalog>;
  /** Writes a result to stdout. */
  write(text: string): void;
  /** Writes a long result, through the pager when one applies. */
  show(text: string): Promise<void>;
  /** A message for the user on stderr (never part of the result). */
  note(text: string): void;
}

export interface ContextOptions {
  packs: string[];
  /** Where parsed packs are cached between runs; undefined for none. */
  cacheDirectory?: string;
  /** auto: page on a terminal when taller than the screen; always: page on a terminal; never. */
  pager: 'auto' | 'always' | 'never';
}

export function createContext(io: Io, out: OutputSettings, options: ContextOptions, version = '0.0.0'): Context {
  let catalog: Promise<Catalog> | undefined;
  let theme: Promise<Theme> | undefined;
  const write = (text: string) => io.stdout.write(text);
  return {
    io,
    cacheDirectory: options.cacheDirectory,
    packs: options.packs,
    version,
    out,
    write,
    note: (text) => io.stderr.write(`${text}\n`),
    theme: () =>
      (theme ??=
        out.mode === 'rich'
          ? import('../lazy/rich.js').then((m) => m.richTheme(out.colorLevel, out.ascii))
          : Promise.resolve(plainTheme(out.ascii))),
    catalog: () =>
      (catalog ??= loadGuide(options.packs, options.cacheDirectory).then((guide) =>
        createCatalog(guide, { loadBody: readCompiledBody }),
      )),
    show: async (text) => {
      const paged =
        out.mode === 'rich' && options.pager !== 'never' && io.stdout.isTTY && io.page
          ? await io.page(text, io.env, options.pager === 'always')
          : false;
      if (!paged) write(text);
    },
  };
}
