// Spoken navigation words in both languages, matched without accents or case.
export type GuideCommand = 'next' | 'back' | 'repeat';

const WORDS: Record<GuideCommand, readonly string[]> = {
  next: ['next', 'siguiente'],
  back: ['back', 'atras'],
  repeat: ['repeat', 'repetir'],
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The command in a recognised phrase: its last command word wins ("no, back" → back). */
export function voiceCommandOf(transcript: string): GuideCommand | null {
  const words = fold(transcript).split(/[^\p{L}]+/u).filter(Boolean);
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index];
    for (const [command, options] of Object.entries(WORDS) as Array<[GuideCommand, readonly string[]]>) {
      if (word !== undefined && options.includes(word)) return command;
    }
  }
  return null;
}
