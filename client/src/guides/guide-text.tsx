// Guide text with its **bold** runs as <strong>, built from text nodes only (never HTML).
import { guideTextSegments } from '../../../core/guide.ts';

export function GuideText({ text }: { text: string }) {
  return (
    <>
      {guideTextSegments(text).map((segment, index) => (segment.bold ? <strong key={index}>{segment.text}</strong> : <span key={index}>{segment.text}</span>))}
    </>
  );
}

/** The text as it is read aloud or drawn on a canvas: the bold markers dropped. */
export function plainGuideText(text: string): string {
  return guideTextSegments(text)
    .map((segment) => segment.text)
    .join('');
}
