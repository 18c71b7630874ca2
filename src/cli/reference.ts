/** Facts the help, the man page and the README all state; kept once, here. */
/** Each exit status with a short name (for --help) and what it covers (for the man page). */
export const EXIT_STATUS: [number, string, string][] = [
  [0, 'ok', 'success, including --help and --version'],
  [
    1,
    'not found or no match',
    'not found: no such topic, an ambiguous name or no search match (and unexpected internal errors)',
  ],
  [
    2,
    'usage error or invalid content',
    'usage error (unknown command or option, missing or bad argument) or invalid content',
  ],
  [130, 'interrupted', 'interrupted (Ctrl-C)'],
];

/** The files virt reads and writes outside a guide. */
export const FILES: [string, string][] = [
  [
    '$VIRT_STATE_DIR/quiz-state.json',
    'the quiz schedule: when to ask each question again (versioned JSON, mode 0600, written whole under a lock). Without VIRT_STATE_DIR it is in $XDG_STATE_HOME/virt, else ~/.local/state/virt. A damaged file stops the quiz (exit 2) until virt quiz reset --yes moves it aside as quiz-state.json.damaged-<time>',
  ],
  [
    '$VIRT_CACHE_DIR',
    'parsed content packs, their search data and Node compile cache; default $XDG_CACHE_HOME/virt, else ~/.cache/virt (see virt cache)',
  ],
];

export const ENVIRONMENT: [string, string][] = [
  ['NO_COLOR', 'any non-empty value turns colour off (after --color)'],
  ['FORCE_COLOR', '0 turns colour off; 1 to 3 turn it on at that level, piped too'],
  ['TERM', 'dumb turns colour off and draws boxes, trees and tables in ASCII'],
  ['LANG, LC_ALL, LC_CTYPE', 'a locale that is not UTF-8 draws in ASCII'],
  ['COLUMNS', 'the width when stdout is not a terminal (after --width)'],
  ['PAGER', 'the pager for long pages on a terminal, run by the shell; empty or cat means none (default: less -FRSX)'],
  ['VIRT_CONTENT_PATH', 'colon-separated guide folders to add, like --content'],
  [
    'VIRT_CACHE_DIR',
    'the cache folder for parsed packs, their search data and compiled code (empty: no cache); default $XDG_CACHE_HOME/virt, else ~/.cache/virt. Used only when you own it and no one else can write to it; see virt cache',
  ],
  [
    'VIRT_STATE_DIR',
    'the folder of the quiz state file, quiz-state.json; default $XDG_STATE_HOME/virt, else ~/.local/state/virt. Used only when you own it and no one else can write to it',
  ],
  ['XDG_STATE_HOME', 'where the quiz state folder is when VIRT_STATE_DIR is not set (an absolute path; else ignored)'],
  ['VIRT_HYPERLINKS', '0 turns off clickable source titles on a terminal, like --no-hyperlinks'],
  ['VIRT_DEBUG', '1 adds stack traces to error messages, and says why the cache folder is not used'],
];
