/** Question understanding: understand(text, reader, previous) → Question. */
export { understand, kindsAsked, type QuestionReader } from './understand.js';
export { type AnswerKind, type Language, type NamedParty, type Question, type Script } from './types.js';
