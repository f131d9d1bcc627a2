import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT } from '../../../scripts/contract/serverless-functions';

const plugins = require('../../../scripts/serverless/esbuild-plugins.js') as {
  (): Plugin[];
  annotatePureDeclarations(source: string, fileName: string): string;
};

const PURE = '/* @__PURE__ */ ';

describe('annotatePureDeclarations', () => {
  const annotate = (source: string) => plugins.annotatePureDeclarations(source, 'contract.ts');

  it('marks every call and `new` of a top-level const initialiser, nested ones included', () => {
    expect(annotate("export const A = z.object({ b: z.string().check(z.minLength(1)) });\n")).toBe(
      `export const A = ${PURE}z.object({ b: ${PURE}z.string().check(${PURE}z.minLength(1)) });\n`,
    );
    expect(annotate('const seen = new Set(codes.map(toKey));\n')).toBe(`const seen = ${PURE}new Set(${PURE}codes.map(toKey));\n`);
  });

  it('leaves calls inside functions alone: there a result may be unused on purpose', () => {
    const source = 'export const label = (code: string) => { record(code); return lookup(code); };\nexport function f() { g(); }\n';
    expect(annotate(source)).toBe(source);
  });

  it('leaves statements that are not const declarations alone: they run for their effect', () => {
    const source = "import './zod-chinese';\nz.config(zhCN());\nlet counter = start();\nvar legacy = start();\n";
    expect(annotate(source)).toBe(source);
  });

  it('keeps the text around the marks: comments, strings and line breaks', () => {
    const source = "/** The id. */\nexport const Id = z\n  .string({ error: '请提供编号（f(x)）' })\n  // why\n  .check(z.trim());\n";
    expect(annotate(source)).toBe(`/** The id. */\nexport const Id = ${PURE}z\n  .string({ error: '请提供编号（f(x)）' })\n  // why\n  .check(${PURE}z.trim());\n`);
  });
});

/**
 * The plugin on the real modules, bundled as serverless.yml bundles a function: a handler that uses one
 * schema of shared/src/contract/merchant.ts (or one entity of the store's) no longer builds the others of
 * that module, and the schema it uses still parses as before.
 */
describe('a function bundle with the plugin', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-pure-'));
  const entry = path.join(scratch, 'handler.ts');
  writeFileSync(
    entry,
    `import { MerchantId } from ${JSON.stringify(path.join(REPO_ROOT, 'shared/src/contract/merchant.ts'))};\n` +
      'export const handler = (id: unknown) => MerchantId.safeParse(id);\n',
  );
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const bundle = async (withPlugins: boolean) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      charset: 'utf8',
      logLevel: 'silent',
      plugins: withPlugins ? plugins() : [],
    });
    return result.outputFiles[0]!.text;
  };

  const load = (code: string) => {
    const module = { exports: {} as { handler: (id: unknown) => { success: boolean; data?: string; error?: { issues: Array<{ message: string }> } } } };
    vm.runInThisContext(`(function (exports, require, module) {${code}\n})`)(module.exports, require, module);
    return module.exports.handler;
  };

  // A message only another schema of the module carries (CommitmentChoice's), and one only MerchantId's.
  const OTHER_SCHEMA = '退货天数至少 1 天';
  const OWN_SCHEMA = '商户编号只能包含字母和数字';

  /** A handler that imports `name` from a repository module and uses it as `use`, bundled with the plugins and without. */
  const bundleOneImport = async (name: string, module: string, use: string) => {
    const file = path.join(scratch, `${name}-handler.ts`);
    writeFileSync(file, `import { ${name} } from ${JSON.stringify(path.join(REPO_ROOT, module))};\nexport const handler = ${use};\n`);
    const text = async (withPlugins: boolean) =>
      (await build({ entryPoints: [file], bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent', plugins: withPlugins ? plugins() : [] }))
        .outputFiles[0]!.text;
    const [withPlugin, without] = await Promise.all([text(true), text(false)]);
    return { withPlugin, without };
  };

  it('leaves out the schemas of the module the handler never reaches (and keeps them without it)', async () => {
    const [withPlugin, without] = await Promise.all([bundle(true), bundle(false)]);
    expect(without).toContain(OTHER_SCHEMA);
    expect(withPlugin).not.toContain(OTHER_SCHEMA);
    expect(withPlugin).toContain(OWN_SCHEMA);
    expect(withPlugin.length).toBeLessThan(without.length);
  });

  it('does the same for the store: a handler that uses one entity no longer builds the others of its module', async () => {
    const { withPlugin, without } = await bundleOneImport('CounterEntity', 'functions/src/store/support.entities.ts', '() => CounterEntity.entityName');
    expect(without).toContain('"StaffRoster"');
    expect(withPlugin).not.toContain('"StaffRoster"');
    expect(withPlugin).toContain('"Counter"');
  });

  it('drops an entity whose attributes are shared with another (assigned, not spread: esbuild keeps a spread)', async () => {
    const { withPlugin: text } = await bundleOneImport('AuditEntity', 'functions/src/store/support.entities.ts', '() => AuditEntity.entityName');
    expect(text).toContain('"Audit"');
    expect(text).not.toContain('"Counter"');
    expect(text).not.toContain('"MerchantCounter"');
    expect(text).not.toContain('firstResponseWithin72h');
  });

  it('and for the functions’ own modules: a handler that only fits an SMS parameter builds none of the client’s answer schemas', async () => {
    const { withPlugin, without } = await bundleOneImport('fitTemplateParam', 'functions/src/sms/client.ts', '(value: string) => fitTemplateParam(value)');
    expect(without).toContain('SendStatusSet');
    expect(withPlugin).not.toContain('SendStatusSet');
    expect(withPlugin).toContain('function fitTemplateParam');
  });

  it('and for the store’s access patterns: a handler that reads one station no longer builds the 回访 queries', async () => {
    const { withPlugin, without } = await bundleOneImport('findStation', 'functions/src/store/stations.ts', '(id: string) => findStation(id)');
    expect(without).toContain('"follow-ups-due"');
    expect(withPlugin).not.toContain('"follow-ups-due"');
    expect(withPlugin).not.toContain('"FollowUp"');
    expect(withPlugin).toContain('"Station"');
  });

  it('still validates with the schema it keeps, messages included', async () => {
    const handler = load(await bundle(true));
    expect(handler(' ab12cd ')).toMatchObject({ success: true, data: 'AB12CD' });
    const refused = handler('ab-12');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain(OWN_SCHEMA);
  });
});
