import { describe, expect, it } from 'vitest';
import { commandWord } from '../../src/answer/commands.js';
import { askInProcess } from '../support/cli.js';

/** `npm run ask` in-process (test/support/cli.ts), with only its output. */
async function ask(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await askInProcess(argv);
  return { code, out: stdout, err: stderr };
}

describe('npm run ask behaves as /checklist does', () => {
  it('list and 一覧 list every item by section, in the language of the word', async () => {
    const en = await ask('list');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Check sheet items \(49\)\n\nApplication operations \(アプリケーション運用\)\n {3}1 Service hours\n/);
    expect(en.out).toContain('  29 Backup timing (RPO)');
    const ja = await ask('一覧');
    expect(ja.out).toMatch(/^チェックシートの全項目（49件）\n\nアプリケーション運用\n {3}1 サービス時間\n/);
    expect(ja.out.split('\n').filter((line) => /^ +\d+ /.test(line))).toHaveLength(49);
  });

  it('version and バージョン show which sheet is served; --json gives the same facts', async () => {
    const { out } = await ask('version');
    expect(out).toMatch(/^クラウドサービスレベルのチェックリスト.*\nITRA株式会社 2022\/6\/1 · 49 items · version [0-9a-f]{12} · loaded /);
    expect((await ask('バージョン')).out).toMatch(/ITRA株式会社 2022\/6\/1・全49項目・バージョン [0-9a-f]{12}・読み込み /);
    expect(JSON.parse((await ask('--json', 'version')).out)).toMatchObject({ date: '2022/6/1', items: 49, version: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it('help and ヘルプ explain usage instead of searching the sheet', async () => {
    expect((await ask('help')).out).toContain('Look an item up by number');
    expect((await ask('ヘルプ')).out).toContain('項目番号でも表示できます');
    expect(JSON.parse((await ask('--json', 'ヘルプ')).out)).toMatchObject({ kind: 'help', status: 'help' });
  });

  it('knows the command words in any case and width, and only as the whole message', () => {
    expect(['LIST', 'ｌｉｓｔ', '一覧', 'Version', 'バージョン？', 'ヘルプ'].map(commandWord)).toEqual(['list', 'list', 'list', 'version', 'version', 'help']);
    expect(commandWord('list the backup items')).toBeUndefined();
    expect(commandWord('which version of TLS')).toBeUndefined();
  });
});

describe('npm run ask --json carries each cited item', () => {
  it('with its name and answer: the Japanese verbatim, the English with its review status', async () => {
    const json = JSON.parse((await ask('--json', "what's our RPO?")).out);
    expect(json.items).toEqual([{ no: 29, name: 'バックアップデータを取得するタイミング(RPO)', answer: '24時間', en: { status: 'reviewed', name: 'Backup timing (RPO)', answer: '24 hours' } }]);
    const lookup = JSON.parse((await ask('--json', '11, 48')).out);
    expect(lookup.items.map((item: { no: number }) => item.no)).toEqual([11, 48]);
    expect(lookup.items[0]).toMatchObject({ answer: '非公開', notDisclosed: true });
    expect(lookup.items[1].answer).toContain('案誤化'); // verbatim, typo included: errata never rewrite the cell
    expect(JSON.parse((await ask('--json', 'Do you support SAML?')).out).items).toEqual([]);
  });
});
