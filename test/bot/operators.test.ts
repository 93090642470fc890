/**
 * Operating the bot, end to end: the real program (src/main.ts, its own process) against the Bot API stand-in,
 * with one admin (ADMIN_IDS) and one user, on a fresh DATA_DIR. Questions are recorded, votes counted, /stats
 * and /unanswered show them, uploads good and bad, a restart (SIGTERM, start again) keeps everything, and a
 * document added with `npm run docs` while the bot runs is answered within seconds.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { User } from 'telegraf/types';
import { startBotApiStandIn, type ApiCall, type BotApiStandIn, type UpdateInput } from '../support/bot-api-stand-in.ts';
import { runCli, startProgram, type Program } from '../support/program.ts';

const TOKEN = '7654321:AAF-operators-test-token-0123456789';
const ADMIN: Partial<User> = { id: 9001, first_name: '管理员', username: 'operator', language_code: 'zh-hans' };
const USER: Partial<User> = { id: 1001, first_name: '小明', username: 'xiaoming', language_code: 'zh-hans' };
const ANSWERABLE = '上海交大的合作涵盖哪些领域？';
const UNANSWERABLE = '月球上有几所大学？';
const HOTPOT =
  '---\ntitle: 重庆火锅节\n---\n2021年8月，重庆火锅节在南岸区举办，吸引了三十万名游客。\n\n火锅节期间共有两百家火锅店参加评选。\n';
const HOTPOT_QUESTION = '重庆火锅节在哪个区举办？';

describe('operating the bot (real program, stand-in Bot API)', () => {
  let standIn: BotApiStandIn;
  let program: Program | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'operators-data-'));
  const env = {
    BOT_TOKEN: TOKEN,
    DATA_DIR: dataDir,
    ADMIN_IDS: String(ADMIN.id),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  };

  async function start(): Promise<void> {
    const since = standIn.calls.length;
    program = startProgram({ ...env, TELEGRAM_API_ROOT: standIn.url });
    const failed = program.exited.then((code) => Promise.reject(new Error(`exited ${code}: ${program?.stderr()}`)));
    await Promise.race([standIn.waitForCall('setMyShortDescription', { since, count: 2, timeoutMs: 60_000 }), failed]);
    await standIn.waitForIdle({ timeoutMs: 10_000 });
  }

  /** Pushes an update; resolves with the calls it caused once the bot is idle again. */
  async function send(update: UpdateInput): Promise<ApiCall[]> {
    const since = standIn.calls.length;
    standIn.pushUpdate(update);
    await standIn.waitForIdle({ timeoutMs: 10_000 });
    return standIn.calls.slice(since);
  }
  const replies = (calls: ApiCall[]) =>
    calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
  const replyText = (calls: ApiCall[]) =>
    replies(calls)
      .map((c) => String(c.params.text))
      .join('\n');
  const toast = (calls: ApiCall[]) => calls.find((c) => c.method === 'answerCallbackQuery')?.params.text as string;
  const buttons = (call: ApiCall | undefined) =>
    (
      (call?.params.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data: string }>>
    ).flat();
  const ask = async (text: string, from = USER) => replies(await send(standIn.privateText(text, from)))[0];
  const upload = async (
    name: string | undefined,
    content: Buffer | string,
    opts: { mimeType?: string; fileSize?: number } = {},
  ) => replyText(await send(standIn.privateDocument(name, content, { ...opts, from: ADMIN })));
  const documents = () => (existsSync(join(dataDir, 'documents')) ? readdirSync(join(dataDir, 'documents')) : []);

  before(async () => {
    standIn = await startBotApiStandIn({ token: TOKEN });
    await start();
  });

  after(async () => {
    await program?.stop();
    await standIn?.close();
  });

  test('at start the bot describes itself from the corpus, in Chinese and English', () => {
    const described = standIn.calls.filter((c) => c.method === 'setMyDescription');
    assert.deepEqual(described.map((c) => c.params.language_code ?? 'default').sort(), ['default', 'en']);
    for (const c of described) assert.match(c.params.description, /签署战略合作协议/);
    const short = standIn.calls.filter((c) => c.method === 'setMyShortDescription');
    for (const c of short) assert.ok([...c.params.short_description].length <= 120);
  });

  let answer: ApiCall | undefined;

  test('a private answer shows typing first and carries 👍 👎 beside 更多结果; a decline carries 👍 👎 alone', async () => {
    const calls = await send(standIn.privateText(ANSWERABLE, USER));
    const typing = calls.findIndex((c) => c.method === 'sendChatAction' && c.params.action === 'typing');
    const sent = calls.findIndex((c) => c.method === 'sendMessage');
    assert.ok(typing >= 0 && typing < sent, 'typing before the answer');
    answer = calls[sent];
    assert.deepEqual(
      buttons(answer).map((b) => b.text),
      ['更多结果', '👍', '👎'],
    );
    for (const asked of [UNANSWERABLE, '月球上有几所大学']) {
      const declined = await ask(asked);
      assert.match(declined?.params.text, /没有讲到/);
      assert.deepEqual(
        buttons(declined).map((b) => b.text),
        ['👍', '👎'],
      );
    }
  });

  test('groups: questions are answered without vote buttons', async () => {
    const calls = await send(standIn.groupText(`/ask ${ANSWERABLE}`, { from: USER }));
    const reply = replies(calls)[0];
    assert.match(reply?.params.text, /等多方面开展深度合作/);
    assert.ok(buttons(reply).every((b) => !/^v:/.test(b.callback_data)));
  });

  test('votes: a toast for each press, one vote per user, the other button changes it', async () => {
    assert.ok(answer?.result);
    const [up, down] = buttons(answer).filter((b) => /^v:/.test(b.callback_data));
    assert.match(toast(await send(standIn.callbackQuery(up!.callback_data, answer.result, USER))), /谢谢反馈 👍/);
    assert.match(toast(await send(standIn.callbackQuery(up!.callback_data, answer.result, USER))), /已经记下/);
    assert.match(toast(await send(standIn.callbackQuery(down!.callback_data, answer.result, USER))), /已改为 👎/);
  });

  test('non-admins: a polite refusal, nothing shown, nothing saved', async () => {
    for (const command of ['/stats', '/unanswered', '/docs', '/remove hotpot']) {
      const text = replyText(await send(standIn.privateText(command, USER)));
      assert.match(text, /只对机器人的管理员开放/, command);
      assert.doesNotMatch(text, /月球|提问：|chongqing/);
    }
    const text = replyText(await send(standIn.privateDocument('hotpot.md', HOTPOT, { from: USER })));
    assert.match(text, /只对机器人的管理员开放/);
    assert.ok(!standIn.calls.some((c) => c.method === 'getFile'), 'nothing downloaded');
    assert.deepEqual(documents(), []);
  });

  test('/stats for the admin: questions (not commands), declines, votes, the most asked unanswered, latency', async () => {
    const text = replyText(await send(standIn.privateText('/stats', ADMIN)));
    assert.match(text, /提问：今天 4，未回答 2 \(50%\)/);
    assert.match(text, /全部 4，未回答 2/);
    assert.match(text, /👍 0 · 👎 1/);
    assert.match(text, /1\. 月球上有几所大学.? — 2×（1 人）/);
    assert.match(text, /p50 [\d.]+ ms · p95 [\d.]+ ms/);
    const latest = replyText(await send(standIn.privateText('/unanswered', ADMIN)));
    assert.match(latest, /月球上有几所大学.? — 2×/);
  });

  test('bad uploads: each problem named, nothing changes', async () => {
    const bundled = readFileSync(join('corpus', 'chongqing-universities-2020.md'));
    const cases: Array<[string, Promise<string>]> = [
      ['type', upload('report.pdf', '%PDF-1.4 …', { mimeType: 'application/pdf' })],
      ['size', upload('big.md', 'x', { fileSize: 2 * 1024 * 1024 })],
      ['empty', upload('empty.md', '')],
      ['front matter only', upload('empty2.md', '---\ntitle: 空\n---\n\n')],
      ['encoding', upload('gbk.txt', Buffer.from([0xd6, 0xd8, 0xc7, 0xec, 0xbb, 0xf0, 0xb9, 0xf8]))],
      ['binary', upload('archive.txt', Buffer.from('PK\u0003\u0004\u0000\u0000\u0000\u0008\u0000mimetype'))],
      ['duplicate text', upload('copy.md', bundled)],
      ['duplicate name', upload('chongqing-universities-2020.txt', HOTPOT)],
    ];
    const expected: Record<string, RegExp> = {
      type: /只接受 \.md 或 \.txt.*\.pdf/,
      size: /文件太大（2048 KB），最多 1024 KB/,
      empty: /文件是空的/,
      'front matter only': /文件是空的/,
      encoding: /不是 UTF-8 编码/,
      binary: /只接受 \.md 或 \.txt.*binary content/,
      'duplicate text': /内容与已有文档“chongqing-universities-2020”相同/,
      'duplicate name': /已经有名为“chongqing-universities-2020”的文档/,
    };
    for (const [label, reply] of cases) assert.match(await reply, expected[label]!, label);
    assert.deepEqual(documents(), []);
  });

  test('a good upload (sent as application/octet-stream) is answerable by the very next question', async () => {
    assert.match(await upload('hotpot.md', HOTPOT), /已添加文档“hotpot”：2 段/);
    assert.deepEqual(documents(), ['hotpot.md']);
    assert.match((await ask(HOTPOT_QUESTION))?.params.text, /<b>[^<]*南岸区[^<]*<\/b>/);
    const docs = replyText(await send(standIn.privateText('/docs', ADMIN)));
    assert.match(docs, /chongqing-universities-2020 — 27 段/);
    assert.match(docs, /hotpot — 2 段（管理员添加）/);
  });

  let statsBefore = '';
  let unansweredBefore = '';

  test('a restart (SIGTERM) keeps every record, vote and document', async () => {
    statsBefore = replyText(await send(standIn.privateText('/stats', ADMIN)));
    unansweredBefore = replyText(await send(standIn.privateText('/unanswered', ADMIN)));
    assert.equal(await program?.stop(), 0, 'SIGTERM exits 0');
    const db = new Database(join(dataDir, 'bot.sqlite'), { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const askers = db.prepare('SELECT DISTINCT asker FROM questions').pluck().all() as string[];
    assert.ok(
      askers.every((a) => !a.includes(String(USER.id))),
      'no user id in clear',
    );
    const actions = db.prepare('SELECT actor, action FROM admin_actions').all() as Array<{
      actor: string;
      action: string;
    }>;
    assert.ok(
      actions.every((a) => a.actor === `tg:${ADMIN.id}`),
      'only the admin acted',
    );
    for (const action of ['stats', 'unanswered', 'docs', 'reject-document', 'add-document'])
      assert.ok(
        actions.some((a) => a.action === action),
        action,
      );
    db.close();
    await start();
    assert.equal(replyText(await send(standIn.privateText('/stats', ADMIN))), statsBefore);
    assert.equal(replyText(await send(standIn.privateText('/unanswered', ADMIN))), unansweredBefore);
    assert.match((await ask(HOTPOT_QUESTION))?.params.text, /南岸区/, 'the uploaded document still answers');
    // A button from before the restart still counts: its data holds the question's id.
    const [up] = buttons(answer).filter((b) => /^v:/.test(b.callback_data));
    assert.match(toast(await send(standIn.callbackQuery(up!.callback_data, answer!.result, USER))), /已改为 👍/);
  });

  test('/remove asks for confirmation; confirmed, the document no longer answers', async () => {
    const confirm = replies(await send(standIn.privateText('/remove hotpot', ADMIN)))[0];
    assert.match(confirm?.params.text, /确定删除文档“hotpot”（2 段）/);
    const [yes] = buttons(confirm);
    const done = await send(standIn.callbackQuery(yes!.callback_data, confirm!.result, ADMIN));
    assert.match(replyText(done), /已删除文档“hotpot”/);
    assert.deepEqual(documents(), []);
    assert.match((await ask(HOTPOT_QUESTION))?.params.text, /没有讲到/);
  });

  test('npm run docs add / remove while the bot runs: picked up within seconds', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'upload-')), 'hotpot-festival.md');
    writeFileSync(file, HOTPOT);
    const added = await runCli('src/cli/docs.ts', ['add', file], env);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added hotpot-festival: 2 passages/);
    let text = '';
    for (let i = 0; i < 20 && !/南岸区/.test(text); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      text = (await ask(HOTPOT_QUESTION))?.params.text ?? '';
    }
    assert.match(text, /南岸区/);
    const stats = await runCli('src/cli/stats.ts', [], env);
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, /Most asked unanswered questions:\n(.*\n)?\d\. 月球上有几所大学 — 2× \(1 asker\)/);
  });
});
