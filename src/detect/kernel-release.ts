/** The running kernel's release string: WSL's kernels, and those built for one cloud, name themselves in it. */
export const OSRELEASE = '/proc/sys/kernel/osrelease';
