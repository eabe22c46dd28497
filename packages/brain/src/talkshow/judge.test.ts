import { describe, expect, it } from 'vitest';
import { judgeAnswer } from './judge.js';

const a = (zh: string, en: string) => ({ zh, en });

describe('judging quiz answers from chat', () => {
  it('accepts numbers within tolerance, in digits or words, in either language', () => {
    const speed = a('超过每小时150公里', 'Over 150 km/h');
    expect(judgeAnswer('150', speed)).toBe(true);
    expect(judgeAnswer('大概一百五十公里吧', speed)).toBe(true);
    expect(judgeAnswer('148km/h', speed)).toBe(true);
    expect(judgeAnswer('120', speed)).toBe(false);
    expect(judgeAnswer('three and a half', a('三圈半，因为它是向前起跳的', 'Three and a half, because it takes off facing forward'))).toBe(true);
    expect(judgeAnswer('3圈半', a('三圈半，因为它是向前起跳的', 'Three and a half'))).toBe(true);
    expect(judgeAnswer('四圈', a('三圈半', 'Three and a half'))).toBe(false);
  });

  it('wants years exactly', () => {
    const first = a('1924年，法国夏蒙尼', '1924, in Chamonix, France');
    expect(judgeAnswer('1924', first)).toBe(true);
    expect(judgeAnswer('1925年', first)).toBe(false);
    expect(judgeAnswer('夏蒙尼', first)).toBe(true);
    expect(judgeAnswer('chamonix!', first)).toBe(true);
  });

  it('matches the distinctive words of a text answer', () => {
    expect(judgeAnswer('熊猫', a('大熊猫', 'A giant panda'))).toBe(true);
    expect(judgeAnswer('panda', a('大熊猫', 'A giant panda'))).toBe(true);
    expect(judgeAnswer('冰丝带', a('国家速滑馆“冰丝带”', 'The Ice Ribbon, the National Speed Skating Oval'))).toBe(true);
    expect(judgeAnswer('hydrogen', a('氢气', 'Hydrogen'))).toBe(true);
    expect(judgeAnswer('老虎', a('大熊猫', 'A giant panda'))).toBe(false);
    expect(judgeAnswer('冰壶', a('减少摩擦，让冰壶滑得更远更直', 'To cut friction so the stone goes farther'))).toBe(false);
    expect(judgeAnswer('不是熊猫', a('大熊猫', 'A giant panda'))).toBe(false);
  });
});
