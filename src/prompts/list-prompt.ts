import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { styleText } from 'node:util';
import { displayWidth, wrapText } from '../render/text.js';
import type { Choice } from './prompts.js';

export interface ListConfig {
  message: string;
  /** The choices; or, for a list filtered by typing, how to get them from what has been typed. */
  choices: Choice[] | ((term: string) => Choice[]);
  /** Space picks any number of choices (a checkbox list); otherwise Enter picks one. */
  multiple?: boolean;
  /** The value of the choice the cursor starts on. */
  start?: string;
  pageSize: number;
  /** Plain characters, for a terminal that may not draw Unicode (LANG=C, TERM=dumb). */
  ascii?: boolean;
  /**
   * The answer is judged afterwards (a quiz): the answered line gets a plain mark instead of inquirer's check
   * mark, which would read as "right" above a wrong answer.
   */
  judged?: boolean;
  /** With `multiple`: true, or what to tell the user when the picked choices will not do. */
  validate?: (picked: string[]) => true | string;
}

const GLYPHS = {
  unicode: { cursor: '❯', checked: '◉', unchecked: '◯', updown: '↑↓', enter: '⏎', between: ' • ' },
  ascii: { cursor: '>', checked: '[x]', unchecked: '[ ]', updown: 'Up/Down', enter: 'Enter', between: ' - ' },
};
const ASCII_PREFIX = { prefix: { idle: '?', done: 'v' } };
const JUDGED_PREFIX = { unicode: { prefix: { idle: '?', done: '›' } }, ascii: { prefix: { idle: '?', done: '>' } } };
const HIDE_CURSOR = '\u001b[?25l';

const isHomeKey = (key: KeypressEvent) => key.name === 'home';
const isEndKey = (key: KeypressEvent) => key.name === 'end';
const isPageKey = (key: KeypressEvent) => key.name === 'pageup' || key.name === 'pagedown';
const selectable = (choice: Choice | undefined) => choice !== undefined && !choice.disabled;

/**
 * A choice too long for the terminal, wrapped at word boundaries under its own text (under the words after a
 * leading "1. "), since inquirer would break it at the last column, mid-word.
 */
function wrapped(lead: string, name: string): string {
  const hang = ' '.repeat(displayWidth(lead) + (/^\d+\. /.exec(name)?.[0].length ?? 0));
  return wrapText(name, (process.stdout.columns || 80) - 1, lead, hang).join('\n');
}

/**
 * A list to pick from, built on inquirer's core: one choice (select), several (checkbox), or one from a
 * list filtered by what is typed (search). Inquirer's own prompts have no Home and End; here Up/Down,
 * PageUp/PageDown and Home/End move the cursor, which stops at the ends. Answers the picked values; the
 * quitting keys (Esc, Ctrl-D, q) are the caller's, through the prompt's abort signal.
 */
export const listPrompt = createPrompt<string[], ListConfig>((config, done) => {
  const glyphs = config.ascii ? GLYPHS.ascii : GLYPHS.unicode;
  const theme = makeTheme(
    config.judged ? JUDGED_PREFIX[config.ascii ? 'ascii' : 'unicode'] : config.ascii ? ASCII_PREFIX : {},
  );
  const filtered = typeof config.choices === 'function';
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [term, setTerm] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const prefix = usePrefix({ status, theme });
  const choices = useMemo(
    () => (typeof config.choices === 'function' ? config.choices(term) : config.choices),
    [config.choices, term],
  );
  const first = choices.findIndex(selectable);
  const last = choices.length - 1 - [...choices].reverse().findIndex(selectable);
  const startAt = choices.findIndex((choice) => selectable(choice) && choice.value === config.start);
  // The cursor goes back to the top whenever typing changes the list.
  const [cursor, setCursor] = useState({ term, at: startAt === -1 ? first : startAt });
  const active = cursor.term === term ? cursor.at : first;
  const moveTo = (at: number) => setCursor({ term, at });
  /** The selectable choice `steps` away (negative: up), or the last one short of the end. */
  const stepFrom = (at: number, steps: number) => {
    const direction = Math.sign(steps);
    let reached = at;
    for (let next = at + direction, left = Math.abs(steps); left > 0 && next >= 0 && next < choices.length;) {
      if (selectable(choices[next])) {
        reached = next;
        left--;
      }
      next += direction;
    }
    return reached;
  };

  useKeypress((key, rl) => {
    setError(undefined);
    const keys = filtered ? [] : theme.keybindings;
    if (isEnterKey(key)) {
      if (config.multiple) {
        const verdict = config.validate?.(picked) ?? true;
        if (verdict !== true) return setError(verdict);
        setStatus('done');
        return done(picked);
      }
      const choice = choices[active];
      if (selectable(choice)) {
        setStatus('done');
        return done([choice!.value]);
      }
      // Enter ends readline's line: give the filter back what was typed.
      if (filtered) rl.write(term);
      return;
    }
    if (isUpKey(key, keys) || isDownKey(key, keys)) moveTo(stepFrom(active, isUpKey(key, keys) ? -1 : 1));
    else if (isPageKey(key)) moveTo(stepFrom(active, key.name === 'pageup' ? -config.pageSize : config.pageSize));
    else if (isHomeKey(key)) moveTo(first);
    else if (isEndKey(key)) moveTo(last);
    else if (config.multiple && isSpaceKey(key)) {
      const value = choices[active]?.value;
      if (value !== undefined)
        setPicked(picked.includes(value) ? picked.filter((other) => other !== value) : [...picked, value]);
    } else if (filtered) {
      setTerm(rl.line);
      return;
    }
    // Readline took the key too: in the filter, Home and End moved its cursor, which belongs at the end of
    // what was typed; in a list, the line would keep what was typed and misplace the terminal's cursor.
    rl.clearLine(0);
    if (filtered) rl.write(term);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const answer = choices
      .filter((choice) => (config.multiple ? picked.includes(choice.value) : choice === choices[active]))
      .map((choice) => choice.short ?? choice.name)
      .join(', ');
    return [prefix, message, theme.style.answer(answer)].filter(Boolean).join(' ');
  }
  const page = usePagination({
    items: choices,
    active: Math.max(0, active),
    pageSize: config.pageSize,
    loop: false,
    renderItem({ item, isActive }) {
      const box = config.multiple ? `${picked.includes(item.value) ? glyphs.checked : glyphs.unchecked} ` : '';
      if (item.disabled) return styleText('dim', `- ${box}${item.name}`);
      const line = wrapped(`${isActive ? glyphs.cursor : ' '} ${box}`, item.name);
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  // With one choice there is nowhere to move: the keys that move are not offered.
  const moves = filtered || choices.filter(selectable).length > 1;
  const help = [
    ...(moves
      ? [
          [glyphs.updown, 'move'],
          ['Home/End', 'first/last'],
        ]
      : []),
    ...(config.multiple ? [['space', 'pick']] : []),
    [glyphs.enter, config.multiple ? 'done' : filtered ? 'open' : 'choose'],
    [filtered ? 'Esc' : 'q', 'quit'],
  ]
    .map(([key, action]) => `${styleText('bold', key!)} ${styleText('dim', action!)}`)
    .join(styleText('dim', glyphs.between));
  const description = choices[active]?.description;
  const body = [
    choices.length === 0 && term ? theme.style.error('Nothing matches; type something else, or Esc to quit') : page,
    ' ',
    description ? styleText('cyan', description) : '',
    error ? theme.style.error(error) : '',
    help,
  ]
    .filter(Boolean)
    .join('\n')
    .trimEnd();
  const header = [prefix, message, filtered ? styleText('cyan', term) : ''].filter(Boolean).join(' ').trimEnd();
  // A filter keeps the terminal's cursor where the typing goes, on the header; a list hides it.
  return filtered ? [header, body] : `${header}\n${body}${HIDE_CURSOR}`;
});
