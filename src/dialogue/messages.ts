/** The conversation's own UI strings (zh, en), beside answer/i18n.ts's. */
import type { Lang } from '../answer/i18n.js';

export const DIALOGUE_MESSAGES: Record<Lang, { reset: string; resetMenu: string; together: string; shared: string }> = {
  zh: {
    reset: '好的，之前的对话已经忘掉了。请提新问题。',
    resetMenu: '忘掉之前的对话，重新开始',
    together: '总体',
    shared: '共同的合作方面',
  },
  en: {
    reset: 'Done: I have forgotten our conversation. Ask a new question.',
    resetMenu: 'Forget the conversation and start over',
    together: 'Overall',
    shared: 'areas in common',
  },
};
