import * as z from 'zod/mini';
import { allRoutes } from '../src/contract/all-routes';
import type { RouteContract } from '../src/contract/routes';
import { TEXT_FIELDS, type TextFieldRules } from '../src/contract/text';

/**
 * Every string a request carries — body, query or path, in every route of the one contract — is either free
 * text under the text rules (text.ts, registered in TEXT_FIELDS) or constrained to a format (a regex, an
 * enum, a literal). A plain `z.string()` added to a request later fails here: that is how a custom commitment
 * title once took U+202E and emoji onto the public shop page while complaint texts refused them.
 *
 * The walk reads zod v4's schema definitions (`_zod.def`), as z.toJSONSchema does for the API document
 * (openapi.ts): objects, optionals and defaults, arrays, unions (discriminated ones too), intersections,
 * records, pipes. Each string leaf is tested on its own, since building a valid request for every route is
 * another test's job.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  left?: z.ZodMiniType;
  right?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  items?: z.ZodMiniType[];
  rest?: z.ZodMiniType | null;
  getter?: () => z.ZodMiniType;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
}
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A place in a request that receives a string from the caller, with the schema that parses it. */
interface Leaf {
  where: string;
  schema: z.ZodMiniType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
/** Types that carry no string a person typed (or refuse every string). */
const NOT_STRINGS = new Set(['number', 'int', 'boolean', 'bigint', 'date', 'null', 'undefined', 'void', 'never', 'nan', 'enum', 'literal', 'symbol']);

/** Does parsing start with a string (a string, or a pipe whose first stage is one)? */
const takesString = (schema: z.ZodMiniType): boolean => {
  const def = defOf(schema);
  return def.type === 'string' || (def.type === 'pipe' && takesString(def.in!));
};

/** Every string leaf under `schema`. A pipe that starts with a string is one leaf: its stages are one field. */
function stringLeaves(schema: z.ZodMiniType, where: string): Leaf[] {
  const def = defOf(schema);
  if (takesString(schema)) return [{ where, schema }];
  if (WRAPPERS.has(def.type)) return stringLeaves(def.innerType!, where);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, child]) => stringLeaves(child, `${where}.${key}`));
    case 'array':
      return stringLeaves(def.element!, `${where}[]`);
    case 'union':
      return def.options!.flatMap((option, index) => stringLeaves(option, `${where}<${variantName(option, index)}>`));
    case 'intersection':
      return [...stringLeaves(def.left!, where), ...stringLeaves(def.right!, where)];
    case 'pipe':
      return [...stringLeaves(def.in!, where), ...stringLeaves(def.out!, where)];
    case 'record':
      return [...stringLeaves(def.keyType!, `${where}{key}`), ...stringLeaves(def.valueType!, `${where}{}`)];
    case 'tuple':
      return [...def.items!.flatMap((item, index) => stringLeaves(item, `${where}[${index}]`)), ...(def.rest ? stringLeaves(def.rest, `${where}[]`) : [])];
    case 'lazy':
      return stringLeaves(def.getter!(), where);
    default:
      if (NOT_STRINGS.has(def.type)) return [];
      // any, unknown, custom, transform on its own…: input nobody checks is a leaf that must fail below.
      return [{ where, schema }];
  }
}

/** A discriminated union's variants by their literal (`reply`, `propose`…), else by position. */
function variantName(option: z.ZodMiniType, index: number): string {
  const def = defOf(option);
  if (def.type !== 'object') return String(index);
  for (const child of Object.values(def.shape!)) {
    const literal = defOf(child) as Def & { values?: unknown[] };
    if (literal.type === 'literal' && literal.values?.length === 1) return String(literal.values[0]);
  }
  return String(index);
}

/** The free-text rules of a leaf, when it is free text (possibly piped on into something else). */
const textRulesOf = (schema: z.ZodMiniType): TextFieldRules | undefined => {
  const def = defOf(schema);
  return TEXT_FIELDS.get(schema) ?? (def.type === 'pipe' ? textRulesOf(def.in!) : undefined);
};

/** A format constraint anywhere along the leaf's stages: a regex or another string format. */
const hasFormat = (schema: z.ZodMiniType): boolean => {
  const def = defOf(schema);
  if (def.type === 'string') return (def.checks ?? []).some((check) => check._zod.def.check === 'string_format');
  if (def.type === 'pipe') return hasFormat(def.in!) || hasFormat(def.out!);
  return false;
};

/**
 * Strings that are neither free text nor a regex, each with the reason it is safe. Keys are `route
 * location.path`. Keep this short: a new entry needs a reason a reviewer accepts.
 */
const NOT_FREE_TEXT: Record<string, string> = {
  'applyForMerchant body.uscc':
    'the 统一社会信用代码: normalised, then checked character by character against the licence alphabet and its check character (domain/uscc.ts validateUscc)',
};

function leavesOf(routes: Record<string, RouteContract>): Leaf[] {
  return Object.entries(routes).flatMap(([name, route]) => [
    ...stringLeaves(route.pathParams, `${name} path`),
    ...(route.query ? stringLeaves(route.query, `${name} query`) : []),
    ...(route.body ? stringLeaves(route.body, `${name} body`) : []),
  ]);
}

const LEAVES = leavesOf(allRoutes as unknown as Record<string, RouteContract>);
const FREE_TEXT = LEAVES.flatMap((leaf) => {
  const rules = textRulesOf(leaf.schema);
  return rules ? [{ ...leaf, rules }] : [];
});
const FORMATTED = LEAVES.filter((leaf) => !textRulesOf(leaf.schema));

/** Hostile inputs from the tester's report, each with the same text without the hostile part. */
const HOSTILE = [
  { name: 'a right-to-left override (U+202E)', text: '正常文字\u202E', clean: '正常文字' },
  { name: 'a word split by a zero-width space (U+200B)', text: '正\u200B常', clean: '正常' },
  { name: 'a NUL (U+0000)', text: 'a\u0000b', clean: 'ab' },
  { name: 'an emoji', text: '好😀', clean: '好' },
] as const;

describe('the walk itself', () => {
  it('finds the free-text fields of every part of the contract (complaints, shops, inspections, content, stations, the quiz)', () => {
    const where = FREE_TEXT.map((leaf) => leaf.where);
    expect(where).toEqual(
      expect.arrayContaining([
        'fileComplaint body.description',
        'sendCommand body.command<reply>.text',
        'sendCommand body.command<propose>.proposal.text',
        'applyForMerchant body.commitments[]<custom>.title',
        'updateCommitments body.commitments[]<custom>.text',
        'recordInspection body.findings[].note',
        'createArticle body.body',
        'publishRecall body.batch',
        'registerStation body.name',
        'stationFileComplaint body.consumerName',
        'putCalendarYear body.holidays[].name',
        'putYearTasks body.tasks[].note',
        'publishQuiz body.title',
      ]),
    );
    expect(FREE_TEXT.length).toBeGreaterThan(60);
  });

  it('would catch a plain z.string() added to a request later', () => {
    const later = {
      newRoute: { method: 'POST', path: '/x', access: 'user', pathParams: z.object({}), body: z.object({ note: z.string().check(z.maxLength(200)) }), response: z.object({}) },
    } as unknown as Record<string, RouteContract>;
    const [leaf] = leavesOf(later);
    expect(leaf?.where).toBe('newRoute body.note');
    expect(textRulesOf(leaf!.schema)).toBeUndefined();
    expect(hasFormat(leaf!.schema)).toBe(false);
    expect(leaf!.schema.safeParse('正常文字\u202E').success).toBe(true);
  });

  it('keeps the allow-list honest: every entry names a string leaf that exists', () => {
    const where = new Set(FORMATTED.map((leaf) => leaf.where));
    for (const entry of Object.keys(NOT_FREE_TEXT)) expect(where).toContain(entry);
  });
});

describe.each(FREE_TEXT.map((leaf) => [leaf.where, leaf] as const))('free text: %s', (_where, { schema, rules }) => {
  // Enough characters for the field's minimum, whatever the sample; every field's maximum leaves room.
  const pad = '字'.repeat(rules.min);

  it('fits a sample between its bounds (the tests below would prove nothing otherwise)', () => {
    expect(rules.min + 6).toBeLessThanOrEqual(rules.max);
    expect(schema.safeParse(`正常文字${pad}`).success).toBe(true);
  });

  it.each(HOSTILE.map((sample) => [sample.name, sample] as const))('refuses %s, and takes the same text without it', (_name, sample) => {
    expect(schema.safeParse(`${sample.clean}${pad}`).success).toBe(true);
    const refused = !schema.safeParse(`${sample.text}${pad}`).success;
    expect(refused).toBe(sample.name === 'an emoji' ? rules.emoji === 'refuse' : true);
  });

  it('stores ＡＢＣ as ABC (NFKC)', () => {
    expect(schema.parse(`ＡＢＣ${pad}`)).toBe(`ABC${pad}`);
  });

  it(rules.lines === 'single' ? 'refuses a line break (single-line)' : 'keeps a line break (multi-line)', () => {
    const parsed = schema.safeParse(`正常\n文字${pad}`);
    expect(parsed.success).toBe(rules.lines === 'multi');
  });
});

describe.each(FORMATTED.map((leaf) => [leaf.where, leaf] as const))('not free text: %s', (where, { schema }) => {
  it('is constrained to a format (regex, enum, literal) or allow-listed with a reason', () => {
    expect(hasFormat(schema) || where in NOT_FREE_TEXT).toBe(true);
  });

  it.each(HOSTILE.map((sample) => [sample.name, sample.text] as const))('refuses %s', (_name, text) => {
    expect(schema.safeParse(text).success).toBe(false);
  });
});
