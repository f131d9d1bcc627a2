import { codeTable } from '../src/catalogue/code-table';
import { TOWNS } from '../src/catalogue/county';
import { AREA_TYPES, MERCHANT_TYPES, SECTORS } from '../src/catalogue/sectors';
import { DEPARTMENTS } from '../src/catalogue/departments';
import { COMPLAINT_CATEGORIES, FOLLOW_UP_OUTCOMES, OUTCOMES, RATINGS, REFERRALS, REFUSAL_GROUNDS, TERMINATION_GROUNDS } from '../src/catalogue/complaints';
import { INSPECTION_CATEGORIES } from '../src/catalogue/inspection-checklist';
import { QUIZ_LAWS } from '../src/catalogue/quiz-bank';
import { INTAKE_CHANNELS, STATION_PLACE_TYPES } from '../src/catalogue/stations';
import { TASK_KINDS } from '../src/domain/tasks';
import { RECALL_KINDS } from '../src/domain/public-info';
import { BASE_ITEMS, BONUS_ITEMS, BOTTOM_LINES } from '../src/domain/assessment';

const catalogues = {
  TOWNS, SECTORS, AREA_TYPES, MERCHANT_TYPES, DEPARTMENTS, COMPLAINT_CATEGORIES, OUTCOMES, REFUSAL_GROUNDS, TERMINATION_GROUNDS,
  RATINGS, FOLLOW_UP_OUTCOMES, REFERRALS, INSPECTION_CATEGORIES, QUIZ_LAWS, STATION_PLACE_TYPES, INTAKE_CHANNELS, TASK_KINDS,
  RECALL_KINDS, BASE_ITEMS, BONUS_ITEMS, BOTTOM_LINES,
};
// What a request could name that every plain object answers to.
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

describe.each(Object.entries(catalogues))('%s', (_name, table) => {
  it('knows none of the names every object inherits', () => {
    for (const code of INHERITED) {
      expect(code in table).toBe(false);
      expect((table as Record<string, unknown>)[code]).toBeUndefined();
    }
  });

  it('still knows its own codes, and cannot be changed', () => {
    const codes = Object.keys(table);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code in table && Object.hasOwn(table, code)).toBe(true);
    expect(Object.isFrozen(table)).toBe(true);
  });
});

it('a code table keeps its entries in order and answers JSON as a plain object would', () => {
  const table = codeTable({ b: '乙', a: '甲' });
  expect(Object.keys(table)).toEqual(['b', 'a']);
  expect(JSON.stringify(table)).toBe('{"b":"乙","a":"甲"}');
  expect({ ...table }).toEqual({ b: '乙', a: '甲' });
});
