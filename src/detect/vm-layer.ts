import { AVAILABLE_CLOCKSOURCE, clockEvidence, readClocks } from './clocksource.js';
import { CPUINFO, isX86, type CpuInfo } from './cpuinfo.js';
import { deviceTreeHypervisor } from './device-tree.js';
import { DMI_DIR, dmiPath, matchDmiVendor, readDmi, type Dmi, type DmiMatch } from './dmi.js';
import { evidence, vmLayer } from './evidence.js';
import { OSRELEASE } from './kernel-release.js';
import { OTHER_TOPICS, VM_IDS } from './identifiers.js';
import type { Absence, Evidence, Layer } from './report.js';
import { describeUnread, firstLine, type SystemView } from './system-view.js';

/**
 * Makers whose guests may also show KVM's or Xen's signs (Nitro and GCE run on KVM; VirtualBox and
 * Parallels can offer KVM's paravirtual interface): their firmware tables name them, and decide first.
 */
const BRANDS = new Set(['oracle', 'xen', 'amazon', 'parallels', 'google']);

/** Kernels built for one platform carry its name in their release: supporting evidence, never deciding. */
const KERNEL_FLAVOURS: [suffix: RegExp, id: string][] = [
  [/-aws$/, 'amazon'],
  [/-gcp$/, 'google'],
  [/-azure$/, 'microsoft'],
  [/-kvm$/, 'kvm'],
];

export interface VmFinding {
  vm: Layer | null;
  /** Set when vm is null. */
  noVm: Absence | null;
}

/**
 * The VM layer, from files alone. CPUID's hypervisor signature would settle most cases, but it needs native
 * code; the paravirtual clock a hypervisor offers its guests names it nearly as well, and the firmware
 * (DMI) tables name the rest. Where the two disagree, the order below is what decides.
 */
export function detectVm(view: SystemView, cpu: CpuInfo, kernelRelease: string | undefined): VmFinding {
  const dmi = readDmi(view);
  const flag = cpu.flags?.has('hypervisor')
    ? evidence(CPUINFO, 'flags: hypervisor', 'the CPU reports a hypervisor beneath this kernel')
    : undefined;
  const found = (layer: Layer): VmFinding => ({ vm: withKernelFlavour(layer, kernelRelease), noVm: null });
  let match = matchDmiVendor(dmi);
  // Oracle's own servers share the vendor name with VirtualBox's firmware; only a guest shows the flag.
  if (match?.prefix === 'Oracle Corporation' && !flag && isX86(cpu)) match = undefined;
  const dmiSays = match ? dmiEvidence(match) : undefined;

  if (match && BRANDS.has(match.id)) {
    if (match.id === 'amazon' && dmi.values.product_name?.includes('.metal')) return amazonMetal(dmi, flag);
    return found(vmLayer(match.id, [dmiSays, flag]));
  }

  if (cpu.vendor === 'User Mode Linux')
    return found(
      vmLayer('uml', [evidence(CPUINFO, `vendor_id: ${cpu.vendor}`, 'a Linux kernel running as a process')]),
    );

  let dom0: Evidence | undefined;
  if (view.exists('/proc/xen')) {
    const capabilities = view.read('/proc/xen/capabilities', 256);
    if (capabilities.state === 'text' && capabilities.text.includes('control_d')) {
      dom0 = evidence(
        '/proc/xen/capabilities',
        'control_d',
        "Xen's control domain (dom0): it runs on the hypervisor and manages its guests, but is no guest itself",
      );
    } else {
      return found(
        vmLayer('xen', [
          evidence('/proc/xen', 'present', "Xen's interface for the domains it runs"),
          evidence(
            '/proc/xen/capabilities',
            capabilities.state === 'text' ? capabilities.text.trim() || 'empty' : describeUnread(capabilities),
            'no control_d: an unprivileged domain (domU), a guest',
          ),
          dmiSays,
        ]),
      );
    }
  }

  const clocks = readClocks(view);
  const kvmClock = clockEvidence(clocks, 'kvm');
  if (kvmClock) {
    const agrees = match && (match.id === 'kvm' || match.id === 'qemu') ? dmiSays : undefined;
    if (!dmi.present)
      return found(
        vmLayer(
          'kvm',
          [kvmClock, flag, evidence(DMI_DIR, 'absent', 'no firmware (DMI) tables at all, as in Firecracker microVMs')],
          {
            name: 'KVM (a microVM without firmware tables)',
            phrase: 'a KVM microVM',
            topic: OTHER_TOPICS.microvm,
          },
        ),
      );
    return found(vmLayer('kvm', [kvmClock, agrees, flag]));
  }
  const xenClock = dom0 ? undefined : clockEvidence(clocks, 'xen');
  if (xenClock) return found(vmLayer('xen', [xenClock, dmiSays, flag]));
  const hypervClock = clockEvidence(clocks, 'microsoft');

  if (match) {
    if (match.id === 'qemu') return found(qemu(match, dmiSays!, hypervClock, cpu, flag));
    return found(vmLayer(match.id, [dmiSays, match.id === 'microsoft' ? hypervClock : undefined, flag]));
  }

  const hypervisorType = dom0 ? undefined : firstLine(view, '/sys/hypervisor/type');
  if (hypervisorType) {
    const says = evidence('/sys/hypervisor/type', hypervisorType, 'the kernel names the hypervisor it runs on');
    return found(vmLayer(hypervisorType === 'xen' ? 'xen' : 'vm-other', [says, flag]));
  }

  const tree = deviceTreeHypervisor(view);
  if (tree) return found(vmLayer(tree.id, [tree.evidence]));

  // QEMU can show Hyper-V's interface to Windows guests, so Hyper-V's clock alone decides only here, last.
  if (hypervClock)
    return found(
      vmLayer('microsoft', [
        { ...hypervClock, rule: `${hypervClock.rule}; nothing else names another hypervisor` },
        flag,
      ]),
    );

  if (dom0)
    return {
      vm: null,
      noVm: {
        phrase: 'a Xen dom0 (the control domain of a Xen host, not a guest)',
        kind: 'xen-dom0',
        evidence: [dom0],
        topic: OTHER_TOPICS.xenDom0,
      },
    };

  if (flag)
    return found(
      vmLayer('vm-other', [
        { ...flag, rule: `${flag.rule}, but no file names it` },
        dmi.values.sys_vendor
          ? evidence(dmiPath('sys_vendor'), dmi.values.sys_vendor, 'not a vendor virt knows')
          : undefined,
      ]),
    );

  return { vm: null, noVm: nothingFound(cpu, dmi) };
}

function dmiEvidence(match: DmiMatch): Evidence {
  // QEMU's tables are the same with KVM or without: here the maker is only QEMU.
  const maker = match.id === 'qemu' ? 'QEMU' : (VM_IDS[match.id]?.name ?? match.id);
  return evidence(dmiPath(match.field), match.value, `starts with "${match.prefix}": firmware tables of ${maker}`);
}

/** QEMU's machine, with KVM or without: KVM offers its clock, and QEMU offers Hyper-V's interface only with KVM. */
function qemu(
  match: DmiMatch,
  dmiSays: Evidence,
  hypervClock: Evidence | undefined,
  cpu: CpuInfo,
  flag: Evidence | undefined,
): Layer {
  if (hypervClock)
    return vmLayer('kvm', [
      dmiSays,
      { ...hypervClock, rule: `${hypervClock.rule}: QEMU offers it only with KVM` },
      flag,
    ]);
  if (!isX86(cpu))
    return vmLayer('qemu', [dmiSays, flag], {
      name: 'QEMU',
      phrase: 'a QEMU virtual machine',
    });
  const tcgModel = cpu.model?.startsWith('QEMU Virtual CPU')
    ? evidence(CPUINFO, `model name: ${cpu.model}`, "QEMU's own CPU model, as emulation shows by default")
    : undefined;
  return vmLayer('qemu', [
    dmiSays,
    evidence(
      AVAILABLE_CLOCKSOURCE,
      'no kvm-clock',
      "KVM's paravirtual clock is not offered: QEMU is emulating the CPU (TCG)",
    ),
    tcgModel,
    flag,
  ]);
}

function amazonMetal(dmi: Dmi, flag: Evidence | undefined): VmFinding {
  return {
    vm: null,
    noVm: {
      phrase: 'an Amazon EC2 bare-metal instance (no hypervisor beneath)',
      kind: 'bare-metal-instance',
      evidence: [
        evidence(dmiPath('product_name'), dmi.values.product_name!, 'a .metal instance type: bare metal, not a VM'),
        ...(flag ? [] : [evidence(CPUINFO, 'no hypervisor flag', 'the CPU reports no hypervisor')]),
      ],
      topic: OTHER_TOPICS.bareMetal,
    },
  };
}

function nothingFound(cpu: CpuInfo, dmi: Dmi): Absence {
  const cpuSays =
    cpu.read.state !== 'text'
      ? evidence(CPUINFO, describeUnread(cpu.read), 'the hypervisor flag could not be read')
      : isX86(cpu)
        ? evidence(CPUINFO, 'no hypervisor flag', 'the CPU reports no hypervisor beneath this kernel')
        : undefined;
  const vendor = dmi.values.sys_vendor ?? dmi.values.product_name;
  return {
    phrase: 'a machine that shows no hypervisor',
    kind: 'nothing-found',
    evidence: [
      ...(cpuSays ? [cpuSays] : []),
      vendor !== undefined
        ? evidence(
            dmiPath(dmi.values.sys_vendor !== undefined ? 'sys_vendor' : 'product_name'),
            vendor,
            'names no hypervisor',
          )
        : evidence(DMI_DIR, dmi.present ? 'empty' : 'absent', 'no firmware tables to name a hypervisor'),
    ],
    topic: OTHER_TOPICS.bareMetal,
  };
}

function withKernelFlavour(layer: Layer, release: string | undefined): Layer {
  const flavour = release ? KERNEL_FLAVOURS.find(([suffix, id]) => id === layer.id && suffix.test(release)) : undefined;
  return flavour
    ? { ...layer, evidence: [...layer.evidence, evidence(OSRELEASE, release!, 'a kernel built for this platform')] }
    : layer;
}
