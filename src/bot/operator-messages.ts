/**
 * UI strings of the operator features (feedback, /stats, /unanswered, /docs, uploads, /privacy), Chinese and
 * English, in one table apart from answer/i18n.ts. HTML strings: callers escape what they pass in.
 */
import type { Lang } from '../answer/i18n.js';
import type { UploadProblem } from '../store/documents.js';
import type { VoteResult } from '../store/questions.js';

export interface OperatorMessages {
  voteUp: string;
  voteDown: string;
  /** Toast after a press. */
  voted: (result: VoteResult, up: boolean) => string;
  /** HTML: a non-admin used an operator command or sent a document. */
  adminsOnly: string;
  /** HTML: an operator command in a group. */
  privateOnly: string;
  /** HTML: the bot runs without its store. */
  noStore: string;
  docsHeader: (count: number) => string;
  /** `name — N passages (added by …)`; origin added or bundled. */
  docLine: (id: string, passages: number, added: boolean) => string;
  docsFooter: string;
  removeUsage: string;
  removeNotAdded: (id: string, bundled: boolean) => string;
  removeConfirm: (id: string, passages: number) => string;
  removeButton: string;
  cancelButton: string;
  removed: (id: string) => string;
  cancelled: string;
  expired: string;
  uploadProblem: (p: UploadProblem, maxBytes: number) => string;
  uploadFailed: string;
  added: (id: string, passages: number) => string;
  unansweredHeader: string;
  unansweredNone: string;
  privacy: (retentionDays: number) => string;
  /** Bot description (≤ 512 characters) given the documents' titles. */
  description: (titles: string[]) => string;
  /** Short description (≤ 120 characters). */
  shortDescription: (titles: string[]) => string;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

const zh: OperatorMessages = {
  voteUp: '👍',
  voteDown: '👎',
  voted: (r, up) =>
    r === 'unknown-question'
      ? '这条回答的记录已不在了（超过保存期限）。'
      : r === 'unchanged'
        ? `已经记下你的 ${up ? '👍' : '👎'} 了。`
        : r === 'changed'
          ? `已改为 ${up ? '👍' : '👎'}，谢谢！`
          : `谢谢反馈 ${up ? '👍' : '👎'}`,
  adminsOnly: '抱歉，这个功能只对机器人的管理员开放。你可以直接向我提问。',
  privateOnly: '管理命令只能在与我的私聊中使用。',
  noStore: '这个机器人没有配置数据存储，无法使用管理功能。',
  docsHeader: (n) => `<b>文档（${n} 篇）</b>`,
  docLine: (id, p, added) => `${id} — ${p} 段${added ? '（管理员添加）' : ''}`,
  docsFooter: '发送 .md 或 .txt 文件即可添加文档；/remove 名称 删除管理员添加的文档。',
  removeUsage: '用法：/remove 文档名称（见 /docs）',
  removeNotAdded: (id, bundled) =>
    bundled ? `“${id}”是自带的文档，只能在服务器上修改 corpus/。` : `没有名为“${id}”的文档（见 /docs）。`,
  removeConfirm: (id, p) => `确定删除文档“${id}”（${p} 段）吗？`,
  removeButton: '删除',
  cancelButton: '取消',
  removed: (id) => `已删除文档“${id}”，下一个问题起不再用它回答。`,
  cancelled: '已取消，没有改动。',
  expired: '这个按钮已失效。',
  uploadProblem: (p, max) => {
    switch (p.problem) {
      case 'type':
        return `没有添加：只接受 .md 或 .txt 文本文件（收到的是 ${p.detail}）。`;
      case 'size':
        return `没有添加：文件太大（${kb(p.bytes)}），最多 ${kb(max)}。`;
      case 'empty':
        return '没有添加：文件是空的（没有正文）。';
      case 'encoding':
        return '没有添加：文件不是 UTF-8 编码。请另存为 UTF-8 后再发送。';
      case 'duplicate':
        return p.sameName
          ? `没有添加：已经有名为“${p.of}”的文档。请改名，或先 /remove ${p.of}。`
          : `没有添加：内容与已有文档“${p.of}”相同。`;
    }
  },
  uploadFailed: '没有添加：读取或保存文件时出错，请稍后再试。',
  added: (id, p) => `已添加文档“${id}”：${p} 段，现在就可以提问。`,
  unansweredHeader: '<b>最近没能回答的问题</b>（次数 · 最后一次）',
  unansweredNone: '还没有没能回答的问题。',
  privacy: (days) =>
    [
      '<b>隐私说明</b>',
      `• 保存的内容：每个问题的文字、时间、聊天类型（私聊或群聊）、语言、是否回答、用了哪一段、回答用时，以及你对回答的 👍/👎。`,
      '• 不保存你的用户名、名字或用户 ID：只保存一个加盐的散列值，用来统计有多少人重复提问，无法据此识别你。',
      `• 问题记录保存 ${days} 天后自动删除。`,
      '• 只有这个机器人的管理员能看到问题的文字（用于改进文档）；数据不提供给任何第三方。',
    ].join('\n'),
  description: (titles) =>
    `我根据以下文档回答问题（中文或英文提问）：\n${titles.map((t) => `• ${t}`).join('\n')}\n\n直接发送问题，例如：上海交大的合作涵盖哪些领域？`,
  shortDescription: (titles) => `根据文档回答问题：${titles.join('；')}`,
};

const en: OperatorMessages = {
  voteUp: '👍',
  voteDown: '👎',
  voted: (r, up) =>
    r === 'unknown-question'
      ? 'This answer is no longer on record (past the retention period).'
      : r === 'unchanged'
        ? `Your ${up ? '👍' : '👎'} is already recorded.`
        : r === 'changed'
          ? `Changed to ${up ? '👍' : '👎'}, thanks!`
          : `Thanks for the feedback ${up ? '👍' : '👎'}`,
  adminsOnly: 'Sorry, only the bot’s operators can do that. You can ask me questions any time.',
  privateOnly: 'Operator commands work only in a private chat with me.',
  noStore: 'This bot runs without its data store: operator features are off.',
  docsHeader: (n) => `<b>Documents (${n})</b>`,
  docLine: (id, p, added) => `${id} — ${p} passages${added ? ' (added by an operator)' : ''}`,
  docsFooter: 'Send a .md or .txt file to add a document; /remove NAME removes one an operator added.',
  removeUsage: 'Usage: /remove NAME (see /docs)',
  removeNotAdded: (id, bundled) =>
    bundled
      ? `“${id}” is a bundled document: change corpus/ on the server instead.`
      : `There is no document named “${id}” (see /docs).`,
  removeConfirm: (id, p) => `Remove the document “${id}” (${p} passages)?`,
  removeButton: 'Remove',
  cancelButton: 'Cancel',
  removed: (id) => `Removed “${id}”: questions are no longer answered from it.`,
  cancelled: 'Cancelled: nothing changed.',
  expired: 'This button has expired.',
  uploadProblem: (p, max) => {
    switch (p.problem) {
      case 'type':
        return `Not added: only .md or .txt text files are accepted (got ${p.detail}).`;
      case 'size':
        return `Not added: the file is too large (${kb(p.bytes)}; at most ${kb(max)}).`;
      case 'empty':
        return 'Not added: the file is empty (no text).';
      case 'encoding':
        return 'Not added: the file is not UTF-8 text. Save it as UTF-8 and send it again.';
      case 'duplicate':
        return p.sameName
          ? `Not added: a document named “${p.of}” already exists. Rename the file, or /remove ${p.of} first.`
          : `Not added: it has the same text as the document “${p.of}”.`;
    }
  },
  uploadFailed: 'Not added: the file could not be read or saved. Please try again later.',
  added: (id, p) => `Added “${id}”: ${p} passages, answerable now.`,
  unansweredHeader: '<b>Latest questions I could not answer</b> (times asked · last asked)',
  unansweredNone: 'No unanswered questions yet.',
  privacy: (days) =>
    [
      '<b>Privacy</b>',
      '• Stored: each question’s text, time, chat type (private or group), language, whether it was answered, which passage answered it and how long it took, and your 👍/👎 on answers.',
      '• Not stored: your username, name or user id. Only a salted hash, to count repeat askers; it cannot identify you.',
      `• Questions are deleted after ${days} days.`,
      '• Only the bot’s operators can read question texts (to improve the documents); nothing is shared with third parties.',
    ].join('\n'),
  description: (titles) =>
    `I answer questions (in Chinese or English) from these documents:\n${titles.map((t) => `• ${t}`).join('\n')}\n\nJust send a question, e.g. Which fields does the SJTU deal cover?`,
  shortDescription: (titles) => `Answers questions from: ${titles.join('; ')}`,
};

const TABLE: Record<Lang, OperatorMessages> = { zh, en };

export function operatorMessages(lang: Lang): OperatorMessages {
  return TABLE[lang];
}
