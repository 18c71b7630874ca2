import type { Span } from '../model/topic.js';
import { keepTogether } from './text.js';
import type { Theme } from './theme.js';

/**
 * Inline text for a page. With colour, styles carry the meaning; without it, code keeps its backticks
 * (so commands stay recognisable in a pipe) and a link shows its address in brackets. Code and addresses
 * are units that wrapping never breaks: a learner copies them.
 */
export function renderSpans(spans: Span[], theme: Theme): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case 'text':
          return span.text;
        case 'code':
          return keepTogether(theme.color ? theme.code(span.text) : `\`${span.text}\``);
        case 'strong':
          return theme.strong(span.text);
        case 'emphasis':
          return theme.emphasis(span.text);
        case 'link':
          return span.text === span.href
            ? keepTogether(theme.link(span.href))
            : `${span.text} (${keepTogether(theme.link(span.href))})`;
      }
    })
    .join('');
}

/** Unstyled text of spans, for JSON and search. */
export function spansText(spans: Span[]): string {
  return spans.map((span) => (span.kind === 'code' ? `\`${span.text}\`` : span.text)).join('');
}
