import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../electron/contract/imports';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const now = new Date('2026-11-22T02:00:00Z');
const csv = (text: string) => ({
  fileName: 'fleet.csv',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

describe('import of a company’s contact person', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  it('reads 联系人 and 联系人职务 (the headers the export writes), and such a card is a company', async () => {
    const file = csv(
      '客户姓名,手机,联系人,联系人职务\n惠州市宏图贸易有限公司,13911112222,李明,经理\n张伟,13933334444,,\n',
    );
    const preview = await app.ok('imports.preview', file, token);
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'mobile', 'contactPerson', 'contactTitle']);
    const { jobId } = await app.ok('imports.apply', file, token);
    let progress: ImportProgress | null = null;
    for (let i = 0; i < 200 && progress?.phase !== 'done' && progress?.phase !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await app.ok('imports.progress', { jobId }, token);
    }
    expect(progress?.phase).toBe('done');
    const rows = app.core.db.$client
      .prepare('select name, is_company, contact_person, contact_title from customers order by id')
      .all();
    expect(rows).toEqual([
      { name: '惠州市宏图贸易有限公司', is_company: 1, contact_person: '李明', contact_title: '经理' },
      { name: '张伟', is_company: 0, contact_person: null, contact_title: null },
    ]);
  });
});
