import { cleanText } from '../content/sanitize.js';
import type { FileRead, SystemView } from './system-view.js';

export const CPUINFO = '/proc/cpuinfo';

/**
 * Enough of /proc/cpuinfo for the first processor, whose flags every processor shares. On a machine with
 * hundreds of CPUs the file runs to megabytes, and the kernel builds it as it is read: reading only the
 * start keeps that cost flat.
 */
const CPUINFO_BYTES = 32 * 1024;

export interface CpuInfo {
  read: FileRead;
  /** x86 "flags" (or Arm "Features"), or undefined when the file gave none. */
  flags: Set<string> | undefined;
  /** "flags" on x86, "Features" on Arm: which line the flags came from. */
  flagsField: string | undefined;
  /** The flags line ran past what is read: its flags are not trusted. */
  cut: boolean;
  vendor: string | undefined;
  model: string | undefined;
}

export function readCpuInfo(view: SystemView): CpuInfo {
  const read = view.read(CPUINFO, CPUINFO_BYTES);
  if (read.state !== 'text')
    return { read, flags: undefined, flagsField: undefined, cut: false, vendor: undefined, model: undefined };
  const fields = new Map<string, string>();
  const lines = read.text.split('\n');
  // The last line of a read cut short may itself be cut: its field is not trusted.
  let cutField: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      if (fields.size > 0) break;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    if (read.truncated && index === lines.length - 1) cutField = key;
    else if (!fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  const flagsField = fields.has('flags') ? 'flags' : fields.has('Features') ? 'Features' : undefined;
  // A flags line cut off by the read limit would lose the flags at its end: better none than a wrong few.
  const cut = flagsField === undefined && (cutField === 'flags' || cutField === 'Features');
  return {
    read,
    flags: flagsField ? new Set(fields.get(flagsField)!.split(/\s+/).filter(Boolean)) : undefined,
    flagsField: flagsField ?? (cut ? cutField : undefined),
    cut,
    vendor: fields.has('vendor_id') ? cleanText(fields.get('vendor_id')!).slice(0, 80) : undefined,
    model: fields.has('model name') ? cleanText(fields.get('model name')!).slice(0, 80) : undefined,
  };
}

/** The hardware virtualization flag the CPU shows: vmx (Intel VT-x) or svm (AMD-V). */
export function virtualizationFlag(cpu: CpuInfo): 'vmx' | 'svm' | undefined {
  return cpu.flags?.has('vmx') ? 'vmx' : cpu.flags?.has('svm') ? 'svm' : undefined;
}

/** Whether the flags are x86's: only there do vmx, svm and hypervisor mean anything. */
export function isX86(cpu: CpuInfo): boolean {
  return cpu.flagsField === 'flags';
}

/** How much is read of /proc/cpuinfo, for messages. */
export const CPUINFO_LIMIT = `${CPUINFO_BYTES / 1024} KiB`;
