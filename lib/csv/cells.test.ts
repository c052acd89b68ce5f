import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRow, neutraliseCell } from './cells';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected));

  it.each(['Linen shirt', '19.99', '', "it's fine", ' =not at the start', 'a=b'])('leaves %j alone', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });
});

describe('csvRow', () => {
  it('quotes commas, quotes and line breaks so a CSV reader gets the cells back', () => {
    const line = csvRow(['a,b', 'say "hi"', 'two\nlines', 12, true, null, undefined]);
    expect(line.endsWith('\r\n')).toBe(true);
    const [cells] = Papa.parse<string[]>(line.trimEnd()).data;
    expect(cells).toEqual(['a,b', 'say "hi"', 'two\nlines', '12', 'true', '', '']);
  });

  it('neutralises formulas inside quoted cells too', () => {
    const [cells] = Papa.parse<string[]>(csvRow(['=cmd|"/C calc"!A0', 'x']).trimEnd()).data;
    expect(cells![0]).toBe(`'=cmd|"/C calc"!A0`);
  });
});
