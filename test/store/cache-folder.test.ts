import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFolderPath, openCacheFolder } from '../../src/store/cache-folder.js';
import { readPrivateFile, writePrivateFile } from '../../src/store/private-file.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'virt-store-'));

describe('where the cache folder is', () => {
  test('VIRT_CACHE_DIR, then an absolute XDG_CACHE_HOME, then HOME; relative paths are settled or refused', () => {
    expect(cacheFolderPath({ VIRT_CACHE_DIR: '/c', HOME: '/home/ana' })).toEqual({ path: '/c' });
    expect(cacheFolderPath({ VIRT_CACHE_DIR: 'rel' }, () => '/work')).toEqual({ path: '/work/rel' });
    expect(cacheFolderPath({ VIRT_CACHE_DIR: '' })).toEqual({ reason: expect.stringContaining('turns caching off') });
    expect(cacheFolderPath({ XDG_CACHE_HOME: '/var/cache/ana', HOME: '/home/ana' })).toEqual({
      path: '/var/cache/ana/virt',
    });
    // The XDG rules say a relative XDG_CACHE_HOME is to be ignored.
    expect(cacheFolderPath({ XDG_CACHE_HOME: 'relxdg', HOME: '/home/ana' })).toEqual({ path: '/home/ana/.cache/virt' });
    expect(cacheFolderPath({ HOME: 'relhome' })).toEqual({
      reason: expect.stringContaining('not an absolute path'),
      misconfigured: true,
    });
    expect(cacheFolderPath({})).toEqual({ reason: 'HOME is not set' });
  });

  test('a relative VIRT_CACHE_DIR in a working directory that is gone means no cache, not a failure', () => {
    const gone = () => {
      throw Object.assign(new Error('uv_cwd'), { code: 'ENOENT' });
    };
    expect(cacheFolderPath({ VIRT_CACHE_DIR: 'rel' }, gone)).toEqual({
      reason: expect.stringContaining('working directory is gone'),
      misconfigured: true,
    });
  });
});

describe('whether virt trusts the cache folder', () => {
  test('a folder virt makes is private (0700), tagged, and trusted', () => {
    const folder = join(scratch(), 'a', 'virt');
    const opened = openCacheFolder({ VIRT_CACHE_DIR: folder }, { create: true });
    expect(opened).toEqual({ path: folder, trusted: true });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, '..')).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toEqual(['CACHEDIR.TAG']);
    expect(statSync(join(folder, 'CACHEDIR.TAG')).mode & 0o777).toBe(0o600);
  });

  test('a folder others can write to, or another user owns, is not used, and says why', () => {
    const open = scratch();
    chmodSync(open, 0o777);
    expect(openCacheFolder({ VIRT_CACHE_DIR: open }, { create: true })).toMatchObject({
      trusted: false,
      reason: 'others can write to it (mode 777)',
    });
    const theirs = scratch();
    chownSync(theirs, 65534, 65534);
    expect(openCacheFolder({ VIRT_CACHE_DIR: theirs }, { create: true })).toMatchObject({
      trusted: false,
      reason: 'it belongs to another user (uid 65534)',
    });
    const file = join(scratch(), 'file');
    writeFileSync(file, '');
    expect(openCacheFolder({ VIRT_CACHE_DIR: file }, { create: true })).toMatchObject({
      trusted: false,
      reason: 'it is not a folder',
    });
  });

  test('without `create`, a missing folder is not made', () => {
    const folder = join(scratch(), 'missing');
    expect(openCacheFolder({ VIRT_CACHE_DIR: folder }, { create: false })).toMatchObject({ trusted: false });
    expect(() => statSync(folder)).toThrow();
  });
});

describe('private files', () => {
  test('are written whole with mode 0600, and read back', () => {
    const folder = scratch();
    writePrivateFile(folder, 'pack-0123456789abcdef.json', 'hello');
    expect(statSync(join(folder, 'pack-0123456789abcdef.json')).mode & 0o777).toBe(0o600);
    expect(readPrivateFile(folder, 'pack-0123456789abcdef.json')?.toString()).toBe('hello');
    expect(readdirSync(folder)).toEqual(['pack-0123456789abcdef.json']);
  });

  test('a full disk leaves no temporary file behind, and the old file as it was', () => {
    const folder = scratch();
    writePrivateFile(folder, 'pack-0123456789abcdef.json', 'old');
    const fullDisk = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    for (let i = 0; i < 20; i++) {
      expect(() => writePrivateFile(folder, 'pack-0123456789abcdef.json', 'new', fullDisk)).toThrow(/ENOSPC/);
    }
    expect(readdirSync(folder)).toEqual(['pack-0123456789abcdef.json']);
    expect(readPrivateFile(folder, 'pack-0123456789abcdef.json')?.toString()).toBe('old');
  });

  test("a link, a FIFO or a folder in a cache file's place is not read, and nothing waits", () => {
    const folder = scratch();
    const secret = join(scratch(), 'secret');
    writeFileSync(secret, 'token=hunter2');
    symlinkSync(secret, join(folder, 'pack-0123456789abcdef.json'));
    expect(readPrivateFile(folder, 'pack-0123456789abcdef.json')).toBeUndefined();
    execFileSync('mkfifo', [join(folder, 'pack-fedcba9876543210.json')]);
    expect(readPrivateFile(folder, 'pack-fedcba9876543210.json')).toBeUndefined();
    mkdirSync(join(folder, 'pack-aaaaaaaaaaaaaaaa.json'));
    expect(readPrivateFile(folder, 'pack-aaaaaaaaaaaaaaaa.json')).toBeUndefined();
  });
});
