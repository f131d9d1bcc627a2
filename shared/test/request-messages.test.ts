import type * as z from 'zod/mini';
import { BulletinParam } from '../src/contract/bulletin';
import { Amount, CommandRequest, IsoDate, ListQuery, MainlandMobile, TriageQuery } from '../src/contract/complaint';
import { CreditFlag, DirectoryQuery, RegistryQuery, MerchantApplication, MerchantRegistryView, RedeemBinding } from '../src/contract/registry';
import { RedeemStationCode, RegisterStationRequest } from '../src/contract/station';
import { UploadRequest, UserId } from '../src/contract/complaint';
import { CommitmentChoice } from '../src/contract/merchant';
import { TaskAssignee } from '../src/contract/tasks';
import { AssessmentYearParam } from '../src/contract/assessment';
import { DashboardQuery, TargetsYearParam } from '../src/contract/dashboard';
import { ChecklistQuery } from '../src/contract/inspection';
import { ContentId } from '../src/contract/content';

/** The first problem a schema reports, as the API answers it: the field's path and the message. */
function firstProblem(schema: z.ZodMiniType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  const [issue] = result.error.issues;
  return { field: issue!.path.join('.'), message: issue!.message };
}

describe('every request field answers a bad value with a message a person can act on', () => {
  it.each([['abc'], ['0'], ['51'], ['2.5']])('page size %s', (limit) => {
    expect(firstProblem(ListQuery, { limit })).toEqual({ field: 'limit', message: '每页条数应为 1 到 50 之间的整数' });
  });

  it('the directory’s smaller page', () => {
    expect(firstProblem(DirectoryQuery, { limit: '31' })).toEqual({ field: 'limit', message: '每页条数应为 1 到 30 之间的整数' });
    expect(firstProblem(DirectoryQuery, { town: 'atlantis' })).toEqual({ field: 'town', message: '未知的乡镇（街道）' });
  });

  it('every list filtered by town or sector refuses an unknown one alike', () => {
    for (const schema of [TriageQuery, RegistryQuery, DirectoryQuery]) {
      expect(firstProblem(schema, { town: 'nowhere' })).toEqual({ field: 'town', message: '未知的乡镇（街道）' });
      expect(firstProblem(schema, { town: 'constructor' })).toEqual({ field: 'town', message: '未知的乡镇（街道）' });
    }
    expect(firstProblem(TriageQuery, { sector: 'toString' })).toEqual({ field: 'sector', message: '未知的行业' });
    expect(firstProblem(DirectoryQuery, { sector: 'toString' })).toEqual({ field: 'sector', message: '未知的行业' });
    expect(TriageQuery.parse({ town: 'chengguan', sector: 'retail' })).toMatchObject({ town: 'chengguan', sector: 'retail' });
  });

  it.each([
    [{ command: { type: 'reply', text: '您好' } }, 'version', '缺少版本号，请刷新后重试'],
    [{ version: 1.5, command: { type: 'reply', text: '您好' } }, 'version', '版本号无效，请刷新后重试'],
    [{ version: 0, command: { type: 'reply', text: '您好' } }, 'version', '版本号无效，请刷新后重试'],
    [{ version: 2, command: { type: 'teleport' } }, 'command.type', '未知的操作，请刷新后重试'],
  ])('a command %j', (input, field, message) => {
    expect(firstProblem(CommandRequest, input)).toEqual({ field, message });
  });

  it('an application’s choices, named in Chinese rather than by their codes', () => {
    const application = {
      name: '白鹿镇新开农家乐', type: 'company', uscc: '9213052903007919BW', sector: 'retail', townCode: 'bailu', areaType: 'scenic',
      address: '清河县白鹿镇湖滨路18号', contactName: '刘老板', contactPhone: '13905291234', commitments: [{ kind: 'catalogue', code: 'quality' }],
    };
    expect(firstProblem(MerchantApplication, application)).toEqual({ field: 'type', message: '请选择经营者类型（企业或个体户）' });
    expect(firstProblem(MerchantApplication, { ...application, type: 'individual', sector: 'casino' })).toEqual({ field: 'sector', message: '请选择所属行业' });
  });

  it('a photo’s size sent as text', () => {
    expect(firstProblem(UploadRequest, { contentType: 'image/jpeg', size: '1024' })).toEqual({ field: 'size', message: '请提供照片大小（字节数）' });
  });
});

describe('dates and years stay in the campaign’s century', () => {
  it.each(['0100-01-01', '1999-12-31', '2101-01-01', '9999-12-31'])('%s is refused, naming the date', (date) => {
    expect(firstProblem(IsoDate('认定日期'), date).message).toBe('认定日期应在 2000 年至 2100 年之间');
  });
  it('2000-01-01 and 2100-12-31 are the ends', () => {
    expect(IsoDate('日期').parse('2000-01-01')).toBe('2000-01-01');
    expect(IsoDate('日期').parse('2100-12-31')).toBe('2100-12-31');
  });
  it.each(['0000', '1999-11', '2101'])('a bulletin for %s is refused', (period) => {
    expect(firstProblem(BulletinParam, { period })).toEqual({ field: 'period', message: '通报年份应在 2000 年至 2100 年之间' });
  });
});

describe('what was stored before a rule existed is still read', () => {
  it('a credit flag dated outside 2000–2100 (typed before the range) is refused as input, but a shop holding one still answers', () => {
    const flag = { source: '行政处罚', date: '0226-03-01', description: '销售过期食品，已予行政处罚。' };
    expect(CreditFlag.safeParse(flag).success).toBe(false);
    const creditFlags = MerchantRegistryView.shape.creditFlags;
    expect(creditFlags.parse([{ ...flag, recordedAt: '2026-03-01T02:00:00.000Z' }])).toHaveLength(1);
  });
});

describe('codes, numbers and amounts typed on a phone: full-width forms and spaces are folded', () => {
  it.each([
    ['１３８００１３８０００', '13800138000', MainlandMobile],
    ['138 0013 8000', '13800138000', MainlandMobile],
    ['１２８.５０', '128.50', Amount],
    [' 5000 ', '5000', Amount],
  ])('%s is read as %s', (typed, stored, schema) => {
    expect(schema.parse(typed)).toBe(stored);
  });

  it('shop and station binding codes', () => {
    expect(RedeemBinding.parse({ code: 'ａｂｃｄ ２３４５' }).code).toBe('ABCD2345');
    expect(RedeemStationCode.parse({ code: 'ＳＴＮ１２３４５６７' }).code).toBe('STN1234567');
    expect(RedeemStationCode.parse({ code: ' stn1234567 ' }).code).toBe('STN1234567');
  });

  it('a station’s landline keeps its hyphen', () => {
    const station = { name: '城关农贸市场投诉站', townCode: 'chengguan', placeType: 'market', address: '清河县城关镇农贸市场管理办公室', contactName: '赵站长' };
    expect(RegisterStationRequest.parse({ ...station, contactPhone: '０３１１－５５５１２３４' }).contactPhone).toBe('0311-5551234');
  });

  it('what is not a phone number stays refused', () => {
    expect(firstProblem(MainlandMobile, '138-0013-800').message).toBe('请填写 11 位手机号码，例如 13800138000');
  });
});

describe('choices and numbers answer in words, naming the field', () => {
  it('a commitment that is neither from the catalogue nor custom, or a code not in the catalogue', () => {
    expect(firstProblem(CommitmentChoice, { kind: 'mystery' })).toEqual({ field: 'kind', message: '每条承诺应为目录中的承诺（catalogue）或自定义承诺（custom）' });
    expect(firstProblem(CommitmentChoice, { kind: 'catalogue', code: 'free_lunch' })).toEqual({ field: 'code', message: '所选承诺不在承诺目录中，请重新选择' });
  });

  it('a task assignee of an unknown kind', () => {
    expect(firstProblem(TaskAssignee, { kind: 'alien', code: 'x' })).toEqual({ field: 'kind', message: '请选择承办的乡镇（街道）或成员单位' });
  });

  it.each([
    ['the assessment', AssessmentYearParam],
    ['the dashboard', DashboardQuery],
    ['the targets', TargetsYearParam],
  ] as const)('a year that is not whole, on %s', (_name, schema) => {
    expect(firstProblem(schema, { year: '2026.5' })).toEqual({ field: 'year', message: '年份应为整数' });
  });

  it('a checklist version that is not whole, or below 1', () => {
    expect(firstProblem(ChecklistQuery, { version: '1.5' })).toEqual({ field: 'version', message: '检查表版本应为整数' });
    expect(firstProblem(ChecklistQuery, { version: '0' })).toEqual({ field: 'version', message: '检查表版本从 1 开始' });
  });

  it('codes and dates typed on a phone are folded as every typed code is: full-width, spaced', () => {
    expect(IsoDate('购买日期').parse('２０２６-０３-１５')).toBe('2026-03-15');
    expect(IsoDate('购买日期').parse(' 2026-03-15 ')).toBe('2026-03-15');
    expect(UserId.parse('ｕ-test　１')).toBe('u-test1');
    expect(ContentId.parse('01ＡＲＴＳ vwxy 0000000000000000')).toBe('01ARTSVWXY0000000000000000');
  });
});
