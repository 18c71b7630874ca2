/** `virt detect`: the detection core and its renderers, a third of the main bundle's size that no other command needs. */
export { detectSystem } from '../detect/detect.js';
export { fileSystemView } from '../detect/fs-system-view.js';
export { processProbe } from '../detect/live-probe.js';
export { otherPlatformNote } from '../detect/other-platforms.js';
export { detectJson, renderDetectPlain, renderDetectRich } from '../render/detect.js';
