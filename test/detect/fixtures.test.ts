import { describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectSystem } from '../../src/detect/detect.js';
import { fileSystemView } from '../../src/detect/fs-system-view.js';
import type { DetectReport } from '../../src/detect/report.js';
import { verdict } from '../../src/detect/verdict.js';
import { memorySystem } from '../helpers/memory-system.js';

const FIXTURES = join('test', 'fixtures', 'detect');
const detect = (name: string): DetectReport => detectSystem(fileSystemView(join(process.cwd(), FIXTURES, name)));

const DMI = '/sys/class/dmi/id';
const CLOCK = '/sys/devices/system/clocksource/clocksource0';

interface Expected {
  vm: string | null;
  /** The paths of the VM layer's evidence (or, with no VM, of what shows the machine is a host). */
  vmEvidence: string[];
  /** Container ids, outermost first. */
  containers: string[];
  containerEvidence?: string[];
  usable: boolean;
  verdict: string;
}

/** Every case of issue 20's "Done when" list, and this machine captured twice. */
const CASES: Record<string, Expected> = {
  'kvm-redhat': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, `${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A KVM virtual machine; it cannot run KVM guests as it is',
  },
  'kvm-qemu': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/available_clocksource`, `${DMI}/sys_vendor`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A KVM virtual machine; it cannot run KVM guests as it is',
  },
  'qemu-tcg': {
    vm: 'qemu',
    vmEvidence: [`${DMI}/sys_vendor`, `${CLOCK}/available_clocksource`, '/proc/cpuinfo', '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A QEMU virtual machine emulated without KVM; it cannot run KVM guests as it is',
  },
  vmware: {
    vm: 'vmware',
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A VMware virtual machine; it cannot run KVM guests as it is',
  },
  'hyper-v': {
    vm: 'microsoft',
    vmEvidence: [`${DMI}/product_name`, `${CLOCK}/current_clocksource`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A Hyper-V virtual machine; it cannot run KVM guests as it is',
  },
  virtualbox: {
    vm: 'oracle',
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A VirtualBox virtual machine; it cannot run KVM guests as it is',
  },
  'xen-hvm': {
    vm: 'xen',
    vmEvidence: [`${DMI}/sys_vendor`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A Xen virtual machine; it cannot run KVM guests as it is',
  },
  'xen-dom0': {
    vm: null,
    vmEvidence: ['/proc/xen/capabilities'],
    containers: [],
    usable: false,
    verdict: 'A Xen dom0 (the control domain of a Xen host, not a guest); it cannot run KVM guests as it is',
  },
  gce: {
    vm: 'google',
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A Google Compute Engine virtual machine; it cannot run KVM guests as it is',
  },
  'aws-nitro': {
    vm: 'amazon',
    vmEvidence: [`${DMI}/sys_vendor`, '/proc/cpuinfo', '/proc/sys/kernel/osrelease'],
    containers: [],
    usable: false,
    verdict: 'An Amazon EC2 (Nitro) virtual machine; it cannot run KVM guests as it is',
  },
  'aws-metal': {
    vm: null,
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'An Amazon EC2 bare-metal instance (no hypervisor beneath); it cannot run KVM guests as it is',
  },
  parallels: {
    vm: 'parallels',
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A Parallels virtual machine; it cannot run KVM guests as it is',
  },
  apple: {
    vm: 'apple',
    vmEvidence: [`${DMI}/product_name`],
    containers: [],
    usable: false,
    verdict: "A virtual machine of Apple's Virtualization framework; it cannot run KVM guests as it is",
  },
  bhyve: {
    vm: 'bhyve',
    vmEvidence: [`${DMI}/product_name`, '/proc/cpuinfo'],
    containers: [],
    usable: false,
    verdict: 'A bhyve virtual machine; it cannot run KVM guests as it is',
  },
  firecracker: {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, '/proc/cpuinfo', DMI],
    containers: [],
    usable: false,
    verdict: 'A KVM microVM; it cannot run KVM guests as it is',
  },
  docker: {
    vm: null,
    vmEvidence: [],
    containers: ['docker'],
    containerEvidence: ['/.dockerenv'],
    usable: false,
    verdict: 'A Docker container on a machine that shows no hypervisor; it cannot run KVM guests as it is',
  },
  'podman-rootless': {
    vm: null,
    vmEvidence: [],
    containers: ['podman'],
    containerEvidence: ['/proc/1/environ', '/run/.containerenv', '/run/.containerenv'],
    usable: false,
    verdict: 'A rootless Podman container on a machine that shows no hypervisor; it cannot run KVM guests as it is',
  },
  lxc: {
    vm: null,
    vmEvidence: [],
    containers: ['lxc'],
    containerEvidence: ['/run/systemd/container'],
    usable: false,
    verdict: 'An LXC container on a machine that shows no hypervisor; it cannot run KVM guests as it is',
  },
  nspawn: {
    vm: null,
    vmEvidence: [],
    containers: ['systemd-nspawn'],
    containerEvidence: ['/run/host/container-manager'],
    usable: false,
    verdict: 'A systemd-nspawn container on a machine that shows no hypervisor; it cannot run KVM guests as it is',
  },
  wsl2: {
    vm: 'microsoft',
    vmEvidence: [`${CLOCK}/current_clocksource`, '/proc/cpuinfo'],
    containers: ['wsl'],
    containerEvidence: ['/proc/sys/kernel/osrelease'],
    usable: false,
    verdict: 'A WSL 2 environment inside a Hyper-V virtual machine; it cannot run KVM guests as it is',
  },
  openvz: {
    vm: null,
    vmEvidence: [],
    containers: ['openvz'],
    containerEvidence: ['/proc/vz', '/proc/bc'],
    usable: false,
    verdict: 'An OpenVZ container on a machine that shows no hypervisor; it cannot run KVM guests as it is',
  },
  'kvm-host-nested': {
    vm: null,
    vmEvidence: [],
    containers: [],
    usable: true,
    verdict:
      'No virtual machine or container found: this looks like bare metal; it looks able to run KVM guests (access not tested)',
  },
  'laptop-vtx-disabled': {
    vm: null,
    vmEvidence: [],
    containers: [],
    usable: false,
    verdict: 'No virtual machine or container found: this looks like bare metal; it cannot run KVM guests as it is',
  },
  'docker-in-kvm': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, `${DMI}/sys_vendor`, '/proc/cpuinfo'],
    containers: ['docker'],
    containerEvidence: ['/.dockerenv'],
    usable: false,
    verdict: 'A Docker container inside a KVM virtual machine; it cannot run KVM guests as it is',
  },
  'nspawn-in-vm': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, `${DMI}/product_name`, '/proc/cpuinfo'],
    containers: ['systemd-nspawn'],
    containerEvidence: ['/run/host/container-manager'],
    usable: false,
    verdict: 'A systemd-nspawn container inside a KVM virtual machine; it cannot run KVM guests as it is',
  },
  // Captured here: a Docker container in a PVM guest (a KVM microVM without DMI), kvm_pvm loaded, no vmx or svm.
  'this-machine': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, '/proc/cpuinfo', DMI],
    containers: ['docker'],
    containerEvidence: ['/.dockerenv'],
    usable: false,
    verdict: 'A Docker container inside a KVM microVM; it cannot run KVM guests as it is',
  },
  // The same with /dev/kvm passed in, as issue 20 describes this machine.
  'pvm-dev-kvm': {
    vm: 'kvm',
    vmEvidence: [`${CLOCK}/current_clocksource`, '/proc/cpuinfo', DMI],
    containers: ['docker'],
    containerEvidence: ['/.dockerenv'],
    usable: true,
    verdict: 'A Docker container inside a KVM microVM; it looks able to run KVM guests (access not tested)',
  },
};

describe('virt detect on captured systems (test/fixtures/detect)', () => {
  test('every fixture folder has a case here, and every case a folder', () => {
    expect(
      readdirSync(FIXTURES, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? [e.name] : []))
        .sort(),
    ).toEqual(Object.keys(CASES).sort());
  });

  test.each(Object.entries(CASES))('%s', (name, expected) => {
    const report = detect(name);
    expect(report.vm?.id ?? null).toBe(expected.vm);
    const vmRows = report.vm?.evidence ?? (expected.vmEvidence.length ? report.noVm!.evidence : []);
    expect(vmRows.map((row) => row.path)).toEqual(expected.vmEvidence);
    expect(report.containers.map((layer) => layer.id)).toEqual(expected.containers);
    if (expected.containerEvidence)
      expect(report.containers.at(-1)!.evidence.map((row) => row.path)).toEqual(expected.containerEvidence);
    expect(report.kvm.usable).toBe(expected.usable);
    expect(verdict(report)).toBe(expected.verdict);
    expect(report.live).toBe(false);
  });
});

describe('the guards', () => {
  const check = (report: DetectReport, id: string) => report.kvm.checks.find((c) => c.id === id);

  test("VirtualBox and GCE offer KVM's clock, yet their firmware tables name them", () => {
    for (const name of ['virtualbox', 'gce', 'aws-nitro']) {
      const report = detect(name);
      expect([name, report.vm?.evidence.some((row) => row.value === 'kvm-clock')]).toEqual([name, false]);
    }
  });

  test('an EC2 .metal instance is a host: its product name says so', () => {
    const report = detect('aws-metal');
    expect(report.noVm?.kind).toBe('bare-metal-instance');
    expect(report.noVm?.evidence[0]).toMatchObject({ value: 'm5.metal' });
    expect(check(report, 'cpu-virtualization')?.status).toBe('PASS');
  });

  test("Hyper-V's clock alone says Hyper-V only when nothing else names a hypervisor", () => {
    expect(detect('wsl2').vm?.evidence[0]?.rule).toMatch(/nothing else names another hypervisor/);
    expect(detect('hyper-v').vm?.evidence[0]?.path).toBe(`${DMI}/product_name`);
  });

  test('a microVM without DMI links to the Firecracker page', () => {
    expect(detect('firecracker').vm).toMatchObject({ id: 'kvm', topic: 'firecracker' });
  });

  test('a bare-metal KVM host with nested on passes every check that applies', () => {
    const report = detect('kvm-host-nested');
    expect(report.kvm.checks.map((c) => [c.id, c.status])).toEqual([
      ['cpu-virtualization', 'PASS'],
      ['kvm-module', 'PASS'],
      ['dev-kvm', 'PASS'],
      ['dev-kvm-access', 'INFO'],
      ['nested', 'PASS'],
      ['iommu', 'PASS'],
      ['vhost-net', 'PASS'],
    ]);
    expect(check(report, 'dev-kvm-access')?.message).toMatch(/not tested/);
  });

  test('a laptop with VT-x off in firmware is told to look at the firmware settings', () => {
    const report = detect('laptop-vtx-disabled');
    expect(check(report, 'cpu-virtualization')).toMatchObject({ status: 'FAIL', topic: 'firmware-settings' });
    expect(check(report, 'cpu-virtualization')?.hint).toMatch(/firmware settings/);
    expect(check(report, 'kvm-module')).toMatchObject({ status: 'WARN', topic: 'firmware-settings' });
    expect(check(report, 'dev-kvm')?.status).toBe('FAIL');
  });

  test('/dev/kvm without vmx or svm is explained: kvm_pvm provides it', () => {
    const report = detect('pvm-dev-kvm');
    expect(check(report, 'kvm-without-flags')?.message).toMatch(/kvm_pvm provides it/);
    expect(check(report, 'cpu-virtualization')?.status).toBe('INFO');
    expect(check(detect('this-machine'), 'dev-kvm')?.hint).toMatch(/passed in/);
  });

  test("only PID 1's container= entry is kept from its environment", () => {
    const report = detect('podman-rootless');
    const values = report.containers.flatMap((layer) => layer.evidence.map((row) => row.value)).join(' ');
    expect(values).toContain('container=podman');
    expect(values).not.toMatch(/PATH=|HOME=|HOSTNAME=/);
  });

  test('Kubernetes: the service-account mount or the environment marks the pod, around the runtime found', () => {
    const mount = '/run/secrets/kubernetes.io/serviceaccount/token';
    const withDocker = detectSystem(memorySystem({ [mount]: 'x', '/.dockerenv': '' }));
    expect(withDocker.containers.map((layer) => [layer.id, layer.name])).toEqual([
      ['docker', 'Docker in a Kubernetes pod'],
    ]);
    expect(withDocker.containers[0]!.evidence.map((row) => row.path)).toEqual([
      '/.dockerenv',
      '/run/secrets/kubernetes.io/serviceaccount',
    ]);
    const live = {
      env: (name: string) => ({ KUBERNETES_SERVICE_HOST: '10.0.0.1' })[name],
      canReadWrite: () => undefined,
    };
    const alone = detectSystem(memorySystem({}), live);
    expect(alone.containers.map((layer) => [layer.id, layer.name])).toEqual([['container-other', 'a Kubernetes pod']]);
    expect(alone.containers[0]!.evidence[0]).toMatchObject({ path: '$KUBERNETES_SERVICE_HOST', value: 'set' });
  });

  test("live, this process's container= variable names the manager when no file does; never under --root", () => {
    const live = { env: (name: string) => ({ container: 'podman' })[name], canReadWrite: () => undefined };
    expect(detectSystem(memorySystem({}), live).containers.map((layer) => layer.id)).toEqual(['podman']);
    expect(detectSystem(memorySystem({})).noContainer?.evidence.at(-1)).toMatchObject({
      path: '$container',
      value: 'not read',
    });
  });

  test('live, /dev/kvm that this user may not open fails with the log-in-again hint', () => {
    const view = memorySystem({
      '/proc/cpuinfo': 'processor\t: 0\nflags\t\t: fpu vmx\n\n',
      '/dev/kvm': '',
      '/sys/module/kvm/parameters/ignore_msrs': 'N\n',
      '/sys/module/kvm_intel/parameters/nested': 'N\n',
    });
    const denied = detectSystem(view, { env: () => undefined, canReadWrite: () => false });
    const access = denied.kvm.checks.find((check) => check.id === 'dev-kvm-access')!;
    expect(access.status).toBe('FAIL');
    expect(access.hint).toMatch(/usermod -aG kvm .*log in again/);
    expect(denied.kvm.usable).toBe(false);
    expect(verdict(denied)).toMatch(/\/dev\/kvm is here, but this user may not open it$/);
    expect(denied.kvm.checks.find((check) => check.id === 'nested')).toMatchObject({ status: 'INFO' });
    const allowed = detectSystem(view, { env: () => undefined, canReadWrite: () => true });
    expect(allowed.kvm.usable).toBe(true);
    expect(verdict(allowed)).toMatch(/; this machine can run KVM guests$/);
  });
});
