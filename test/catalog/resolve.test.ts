import { describe, expect, test } from '@jest/globals';
import { createCatalog } from '../../src/catalog/catalog.js';
import { fixtureGuide } from '../helpers/fixture-guide.js';

const catalog = createCatalog(fixtureGuide());
const found = (name: string) => {
  const result = catalog.resolve(name);
  return result.kind === 'found' ? `${result.topic.id} by ${result.via}` : result.kind;
};

describe('resolving a name to a topic', () => {
  test.each([
    ['paravirtualization', 'paravirtualization by name'],
    ['PARA virtualization', 'paravirtualization by name'],
    ['Para-Virtualization', 'paravirtualization by name'],
    ['para', 'paravirtualization by name'],
    ['PV', 'paravirtualization by name'],
    ['full', 'full-virtualization by name'],
    ['what is virtualization', 'what-is-virtualization by name'],
    ['type 2 hypervisor', 'type-2-hypervisor by name'],
    ['hosted', 'type-2-hypervisor by prefix'],
    ['virtio dev', 'paravirtualized-devices by prefix'],
    ['whatis', 'what-is-virtualization by prefix'],
    ['paravirtualizaton', 'paravirtualization by typo'],
    ['ful virtualization', 'full-virtualization by typo'],
  ])('%s → %s', (name, expected) => {
    expect(found(name)).toBe(expected);
  });

  test('an ambiguous prefix lists its candidates', () => {
    const result = catalog.resolve('type');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.candidates.map((t) => t.id).sort()).toEqual([
      'type-1-hypervisor',
      'type-2-hypervisor',
    ]);
  });

  test('an unknown name has no topic but close suggestions', () => {
    const result = catalog.resolve('paravirtual machine monitor');
    expect(result.kind).toBe('unknown');
    expect(catalog.resolve('nothing-like-this')).toEqual({ kind: 'unknown', suggestions: [] });
    expect(catalog.resolve('   ')).toEqual({ kind: 'unknown', suggestions: [] });
  });

  test('groups by tag and by kind', () => {
    expect(catalog.group('methods')?.map((t) => t.id)).toEqual(['full-virtualization', 'paravirtualization']);
    expect(catalog.group('@terms')?.length).toBe(3);
    expect(catalog.group('nope')).toBeUndefined();
  });
});
