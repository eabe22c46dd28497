import { CITIES, type City } from '@snowstage/commerce';
import type { StoreRecord } from '@snowstage/protocol';
import { seededRng } from '@snowstage/brain';

const PLACES = [
  ['万达广场', 'Wanda Plaza'], ['万象城', 'MixC'], ['大悦城', 'Joy City'], ['银泰百货', 'Intime Department Store'], ['龙湖天街', 'Longfor Paradise Walk'],
  ['印象城', 'InCity'], ['吾悦广场', 'Wuyue Plaza'], ['凯德广场', 'CapitaLand Mall'], ['爱琴海购物公园', 'Aegean Shopping Park'], ['太古里', 'Taikoo Li'],
  ['火车站', 'Railway Station'], ['高铁站', 'High-speed Railway Station'], ['国际机场 T2', 'International Airport T2'], ['步行街', 'Pedestrian Street'], ['奥林匹克公园', 'Olympic Park'],
  ['体育中心', 'Sports Centre'], ['百货大楼', 'Department Store'], ['新华书店', 'Xinhua Bookstore'], ['冰雪运动中心', 'Ice and Snow Sports Centre'], ['文化广场', 'Culture Square'],
] as const;
const ROADS = [
  ['人民路', 'Renmin Road'], ['解放路', 'Jiefang Road'], ['中山路', 'Zhongshan Road'], ['建设路', 'Jianshe Road'], ['和平路', 'Heping Road'],
  ['长江路', 'Changjiang Road'], ['黄河路', 'Huanghe Road'], ['新华路', 'Xinhua Road'], ['文化路', 'Wenhua Road'], ['胜利路', 'Shengli Road'],
  ['青年路', 'Qingnian Road'], ['朝阳路', 'Chaoyang Road'], ['滨江大道', 'Binjiang Avenue'], ['世纪大道', 'Century Avenue'], ['光明路', 'Guangming Road'],
] as const;
const ZH_NUM = ['', '', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A plausible registry of `count` official-merchandise shops across Chinese cities, spread by the
 * cities' weights (Beijing and Shanghai get the most), with bilingual names and addresses and
 * coordinates near each city centre. Deterministic for a given count and seed.
 *
 * Use when: seeding a fresh database (the real network had 7,000+ shops) and in load tests.
 */
export function generateStores(count: number, seed = 2022): StoreRecord[] {
  const random = seededRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const totalWeight = CITIES.reduce((n, c) => n + c.weight, 0);
  // Largest-remainder apportionment, so the counts add up to exactly `count`.
  const exact = CITIES.map((c) => (c.weight / totalWeight) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((n, c) => n + c, 0) < count; k++) counts[order[k % order.length]![1]]! += 1;
  const out: StoreRecord[] = [];
  CITIES.forEach((city, ci) => {
    const seen = new Map<string, number>();
    for (let n = 1; n <= counts[ci]!; n++) out.push(makeStore(city, n, seen, pick, random));
  });
  return out;
}

function makeStore(city: City, n: number, seen: Map<string, number>, pick: <T>(xs: readonly T[]) => T, random: () => number): StoreRecord {
  const [pzh, pen] = pick(PLACES);
  const [rzh, ren] = pick(ROADS);
  const k = (seen.get(pzh) ?? 0) + 1;
  seen.set(pzh, k);
  const no = 1 + Math.floor(random() * 899);
  const floor = 1 + Math.floor(random() * 5);
  const suffixZh = k === 1 ? '' : k <= 10 ? ZH_NUM[k] : `${k}号`;
  const suffixEn = k === 1 ? '' : ` No. ${k}`;
  const municipality = city.province.zh === `${city.name.zh}市`;
  return {
    id: `cs-${city.code}-${String(n).padStart(4, '0')}`,
    name: { zh: `冬运特许商店 ${city.name.zh}${pzh}${suffixZh}店`, en: `Winter Games Store, ${pen}${suffixEn}, ${city.name.en}` },
    city: city.name,
    province: city.province,
    address: {
      zh: `${municipality ? '' : city.province.zh}${city.name.zh}市${rzh}${no}号${pzh}${floor}层`,
      en: `${floor}F, ${pen}, ${no} ${ren}, ${city.name.en}${municipality ? '' : ', ' + city.province.en}`,
    },
    lat: Math.round((city.lat + (random() - 0.5) * 0.3) * 1e5) / 1e5,
    lon: Math.round((city.lon + (random() - 0.5) * 0.3) * 1e5) / 1e5,
  };
}
