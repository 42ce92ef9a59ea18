import { describe, expect, test } from 'vitest';
import { findDates } from '../../lib/shared/dates';
import { cpuMs } from './cpu-time';

const PUB = '2023-10-20T14:05:00+00:00'; // a Friday
const when = (text: string, published: string | null = PUB) =>
  findDates(text, 0, text.length, published ?? undefined).map((d) => [d.text, d.iso]);

describe('dates resolved against the article date', () => {
  test('a month without a year is the latest one not after the article', () => {
    expect(when('the incident it detected in September was espionage')).toEqual([['in September', '2023-09']]);
    expect(when('a breach in November')).toEqual([['in November', '2022-11']]);
    expect(when('since early October')).toEqual([['since early October', '2023-10']]);
    expect(when('at the end of May')).toEqual([['at the end of May', '2023-05']]);
  });

  test('explicit dates in both orders, with and without the year', () => {
    expect(when('on September 12, 2022 and on 3 March 2021')).toEqual([
      ['September 12, 2022', '2022-09-12'],
      ['3 March 2021', '2021-03-03'],
    ]);
    expect(when('between April 2 and April 19')).toEqual([
      ['April 2', '2023-04-02'],
      ['April 19', '2023-04-19'],
    ]);
    expect(when('Sept. 5')).toEqual([['Sept. 5', '2023-09-05']]);
    expect(when('logged 2023-09-14 at noon')).toEqual([['2023-09-14', '2023-09-14']]);
    expect(when('in 2019, and during late 2021')).toEqual([
      ['in 2019', '2019'],
      ['during late 2021', '2021'],
    ]);
  });

  test('relative dates', () => {
    expect(when('said on Friday')).toEqual([['on Friday', '2023-10-20']]);
    expect(when('on Monday')).toEqual([['on Monday', '2023-10-16']]);
    expect(when('last Friday')).toEqual([['last Friday', '2023-10-13']]);
    expect(when('yesterday')).toEqual([['yesterday', '2023-10-19']]);
    expect(when('last week')).toEqual([['last week', '2023-10']]);
    expect(when('last month')).toEqual([['last month', '2023-09']]);
    expect(when('earlier this year')).toEqual([['earlier this year', '2023']]);
    expect(when('last year')).toEqual([['last year', '2022']]);
  });

  test('without an article date, only what the text fixes is resolved', () => {
    expect(when('in September', null)).toEqual([['in September', undefined]]);
    expect(when('on 4 July 2022', null)).toEqual([['4 July 2022', '2022-07-04']]);
  });

  test('the verb "may" and the word "march" in lower case are not months', () => {
    expect(when('attackers may 5 times retry; protesters march in May')).toEqual([['in May', '2023-05']]);
  });

  test('linear on hostile input', () => {
    const hostile = 'in early '.repeat(20_000) + '12 '.repeat(20_000) + 'September '.repeat(20_000);
    expect(cpuMs(() => findDates(hostile, 0, hostile.length, PUB))).toBeLessThan(3000);
  });
});
