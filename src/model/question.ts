/** The typed shape of a "Check yourself" question (content/README.md describes how they are written). */

export const QUESTION_KINDS = ['choice', 'recall', 'cloze'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Choice {
  text: string;
  right: boolean;
}

export interface Question {
  /** `<topic-id>/<local-id>`: stable while the wording changes, so a question keeps its schedule. */
  id: string;
  topic: string;
  kind: QuestionKind;
  /** Plain text; a cloze shows its blank as `_____`. */
  prompt: string;
  /** Only for a choice question. */
  choices?: Choice[];
  /** Recall: the answer; cloze: the blank's text; choice: the right choices joined by "; ". */
  answer: string;
  /** With an attribute's why already put in its place. */
  why?: string;
  /** The 1-based line of the question's heading in its file, for `virt lint`. */
  line: number;
}
