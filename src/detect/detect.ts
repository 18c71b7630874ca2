import { readCpuInfo } from './cpuinfo.js';
import { detectContainers } from './container-layer.js';
import { kvmChecks } from './kvm-checks.js';
import type { LiveProbe } from './live-probe.js';
import type { DetectReport } from './report.js';
import type { SystemView } from './system-view.js';
import { OSRELEASE } from './kernel-release.js';
import { detectVm } from './vm-layer.js';

/**
 * Everything `virt detect` reports, from the files of `view` and, on the running machine only, the `live`
 * probe. Pure apart from what those two read, so a captured tree gives the same answer anywhere.
 */
export function detectSystem(view: SystemView, live?: LiveProbe): DetectReport {
  const cpu = readCpuInfo(view);
  const release = view.read(OSRELEASE, 256);
  const { vm, noVm } = detectVm(view, cpu, release.state === 'text' ? release.text.trim() : undefined);
  const { containers, noContainer } = detectContainers(view, live, release);
  const kvm = kvmChecks(view, cpu, live, {
    guest: vm !== null || (cpu.flags?.has('hypervisor') === true && noVm?.kind !== 'xen-dom0'),
    xenDom0: noVm?.kind === 'xen-dom0',
    container: containers.some((layer) => layer.id !== 'wsl'),
  });
  return { root: view.root, live: live !== undefined, vm, noVm, containers, noContainer, kvm };
}
