import { OTHER_TOPICS, VM_IDS } from './identifiers.js';

/** Systems whose kernel offers Linux's /proc and /sys, which is all `virt detect` reads. */
const LINUX_LIKE = new Set(['linux', 'android']);

const explain = (...topics: string[]) => topics.map((topic) => `virt explain ${topic}`).join(', ');
const elsewhere = 'run it inside a Linux VM, or give --root a captured Linux system';

/**
 * On a system without Linux's files, the one line `virt detect` can say: what the platform itself tells,
 * and where the guide explains its virtualization. Undefined on Linux, where the files answer.
 */
export function otherPlatformNote(platform: string): string | undefined {
  if (LINUX_LIKE.has(platform)) return undefined;
  if (platform === 'darwin')
    return `This is macOS, which has no /proc or /sys for virt detect to read: a Mac runs virtual machines through Apple's Hypervisor and Virtualization frameworks (${explain(OTHER_TOPICS.macos, OTHER_TOPICS.macosProducts)}); ${elsewhere}.`;
  if (platform === 'win32')
    return `This is Windows, which has no /proc or /sys for virt detect to read: its hypervisor is Hyper-V, and WSL 2 runs a Linux kernel in a lightweight virtual machine built on it (${explain(OTHER_TOPICS.windows)}); run it inside WSL or a Linux VM, or give --root a captured Linux system.`;
  if (platform === 'freebsd')
    return `This is FreeBSD, which has no Linux /proc or /sys for virt detect to read: it runs virtual machines with bhyve and isolates programs in jails (${explain(VM_IDS.bhyve!.topic, OTHER_TOPICS.freebsd)}); ${elsewhere}.`;
  return `This is ${platform}, which has no Linux /proc or /sys for virt detect to read; ${elsewhere}.`;
}
