// What a validator issue says, in the author's language: the common kinds by the server's wording, else the server's
// sentence for an English reader and a plain "check this field" for others.
import type { TFunction } from 'i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';

type Kind = 'empty' | 'minAboveMax' | 'noRange' | 'notPart' | 'notStep' | 'unreachable' | 'loop' | 'html' | 'bold' | 'noSteps' | 'number' | 'answers' | 'duplicate' | 'ignored' | 'endAndNext' | 'tooSmall' | 'tooBig';

const KINDS: ReadonlyArray<[RegExp, Kind]> = [
  [/must not be empty|expected string, received undefined/, 'empty'],
  [/min must not be greater than max/, 'minAboveMax'],
  [/needs a min, a max or both/, 'noRange'],
  [/is not a part of this product/, 'notPart'],
  [/is not a step of this guide/, 'notStep'],
  [/is unreachable/, 'unreachable'],
  [/closes a loop/, 'loop'],
  [/HTML tags/, 'html'],
  [/unclosed "\*\*"/, 'bold'],
  [/needs at least one step/, 'noSteps'],
  [/expected number/, 'number'],
  [/needs at least 1 answer|allows at most 3 answers/, 'answers'],
  [/duplicate answer id/, 'duplicate'],
  [/is ignored on a step with a question/, 'ignored'],
  [/cannot be combined with end/, 'endAndNext'],
  [/Too small/, 'tooSmall'],
  [/Too big/, 'tooBig'],
];

export function issueText(issue: ErrorIssue, t: TFunction<'studio'>, language: string): string {
  const kind = KINDS.find(([pattern]) => pattern.test(issue.message))?.[1];
  if (kind) return t(`guideEditor.issue.${kind}`);
  return language === 'en' ? issue.message : t('guideEditor.issue.other');
}
