import { normalizeText, removeLayoutSpaces, SENTENCE_SPLIT } from '../text/normalize.js';
import { CAPTION_CREDIT, CAPTION_WORDS } from '../text/lexicon.js';
import type { NameMatcher } from './topics.js';
import type { Passage } from './types.js';

/** Passages longer than this many characters are split at sentence ends. */
export const MAX_PASSAGE_CHARS = 400;
/** A paragraph this short with no punctuation at all is a label ("核心提示"), not the start of a sentence. */
const MAX_LABEL_CHARS = 16;

/** A paragraph that ends with one of these is complete; any other continues in the next paragraph. */
const SENTENCE_END = new RegExp(`[。！？!?；;…」』”"’）)]\\s*$|${CAPTION_CREDIT}\\s*$`, 'u');
const ANY_PUNCTUATION = /[\p{P}\p{S}]/u;

/** A trailing paragraph that credits a photographer ("… 重庆日报通讯员 王京华 摄") is a photo caption. */
const CAPTION = new RegExp(`${CAPTION_CREDIT}\\s*$`, 'u');
export const CAPTION_SECTION = '图片说明';
/** What readers call the picture a caption describes, and the taking of it its "… 摄" credits. */
const CAPTION_KEYWORDS = CAPTION_WORDS;

/** A block of the document: a heading or a paragraph. */
/** A heading's text has its layout spaces removed; `raw` is the heading as the document writes it. */
type Block = { kind: 'heading'; text: string; raw: string } | { kind: 'paragraph'; text: string };

/** Splits a document body into headings and paragraphs (blank lines separate paragraphs). */
function readBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', text: para.join('') });
      para = [];
    };
    for (const line of lines) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', text: removeLayoutSpaces(heading[1] ?? ''), raw: (heading[1] ?? '').trim() });
      } else {
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}

function isLabel(text: string): boolean {
  return text.length <= MAX_LABEL_CHARS && !ANY_PUNCTUATION.test(text);
}

/**
 * Rejoins paragraphs broken mid-sentence by the layout: a paragraph that does not end a sentence continues
 * in the next paragraph (not across a heading). Short unpunctuated labels become headings; the last
 * paragraph (often a photo caption) stays as it is.
 */
function rejoin(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (block.kind === 'paragraph' && isLabel(block.text)) {
      out.push({ kind: 'heading', text: removeLayoutSpaces(block.text), raw: block.text });
    } else if (block.kind === 'paragraph' && prev?.kind === 'paragraph' && !SENTENCE_END.test(prev.text)) {
      prev.text += block.text;
    } else {
      out.push({ ...block });
    }
  }
  return out;
}

/** Sentences of a passage, punctuation kept with the sentence it ends. */
export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_SPLIT).filter((s) => s.trim().length > 0);
}

/**
 * Cuts text into pieces of at most `max` characters, at sentence ends where it can and inside a sentence
 * only when one sentence alone is longer than `max`. Concatenating the pieces gives the text back.
 */
export function splitLongText(text: string, max = MAX_PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text)) {
    if (current && current.length + sentence.length > max) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
    while (current.length > max) {
      // Never between the halves of a surrogate pair (an emoji or a rare Han character beyond the BMP).
      const cut = max > 1 && /[\uDC00-\uDFFF]/.test(current[max] ?? '') && /[\uD800-\uDBFF]/.test(current[max - 1] ?? '') ? max - 1 : max;
      pieces.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * A document's headings as passages of their own (see Passage.heading): its title, when the front matter gives
 * one, as `${documentId}#h0`, then its `#` headings as `#h1`, … in document order; each is its own section, with
 * the agreement it names (if any) as topic. Labels that became headings (核心提示) are no headings of the
 * document's own.
 */
export function splitHeadings(documentId: string, title: string | undefined, body: string, names: NameMatcher): Passage[] {
  // The passage's text is the heading as written (a quotation of the document, like any passage); its section is
  // the heading without layout spaces, which is also what it is matched by.
  const heading = (n: number, text: string, raw: string, kind: 'title' | 'section'): Passage => ({
    id: `${documentId}#h${n}`,
    documentId,
    section: text,
    topic: names.dominantTopic(normalizeText(text)),
    text: raw,
    heading: kind,
  });
  const sections = readBlocks(body.replace(/\r\n?/g, '\n')).flatMap((b) => (b.kind === 'heading' && b.text.length > 0 ? [b] : []));
  const titleText = title ? removeLayoutSpaces(title) : '';
  return [
    ...(titleText ? [heading(0, titleText, title?.trim() ?? titleText, 'title')] : []),
    ...sections.map((b, i) => heading(i + 1, b.text, b.raw, 'section')),
  ];
}

/**
 * Splits one document into passages. Each passage gets its section (the heading above it) and its topic:
 * the agreement it names most; failing that, the one its section heading names; failing that, the previous
 * passage's topic within the same section (a paragraph that goes on about the same agreement).
 */
export function splitPassages(
  documentId: string,
  title: string,
  body: string,
  names: NameMatcher,
  maxChars = MAX_PASSAGE_CHARS,
): Passage[] {
  const passages: Passage[] = [];
  let section = title;
  let sectionTopic: string | null = null;
  let carried: string | null = null;
  const blocks = rejoin(readBlocks(body.replace(/\r\n?/g, '\n')));
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'paragraph' && i === blocks.length - 1 && CAPTION.test(block.text)) {
      section = CAPTION_SECTION;
      sectionTopic = null;
    }
    if (block.kind === 'heading') {
      section = block.text;
      sectionTopic = names.dominantTopic(normalizeText(block.text));
      carried = sectionTopic;
      continue;
    }
    for (const text of splitLongText(block.text, maxChars)) {
      const normalized = normalizeText(text);
      const mentioned = names.countTopics(normalized).size > 0;
      const topic = mentioned ? names.dominantTopic(normalized) : (sectionTopic ?? carried);
      carried = topic;
      const passage: Passage = { id: `${documentId}#${passages.length + 1}`, documentId, section, topic, text };
      if (section === CAPTION_SECTION) passage.keywords = [...CAPTION_KEYWORDS];
      passages.push(passage);
    }
  }
  return passages;
}
