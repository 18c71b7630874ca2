import { evidence } from './evidence.js';
import type { Evidence } from './report.js';
import { firstLine, type SystemView } from './system-view.js';

const DIR = '/sys/devices/system/clocksource/clocksource0';
const CURRENT_CLOCKSOURCE = `${DIR}/current_clocksource`;
export const AVAILABLE_CLOCKSOURCE = `${DIR}/available_clocksource`;

/** Paravirtual clocks: a hypervisor offers one to its guests, so the name says whose guest this is. */
const CLOCKS = {
  kvm: { names: ['kvm-clock'], owner: "KVM's" },
  xen: { names: ['xen'], owner: "Xen's" },
  microsoft: { names: ['hyperv_clocksource_tsc_page', 'hyperv_clocksource_msr'], owner: "Hyper-V's" },
} as const;
export type ClockOwner = keyof typeof CLOCKS;

export interface Clocks {
  current: string | undefined;
  available: string[];
}

export function readClocks(view: SystemView): Clocks {
  const current = firstLine(view, CURRENT_CLOCKSOURCE);
  const available = firstLine(view, AVAILABLE_CLOCKSOURCE);
  return { current: current || undefined, available: available ? available.split(/\s+/).filter(Boolean) : [] };
}

/**
 * Evidence that the kernel is offered `owner`'s paravirtual clock, or undefined. A guest may keep time with
 * the TSC and still list the hypervisor's clock as available: both count.
 */
export function clockEvidence(clocks: Clocks, owner: ClockOwner): Evidence | undefined {
  const { names, owner: whose } = CLOCKS[owner];
  const name = names.find((candidate) => candidate === clocks.current);
  if (name) return evidence(CURRENT_CLOCKSOURCE, name, `the kernel keeps time with ${whose} paravirtual clock`);
  const offered = names.find((candidate) => clocks.available.includes(candidate));
  if (offered)
    return evidence(
      AVAILABLE_CLOCKSOURCE,
      clocks.available.join(' '),
      `${whose} paravirtual clock is offered, though the kernel keeps time with ${clocks.current ?? 'another'}`,
    );
  return undefined;
}
