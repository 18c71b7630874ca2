import { evidence } from './evidence.js';
import type { Evidence } from './report.js';
import type { SystemView } from './system-view.js';

const DT = '/proc/device-tree';

/** Strings of a device-tree property: NUL-separated, read with a small cap. */
function strings(view: SystemView, path: string): string[] {
  const read = view.read(path, 512);
  return read.state === 'text' ? read.text.split('\0').filter(Boolean) : [];
}

/**
 * What the device tree (Arm, POWER, RISC-V; x86 has none) says of a hypervisor, if anything: the
 * firmware's own description of the machine that the kernel booted on.
 */
export function deviceTreeHypervisor(view: SystemView): { id: string; evidence: Evidence } | undefined {
  if (!view.exists(DT)) return undefined;
  const hypervisor = strings(view, `${DT}/hypervisor/compatible`);
  const path = `${DT}/hypervisor/compatible`;
  if (hypervisor.includes('linux,kvm'))
    return { id: 'kvm', evidence: evidence(path, 'linux,kvm', 'the device tree names KVM as the hypervisor') };
  const xen = hypervisor.find((entry) => entry.includes('xen'));
  if (xen) return { id: 'xen', evidence: evidence(path, xen, 'the device tree names Xen as the hypervisor') };
  const vmware = hypervisor.find((entry) => entry.includes('vmware'));
  if (vmware)
    return { id: 'vmware', evidence: evidence(path, vmware, 'the device tree names VMware as the hypervisor') };
  const names = view.list(DT, 512) ?? [];
  if (names.includes('ibm,partition-name') && names.includes('hmc-managed?'))
    return {
      id: 'powervm',
      evidence: evidence(`${DT}/ibm,partition-name`, 'present', 'a logical partition managed by an HMC: PowerVM'),
    };
  const fwCfg = names.find((name) => name.includes('fw-cfg'));
  if (fwCfg)
    return {
      id: 'qemu',
      evidence: evidence(`${DT}/${fwCfg}`, 'present', "QEMU's firmware configuration device: a QEMU machine"),
    };
  const compatible = strings(view, `${DT}/compatible`);
  if (compatible.includes('qemu,pseries'))
    return { id: 'qemu', evidence: evidence(`${DT}/compatible`, 'qemu,pseries', "QEMU's POWER machine") };
  return undefined;
}
