import { describe, expect, it } from 'vitest';
import { normalizeForSpeech, normalizeText } from './normalize.js';

describe('normalising Chinese text for speech', () => {
  it.each([
    ['这件T恤只要¥88！', '这件T恤只要八十八元！'],
    ['原价￥199.50，现在88.5元', '原价一百九十九元五角，现在八十八元五角'],
    ['只要¥88.05', '只要八十八元零五分'],
    ['美国卖$12.99', '美国卖十二点九九美元'],
    ['2022年2月4日晚上20:00开幕', '二零二二年二月四日晚上二十点开幕'],
    ['2022-02-04', '二零二二年二月四日'],
    ['2022北京冬奥会', '二零二二北京冬奥会'],
    ['上午9:05开始，10:30结束', '上午九点零五分开始，十点三十分结束'],
    ['温度-5℃，风速12km/h', '温度负五摄氏度，风速十二公里每小时'],
    ['身高170cm，体重55kg，容量500ml', '身高一百七十厘米，体重五十五公斤，容量五百毫升'],
    ['打8.5折，优惠30%', '打八点五折，优惠百分之三十'],
    ['优惠10-20%', '优惠百分之十到百分之二十'],
    ['限量2件，每人限购2个，还剩12件', '限量两件，每人限购两个，还剩十二件'],
    ['买3-5件更划算', '买三到五件更划算'],
    ['价格¥88-¥99', '价格八十八元到九十九元'],
    ['客服电话400-820-8820', '客服电话四零零，八二零，八八二零'],
    ['订单号13800138000', '订单号一三八零零一三八零零零'],
    ['第1名，已售1,000个', '第一名，已售一千个'],
    ['1/2的人', '二分之一的人'],
    ['冰墩墩🐼太可爱了😍😍👍🏻', '冰墩墩太可爱了'],
    ['Tom & Jerry和5元/件', 'Tom和Jerry和五元每件'],
    ['＃冬奥＃加油！！！', '冬奥加油！'],
    ['看 https://snowstage.dev 吧', '看链接吧'],
    ['ＮＩＫＥ新款８８元', 'Nye-key新款八十八元'],
  ])('%s → %s', (src, want) => expect(normalizeText(src, 'zh')).toBe(want));

  it('keeps Latin brand names inside Chinese and respells the ones engines misread', () => {
    expect(normalizeText('iPhone15和Nike鞋，还有LV包', 'zh')).toBe('iPhone十五和Nye-key鞋，还有LV包');
  });
});

describe('normalising English text for speech', () => {
  it.each([
    ['Only ¥88 today!', 'Only eighty-eight yuan today!'],
    ['It was ¥88.50 yesterday', 'It was eighty-eight yuan fifty yesterday'],
    ['$12.99 each, 20% off', 'twelve dollars and ninety-nine cents each, twenty percent off'],
    ['On 2022-02-04 at 8:00 pm', 'On February fourth, twenty twenty-two at eight p m'],
    ['The Games opened on Feb 4, 2022.', 'The Games opened on February fourth, twenty twenty-two.'],
    ['Since 1998, we sold 1,000,000 units', 'Since nineteen ninety-eight, we sold one million units'],
    ['It is -5°C with 12 km/h wind', 'It is minus five degrees Celsius with twelve kilometers per hour wind'],
    ['Ships in 3-5 days', 'Ships in three to five days'],
    ['The 1st and 22nd', 'The first and twenty-second'],
    ['1/2 price, 3/4 full, 2/3 left', 'one half price, three quarters full, two thirds left'],
    ['Meet me at 9am or 10:15', 'Meet me at nine a m or ten fifteen'],
    ['5kg for $5/kg', 'five kilograms for five dollars per kilogram'],
    ['1 cm and 2.5 cm', 'one centimeter and two point five centimeters'],
    ['Tom & Jerry 🎉', 'Tom and Jerry'],
    ['Nike and Adidas', 'Nye-key and ah-dee-dahs'],
  ])('%s → %s', (src, want) => expect(normalizeText(src, 'en')).toBe(want));
});

describe('normalising speech markup', () => {
  it('turns ellipses and dashes into breaks and keeps marks', () => {
    expect(normalizeForSpeech('你好……<mark name="g:wave"/>再见——¥8', 'zh')).toBe(
      '你好<break time="350ms"/><mark name="g:wave"/>再见<break time="200ms"/>八元',
    );
    expect(normalizeForSpeech('Wait... what — *really*?', 'en')).toBe(
      'Wait<break time="350ms"/> what <break time="200ms"/> <emphasis>really</emphasis>?',
    );
  });

  it('keeps the spaces that separate words across pieces', () => {
    expect(normalizeForSpeech('a **big** deal', 'en')).toBe('a <emphasis>big</emphasis> deal');
    expect(normalizeForSpeech('这个<mark name="g:nod"/>真好', 'zh')).toBe('这个<mark name="g:nod"/>真好');
  });
});
