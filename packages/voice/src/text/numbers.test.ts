import { describe, expect, it } from 'vitest';
import { zhCount, zhDigits, zhInteger, zhNumber, zhYuan } from './numbers-zh.js';
import { enInteger, enMoney, enNumber, enOrdinal, enYear } from './numbers-en.js';

describe('Mandarin numbers', () => {
  it.each([
    ['0', '零'], ['7', '七'], ['10', '十'], ['15', '十五'], ['20', '二十'], ['88', '八十八'], ['101', '一百零一'],
    ['110', '一百一十'], ['200', '两百'], ['1000', '一千'], ['1005', '一千零五'], ['1050', '一千零五十'],
    ['2022', '两千零二十二'], ['10000', '一万'], ['10010', '一万零一十'], ['100000', '十万'], ['120000', '十二万'],
    ['1000000', '一百万'], ['100000000', '一亿'], ['100010000', '一亿零一万'], ['300500', '三十万零五百'],
  ])('%s → %s', (d, zh) => expect(zhInteger(d)).toBe(zh));

  it('reads digits, decimals, negatives, counts and yuan', () => {
    expect(zhDigits('2022')).toBe('二零二二');
    expect(zhNumber('88.50')).toBe('八十八点五零');
    expect(zhNumber('-3')).toBe('负三');
    expect(zhCount('2')).toBe('两');
    expect(zhCount('12')).toBe('十二');
    expect(zhYuan('88')).toBe('八十八元');
    expect(zhYuan('88', '50')).toBe('八十八元五角');
    expect(zhYuan('88', '05')).toBe('八十八元零五分');
    expect(zhYuan('88', '55')).toBe('八十八元五角五分');
    expect(zhYuan('0', '5')).toBe('五角');
  });
});

describe('English numbers', () => {
  it.each([
    ['0', 'zero'], ['13', 'thirteen'], ['21', 'twenty-one'], ['88', 'eighty-eight'], ['100', 'one hundred'],
    ['1005', 'one thousand five'], ['12345', 'twelve thousand three hundred forty-five'], ['1000000', 'one million'],
  ])('%s → %s', (d, en) => expect(enInteger(d)).toBe(en));

  it('reads decimals, ordinals, years and money', () => {
    expect(enNumber('3.14')).toBe('three point one four');
    expect(enNumber('-2')).toBe('minus two');
    expect(enOrdinal('1')).toBe('first');
    expect(enOrdinal('22')).toBe('twenty-second');
    expect(enOrdinal('40')).toBe('fortieth');
    expect(enOrdinal('13')).toBe('thirteenth');
    expect(enYear('2022')).toBe('twenty twenty-two');
    expect(enYear('2008')).toBe('two thousand eight');
    expect(enYear('1998')).toBe('nineteen ninety-eight');
    expect(enYear('1905')).toBe('nineteen oh five');
    expect(enYear('1900')).toBe('nineteen hundred');
    expect(enMoney('88', '', ['yuan', 'yuan'])).toBe('eighty-eight yuan');
    expect(enMoney('88', '50', ['yuan', 'yuan'])).toBe('eighty-eight yuan fifty');
    expect(enMoney('12', '99', ['dollar', 'dollars'], ['cent', 'cents'])).toBe('twelve dollars and ninety-nine cents');
    expect(enMoney('1', '5', ['dollar', 'dollars'], ['cent', 'cents'])).toBe('one dollar and fifty cents');
    expect(enMoney('0', '01', ['dollar', 'dollars'], ['cent', 'cents'])).toBe('one cent');
  });
});
