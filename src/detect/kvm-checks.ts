import { CPUINFO, CPUINFO_LIMIT, isX86, virtualizationFlag, type CpuInfo } from './cpuinfo.js';
import { evidence } from './evidence.js';
import { OTHER_TOPICS } from './identifiers.js';
import type { LiveProbe } from './live-probe.js';
import type { Check, Evidence } from './report.js';
import { describeUnread, firstLine, type SystemView } from './system-view.js';

const DEV_KVM = '/dev/kvm';
const VHOST_NET = '/dev/vhost-net';
const VENDOR_MODULES = ['kvm_intel', 'kvm_amd', 'kvm_pvm'] as const;
type VendorModule = (typeof VENDOR_MODULES)[number];
const module = (name: string) => `/sys/module/${name}`;

/** Where the machine stands, as far as the checks' hints depend on it. */
export interface HostContext {
  /** Under a hypervisor (the CPU's flag or a VM layer found). */
  guest: boolean;
  /** Inside a container that shares this kernel (not WSL, which has a kernel of its own). */
  container: boolean;
  /** Xen's dom0: on the hypervisor, though no guest. */
  xenDom0: boolean;
}

export interface KvmFinding {
  usable: boolean;
  checks: Check[];
}

/**
 * Whether this machine can host KVM guests, asked the way virt-host-validate asks, one check per layer
 * that can stop it: the CPU, the kernel's modules, the device, this user's access, and what helps guests.
 */
export function kvmChecks(view: SystemView, cpu: CpuInfo, live: LiveProbe | undefined, where: HostContext): KvmFinding {
  const flag = virtualizationFlag(cpu);
  const devKvm = view.exists(DEV_KVM);
  const kvmModule = view.exists(module('kvm'));
  const vendors = VENDOR_MODULES.filter((name) => view.exists(module(name)));
  const pvm = vendors.includes('kvm_pvm');
  const x86 = isX86(cpu);
  const checks: Check[] = [cpuCheck(cpu, flag, devKvm, pvm, where)];
  if (devKvm && x86 && !flag && !cpu.cut) checks.push(withoutFlagsCheck(pvm));
  checks.push(moduleCheck(kvmModule, vendors, x86));
  checks.push(deviceCheck(devKvm, kvmModule, where));
  const access = devKvm ? live?.canReadWrite(DEV_KVM) : undefined;
  if (devKvm) checks.push(accessCheck(live !== undefined, access));
  checks.push(...nestedChecks(view, vendors));
  checks.push(iommuCheck(view));
  checks.push(vhostCheck(view.exists(VHOST_NET), where));
  checks.push(...memoryEncryptionChecks(view, vendors));
  // Under --root, access cannot be asked: the device and something to drive it must do.
  const usable = live ? devKvm && access === true : devKvm && (flag !== undefined || pvm || (!x86 && kvmModule));
  return { usable, checks };
}

function cpuCheck(
  cpu: CpuInfo,
  flag: 'vmx' | 'svm' | undefined,
  devKvm: boolean,
  pvm: boolean,
  where: HostContext,
): Check {
  const id = 'cpu-virtualization';
  if (cpu.read.state !== 'text')
    return {
      id,
      status: 'WARN',
      message: 'the CPU flags could not be read',
      evidence: [evidence(CPUINFO, describeUnread(cpu.read), 'without it, VT-x and AMD-V cannot be checked')],
      topic: OTHER_TOPICS.cpuFlags,
    };
  if (cpu.cut)
    return {
      id,
      status: 'WARN',
      message: `the CPU flags line runs past the ${CPUINFO_LIMIT} virt reads of /proc/cpuinfo, so it was not trusted`,
      evidence: [evidence(CPUINFO, 'flags: (cut)', 'VT-x and AMD-V could not be checked')],
      topic: OTHER_TOPICS.cpuFlags,
    };
  if (!isX86(cpu))
    return {
      id,
      status: 'INFO',
      message: 'not an x86 CPU: vmx and svm do not apply, and /dev/kvm tells whether KVM runs here',
      evidence: [evidence(CPUINFO, cpu.flagsField ? `${cpu.flagsField}: …` : 'no flags line', 'no x86 flags')],
      topic: OTHER_TOPICS.cpuFlags,
    };
  if (flag) {
    const extension = flag === 'vmx' ? 'Intel VT-x (vmx)' : 'AMD-V (svm)';
    return {
      id,
      status: 'PASS',
      message: where.guest
        ? `the CPU offers ${extension}, passed through by the hypervisor (nested virtualization)`
        : `the CPU offers ${extension}`,
      evidence: [evidence(CPUINFO, `flags: ${flag}`, `the hardware virtualization extension KVM drives`)],
      topic: where.guest ? OTHER_TOPICS.nested : OTHER_TOPICS.cpuFlags,
    };
  }
  const none = evidence(CPUINFO, 'flags: no vmx, no svm', 'no hardware virtualization extension is visible');
  if (pvm)
    return {
      id,
      status: 'INFO',
      message: 'the CPU shows neither vmx nor svm, but kvm_pvm is loaded, and PVM needs neither',
      evidence: [none],
      topic: OTHER_TOPICS.softwareKvm,
    };
  if (devKvm)
    return {
      id,
      status: 'WARN',
      message: 'the CPU shows neither vmx nor svm, yet /dev/kvm exists',
      evidence: [none],
      topic: OTHER_TOPICS.cpuFlags,
    };
  if (where.xenDom0)
    return {
      id,
      status: 'FAIL',
      message: "the CPU shows neither vmx nor svm: Xen's dom0 runs on the Xen hypervisor, which keeps them for itself",
      hint: 'KVM runs on a kernel that boots without Xen',
      evidence: [none],
      topic: OTHER_TOPICS.xenDom0,
    };
  if (where.guest)
    return {
      id,
      status: 'FAIL',
      message: 'the CPU shows neither vmx nor svm: the hypervisor does not pass them to this guest',
      hint: 'turn on nested virtualization for this VM on the host that runs it',
      evidence: [none],
      topic: OTHER_TOPICS.nested,
    };
  return {
    id,
    status: 'FAIL',
    message: 'the CPU shows neither vmx nor svm',
    hint: 'turn on Intel VT-x or AMD-V in the firmware settings; a CPU without them cannot run KVM',
    evidence: [none],
    topic: OTHER_TOPICS.firmware,
  };
}

function withoutFlagsCheck(pvm: boolean): Check {
  return {
    id: 'kvm-without-flags',
    status: 'INFO',
    message: pvm
      ? '/dev/kvm exists without vmx or svm because kvm_pvm provides it: PVM runs guests by switching page tables, without hardware virtualization'
      : '/dev/kvm exists without vmx or svm: a software KVM provides it, or this guest is not shown the flags',
    evidence: [
      evidence(DEV_KVM, 'present', 'the KVM device'),
      ...(pvm ? [evidence(module('kvm_pvm'), 'present', 'PVM, a KVM that needs no VT-x or AMD-V')] : []),
    ],
    topic: OTHER_TOPICS.softwareKvm,
  };
}

function moduleCheck(kvmModule: boolean, vendors: VendorModule[], x86: boolean): Check {
  const id = 'kvm-module';
  const rows: Evidence[] = [
    evidence(module('kvm'), kvmModule ? 'present' : 'absent', "KVM's core, the same for every CPU"),
    ...(vendors.length
      ? vendors.map((name) => evidence(module(name), 'present', vendorRule(name)))
      : x86
        ? [
            evidence(module('kvm_intel'), 'absent', "KVM's part for Intel VT-x is not loaded"),
            evidence(module('kvm_amd'), 'absent', "KVM's part for AMD-V is not loaded"),
          ]
        : []),
  ];
  if (!kvmModule)
    return {
      id,
      status: 'FAIL',
      message: 'the kvm module is not loaded',
      hint: 'load it with its vendor part: sudo modprobe kvm_intel (or kvm_amd)',
      evidence: rows,
      topic: OTHER_TOPICS.devKvm,
    };
  if (vendors.length === 0 && x86)
    return {
      id,
      status: 'WARN',
      message: 'kvm is loaded, but neither kvm_intel nor kvm_amd',
      hint: 'the vendor module refuses to load when the firmware has VT-x or AMD-V off; the kernel log says why',
      evidence: rows,
      topic: OTHER_TOPICS.firmware,
    };
  return {
    id,
    status: 'PASS',
    message: vendors.length ? `kvm is loaded, with ${vendors.join(' and ')}` : 'kvm is in the kernel',
    evidence: rows,
    topic: OTHER_TOPICS.devKvm,
  };
}

function vendorRule(name: VendorModule): string {
  return name === 'kvm_intel'
    ? "KVM's part for Intel VT-x"
    : name === 'kvm_amd'
      ? "KVM's part for AMD-V"
      : 'PVM, a KVM that needs no VT-x or AMD-V';
}

function deviceCheck(devKvm: boolean, kvmModule: boolean, where: HostContext): Check {
  if (devKvm)
    return {
      id: 'dev-kvm',
      status: 'PASS',
      message: '/dev/kvm exists',
      evidence: [evidence(DEV_KVM, 'present', 'the device QEMU opens to run guests with KVM')],
      topic: OTHER_TOPICS.devKvm,
    };
  return {
    id: 'dev-kvm',
    status: 'FAIL',
    message: '/dev/kvm does not exist',
    hint: where.container
      ? 'a container sees /dev/kvm only when it is passed in (docker run --device /dev/kvm, for one)'
      : kvmModule
        ? 'the modules are loaded but made no device: the kernel log says why'
        : 'it appears when the KVM modules load',
    evidence: [evidence(DEV_KVM, 'absent', 'no KVM device: guests could only be emulated')],
    topic: OTHER_TOPICS.devKvm,
  };
}

function accessCheck(live: boolean, access: boolean | undefined): Check {
  if (!live)
    return {
      id: 'dev-kvm-access',
      status: 'INFO',
      message: 'access to /dev/kvm was not tested: --root reads a captured system',
      evidence: [evidence(DEV_KVM, 'not tested', "access() asks the running kernel about this user, not --root's")],
      topic: OTHER_TOPICS.devKvm,
    };
  if (access === true)
    return {
      id: 'dev-kvm-access',
      status: 'PASS',
      message: 'this user may open /dev/kvm for reading and writing',
      evidence: [evidence(DEV_KVM, 'read-write', 'access() allows it')],
      topic: OTHER_TOPICS.devKvm,
    };
  return {
    id: 'dev-kvm-access',
    status: 'FAIL',
    message: 'this user may not open /dev/kvm',
    hint: 'add yourself to the group that owns it, usually kvm (sudo usermod -aG kvm $USER), then log in again: a new group applies only from the next login',
    evidence: [evidence(DEV_KVM, 'permission denied', 'access() refuses reading and writing')],
    topic: OTHER_TOPICS.devKvm,
  };
}

function nestedChecks(view: SystemView, vendors: VendorModule[]): Check[] {
  return vendors.flatMap((name): Check[] => {
    if (name === 'kvm_pvm') return [];
    const path = `${module(name)}/parameters/nested`;
    const value = firstLine(view, path, 16);
    if (value === undefined) return [];
    const on = value === 'Y' || value === '1';
    return [
      on
        ? {
            id: 'nested',
            status: 'PASS',
            message: 'nested virtualization is on: guests may run hypervisors of their own',
            evidence: [evidence(path, value, `${name} lets guests use ${name === 'kvm_intel' ? 'VT-x' : 'AMD-V'}`)],
            topic: OTHER_TOPICS.nested,
          }
        : {
            id: 'nested',
            status: 'INFO',
            message: 'nested virtualization is off',
            hint: `needed only to run hypervisors inside guests: load ${name} with nested=1`,
            evidence: [evidence(path, value, 'guests are not given VT-x or AMD-V')],
            topic: OTHER_TOPICS.nested,
          },
    ];
  });
}

function iommuCheck(view: SystemView): Check {
  const table = ['DMAR', 'IVRS'].find((name) => view.exists(`/sys/firmware/acpi/tables/${name}`));
  const groups = (view.list('/sys/kernel/iommu_groups', 1) ?? []).length > 0;
  const tableRow = table
    ? evidence(
        `/sys/firmware/acpi/tables/${table}`,
        'present',
        `the firmware describes ${table === 'DMAR' ? "Intel's VT-d" : "AMD's AMD-Vi"}`,
      )
    : undefined;
  const noTables = [
    evidence('/sys/firmware/acpi/tables/DMAR', 'absent', 'the firmware describes no Intel VT-d'),
    evidence('/sys/firmware/acpi/tables/IVRS', 'absent', 'the firmware describes no AMD-Vi'),
  ];
  if (groups)
    return {
      id: 'iommu',
      status: 'PASS',
      message: 'the IOMMU is on: host devices can be assigned to guests',
      evidence: [
        ...(tableRow ? [tableRow] : []),
        evidence('/sys/kernel/iommu_groups', 'has groups', 'the kernel uses the IOMMU'),
      ],
      topic: OTHER_TOPICS.iommu,
    };
  return {
    id: 'iommu',
    status: 'WARN',
    message: table ? `the firmware describes an IOMMU (${table}), but the kernel does not use it` : 'no IOMMU found',
    hint: table
      ? 'turn it on in the kernel command line (intel_iommu=on for Intel); only device assignment needs it'
      : 'only assigning host devices to guests (VFIO) needs one: Intel VT-d or AMD-Vi, on in the firmware',
    evidence: [
      ...(tableRow ? [tableRow] : noTables),
      evidence('/sys/kernel/iommu_groups', 'empty or absent', 'the kernel uses no IOMMU'),
    ],
    topic: OTHER_TOPICS.iommu,
  };
}

function vhostCheck(present: boolean, where: HostContext): Check {
  return present
    ? {
        id: 'vhost-net',
        status: 'PASS',
        message: "/dev/vhost-net exists: guests' virtio network traffic can be handled in the kernel",
        evidence: [evidence(VHOST_NET, 'present', 'the in-kernel virtio-net back end')],
        topic: OTHER_TOPICS.vhostNet,
      }
    : {
        id: 'vhost-net',
        status: 'WARN',
        message: '/dev/vhost-net does not exist: guest networking would go through QEMU, more slowly',
        hint: where.container ? 'pass it in like /dev/kvm' : 'load it: sudo modprobe vhost_net',
        evidence: [evidence(VHOST_NET, 'absent', 'no in-kernel virtio-net back end')],
        topic: OTHER_TOPICS.vhostNet,
      };
}

/** AMD SEV and Intel TDX keep a guest's memory encrypted from its host; shown only where the module has them. */
function memoryEncryptionChecks(view: SystemView, vendors: VendorModule[]): Check[] {
  const features: [VendorModule, string, string][] = [
    ['kvm_amd', 'sev', 'AMD SEV'],
    ['kvm_intel', 'tdx', 'Intel TDX'],
  ];
  return features.flatMap(([name, parameter, label]): Check[] => {
    if (!vendors.includes(name)) return [];
    const path = `${module(name)}/parameters/${parameter}`;
    const value = firstLine(view, path, 16);
    if (value === undefined) return [];
    const on = value === 'Y' || value === '1';
    return [
      {
        id: parameter,
        status: 'INFO',
        message: on ? `${label} is on: guests can run with memory their host cannot read` : `${label} is off`,
        evidence: [evidence(path, value, `${name}'s ${parameter} parameter`)],
        topic: OTHER_TOPICS.memoryEncryption,
      },
    ];
  });
}
