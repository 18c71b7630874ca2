import { describe, expect, test } from '@jest/globals';
import { createCatalog } from '../../src/catalog/catalog.js';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import { builtinContentDir } from '../../src/content/paths.js';
import { formatProblem } from '../../src/errors.js';

const { guide, problems } = await readGuideFromMarkdown(builtinContentDir());
const catalog = createCatalog(guide);

describe('the built-in guide', () => {
  test('parses with no problem at all (errors or warnings)', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('has at least 125 topics in a tree whose top level is the chapters, in reading order', () => {
    expect(guide.topics.length).toBeGreaterThanOrEqual(125);
    expect(catalog.children(undefined).map((t) => t.id)).toEqual([
      'what-is-virtualization',
      'virtualization-solutions',
      'why-use-virtualization',
      'products-and-features',
      'checking-a-host',
      'glossary',
      'running-vms-well',
      'containers-in-practice',
      'other-platforms',
    ]);
    expect(catalog.children('running-vms-well').map((t) => t.id)).toEqual([
      'confidential-computing',
      'performance-tuning',
      'machine-types',
      'managing-vms-today',
      'guest-integration',
      'networking-and-io',
    ]);
    expect(catalog.children('what-is-virtualization').map((t) => t.id)).toEqual([
      'full-virtualization',
      'paravirtualization',
      'software-virtualization',
      'containerization',
      'hybrid-virtualization',
      'misconceptions',
    ]);
  });

  test('every topic has a summary, a source with a URL, and some text', () => {
    for (const topic of guide.topics) {
      expect([topic.id, topic.summary.length > 10]).toEqual([topic.id, true]);
      expect([topic.id, topic.sources.length > 0 && topic.sources.every((s) => /^https:\/\//.test(s.url))]).toEqual([
        topic.id,
        true,
      ]);
      expect([topic.id, topic.intro.length + topic.sections.length > 0]).toEqual([topic.id, true]);
    }
  });

  test('every method and product has its full attribute set; methods justify each value', () => {
    for (const topic of guide.topics) {
      for (const def of guide.schema.sets[topic.kind] ?? []) {
        expect([topic.id, def.key, Boolean(topic.attributes[def.key]?.value)]).toEqual([topic.id, def.key, true]);
        if (topic.kind === 'method')
          expect([topic.id, def.key, Boolean(topic.attributes[def.key]?.why)]).toEqual([topic.id, def.key, true]);
      }
    }
    expect(catalog.group('methods')?.length).toBe(5);
    expect(catalog.group('products')?.length).toBeGreaterThanOrEqual(20);
  });

  test.each([
    ['sr-iov', 'sr-iov'],
    ['ept', 'slat'],
    ['type 2 hypervisor', 'type-2-hypervisor'],
    ['dom0', 'xen'],
    ['vt-x', 'intel-vt-x'],
    ['hvm', 'full-virtualization'],
    ['para', 'paravirtualization'],
    ['full', 'full-virtualization'],
    ['what is virtualization', 'what-is-virtualization'],
    ['paravirtualisation', 'paravirtualization'],
    ['qcow2', 'qcow2'],
    ['namespaces', 'namespaces'],
    ['firecracker', 'firecracker'],
    ['kvm', 'kvm'],
    ['virtio', 'virtio'],
    ['live migration', 'live-migration'],
    ['/dev/kvm', 'dev-kvm'],
    ['sev', 'amd-sev'],
    ['snp', 'amd-sev'],
    ['sev-snp', 'amd-sev'],
    ['tdx', 'intel-tdx'],
    ['confidential vm', 'confidential-computing'],
    ['attestation', 'attestation'],
    ['numa', 'numa'],
    ['vcpupin', 'cpu-pinning'],
    ['emulatorpin', 'cpu-pinning'],
    ['huge pages', 'hugepages'],
    ['iothread', 'iothreads'],
    ['q35', 'machine-types'],
    ['i440fx', 'machine-types'],
    ['ovmf', 'guest-firmware'],
    ['seabios', 'guest-firmware'],
    ['secure boot', 'secure-boot'],
    ['vtpm', 'vtpm'],
    ['swtpm', 'vtpm'],
    ['cockpit', 'web-console'],
    ['virt-v2v', 'virt-v2v'],
    ['mtv', 'rhv-to-openshift-virtualization'],
    ['qemu-ga', 'qemu-guest-agent'],
    ['fsfreeze', 'qemu-guest-agent'],
    ['hotplug', 'hot-plug'],
    ['virtio-mem', 'virtio-mem'],
    ['macvtap', 'macvtap'],
    ['ovs', 'open-vswitch'],
    ['vhost-net', 'vhost'],
    ['vhost-user', 'vhost'],
    ['vdpa', 'vdpa'],
    ['virtiofs', 'virtiofs'],
    ['virtio-fs', 'virtiofs'],
  ])('"%s" resolves to %s', (name, id) => {
    const found = catalog.resolve(name);
    expect(found.kind === 'found' ? found.topic.id : found.kind).toBe(id);
  });

  test('the glossary terms the guide promises are all there', () => {
    const terms = [
      'hypervisor',
      'type-1-hypervisor',
      'type-2-hypervisor',
      'host',
      'guest',
      'virtual-machine',
      'vmm',
      'kvm',
      'qemu',
      'tcg',
      'libvirt',
      'virsh',
      'virt-manager',
      'xen',
      'vmware-esxi',
      'hyper-v',
      'virtualbox',
      'virtio',
      'binary-translation',
      'trap-and-emulate',
      'popek-goldberg',
      'intel-vt-x',
      'amd-v',
      'slat',
      'iommu',
      'vfio',
      'sr-iov',
      'npiv',
      'live-migration',
      'snapshot',
      'qcow2',
      'ksm',
      'memory-ballooning',
      'overcommit',
      'namespaces',
      'cgroups',
      'seccomp',
      'chroot',
      'oci',
      'container-image',
      'docker',
      'podman',
      'lxc',
      'gvisor',
      'kata-containers',
      'firecracker',
      'microvm',
      'unikernel',
      'nested-virtualization',
      'svirt',
      'pvh',
    ];
    expect(terms.filter((id) => !catalog.get(id))).toEqual([]);
  });

  test('the oversimplification is corrected, not repeated', () => {
    const text = JSON.stringify(catalog.get('performance')) + JSON.stringify(catalog.get('full-virtualization'));
    expect(text).toMatch(/hypercall/i);
    expect(text).toMatch(/EPT|NPT|nested paging/);
    expect(text).toMatch(/workload/i);
  });
});
