/** How text is styled. Renderers take a Theme; the plain one is identity, so layout code is shared. */
export type Style = (text: string) => string;

export interface Theme {
  /** True when styles add escape codes. */
  color: boolean;
  /** True when boxes, trees and tables must use ASCII (TERM=dumb, non-UTF-8 locale). */
  ascii: boolean;
  /** True when diagrams are drawn in Unicode: rich output that may draw boxes. Plain output never does. */
  boxDrawing: boolean;
  title: Style;
  heading: Style;
  subheading: Style;
  strong: Style;
  emphasis: Style;
  code: Style;
  link: Style;
  muted: Style;
  accent: Style;
  match: Style;
  different: Style;
  /** Text that opens `url` when clicked, where the terminal supports OSC 8; else the text alone. */
  hyperlink: (text: string, url: string) => string;
}

const same: Style = (text) => text;

export function plainTheme(ascii = true): Theme {
  return {
    color: false,
    ascii,
    boxDrawing: false,
    title: same,
    heading: same,
    subheading: same,
    strong: same,
    emphasis: same,
    code: same,
    link: same,
    muted: same,
    accent: same,
    match: same,
    different: same,
    hyperlink: same,
  };
}
