/** A document's metadata, from its front matter (or the JSONL record's title). */
export interface DocumentInfo {
  id: string;
  title: string;
  source?: string;
  date?: string;
}

/** The unit of retrieval: a paragraph (or part of one) with where it stands and what it is about. */
export interface Passage {
  /** `${documentId}#${n}` for documents in a folder; the record's own id for a JSONL corpus. */
  id: string;
  documentId: string;
  /** The heading the passage stands under (layout spaces removed), or the document title. */
  section: string;
  /** Id of the agreement (topic) the passage is about, or null for general passages. */
  topic: string | null;
  /** Display text, as in the document (broken paragraphs rejoined). */
  text: string;
  /** Words the passage is about without saying them (a photo caption is about a 照片): indexed, not shown. */
  keywords?: string[];
  /**
   * A heading of the document as a passage of its own (its text is the heading): the document's title (front
   * matter `title`) or a `#` heading of its body. It answers only a question about a heading (清华那部分的大标题
   * 是什么), and is not indexed with the others. Heading passages follow the documents' other passages in
   * Corpus.passages.
   */
  heading?: 'title' | 'section';
  /**
   * The passage's match texts as the search engine computes them (SearchEngine.passageMatchText, and
   * passageSentences' for each of splitSentences(text)), when the corpus holds them ready: a passage read from an
   * FTS5 index, which computed them when it indexed the passage. Undefined when it did not.
   */
  storedMatchTexts?(): { text: string; sentences: string[] } | undefined;
}

/** A party to an agreement and the names people use for it. */
export interface Party {
  name: string;
  nameEn?: string;
  aliases: string[];
}

/** One agreement from topics.json. */
export interface Topic {
  id: string;
  /** Slash command without the slash, e.g. "sjtu". */
  command: string;
  title: string;
  titleEn?: string;
  /** ISO date, e.g. "2020-06-08". */
  date: string;
  party: Party;
}

/** The topics file: the agreements and the city's names. */
export interface Topics {
  city?: Party;
  agreements: Topic[];
}

export interface Corpus {
  documents: DocumentInfo[];
  passages: Passage[];
  topics: Topics;
  /** Words added to the segmenter: domain words plus every party name and alias. */
  userWords: string[];
  /** English names of domain words that CC-CEDICT lacks (user.dict `双一流 = double first-class`). */
  englishNames?: Array<{ word: string; english: string[] }>;
}
