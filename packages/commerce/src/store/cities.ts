import type { LocalizedText } from '@snowstage/protocol';

export type Region = 'north' | 'northeast' | 'east' | 'central' | 'south' | 'southwest' | 'northwest';

/** A city with shops, for the store registry and delivery estimates. `weight` ≈ its share of shops. */
export interface City {
  code: string;
  name: LocalizedText;
  province: LocalizedText;
  region: Region;
  lat: number;
  lon: number;
  weight: number;
  /** Far from every fulfilment centre (slow delivery). */
  remote?: boolean;
}

const c = (code: string, zh: string, en: string, pzh: string, pen: string, region: Region, lat: number, lon: number, weight: number, remote = false): City => ({
  code,
  name: { zh, en },
  province: { zh: pzh, en: pen },
  region,
  lat,
  lon,
  weight,
  ...(remote ? { remote } : {}),
});

/** Mainland cities with official-merchandise shops (coordinates of the city centre). */
export const CITIES: readonly City[] = [
  c('bj', '北京', 'Beijing', '北京市', 'Beijing', 'north', 39.9042, 116.4074, 60),
  c('tj', '天津', 'Tianjin', '天津市', 'Tianjin', 'north', 39.3434, 117.3616, 22),
  c('sjz', '石家庄', 'Shijiazhuang', '河北省', 'Hebei', 'north', 38.0428, 114.5149, 12),
  c('zjk', '张家口', 'Zhangjiakou', '河北省', 'Hebei', 'north', 40.8244, 114.8875, 10),
  c('ty', '太原', 'Taiyuan', '山西省', 'Shanxi', 'north', 37.8706, 112.5489, 9),
  c('hhht', '呼和浩特', 'Hohhot', '内蒙古自治区', 'Inner Mongolia', 'north', 40.8424, 111.749, 6),
  c('sy', '沈阳', 'Shenyang', '辽宁省', 'Liaoning', 'northeast', 41.8057, 123.4315, 14),
  c('dl', '大连', 'Dalian', '辽宁省', 'Liaoning', 'northeast', 38.914, 121.6147, 11),
  c('cc', '长春', 'Changchun', '吉林省', 'Jilin', 'northeast', 43.8171, 125.3235, 10),
  c('heb', '哈尔滨', 'Harbin', '黑龙江省', 'Heilongjiang', 'northeast', 45.8038, 126.535, 14),
  c('sh', '上海', 'Shanghai', '上海市', 'Shanghai', 'east', 31.2304, 121.4737, 55),
  c('nj', '南京', 'Nanjing', '江苏省', 'Jiangsu', 'east', 32.0603, 118.7969, 20),
  c('sz', '苏州', 'Suzhou', '江苏省', 'Jiangsu', 'east', 31.2989, 120.5853, 18),
  c('wx', '无锡', 'Wuxi', '江苏省', 'Jiangsu', 'east', 31.4912, 120.3119, 10),
  c('hz', '杭州', 'Hangzhou', '浙江省', 'Zhejiang', 'east', 30.2741, 120.1551, 24),
  c('nb', '宁波', 'Ningbo', '浙江省', 'Zhejiang', 'east', 29.8683, 121.544, 12),
  c('hf', '合肥', 'Hefei', '安徽省', 'Anhui', 'east', 31.8206, 117.2272, 12),
  c('fz', '福州', 'Fuzhou', '福建省', 'Fujian', 'east', 26.0745, 119.2965, 10),
  c('xm', '厦门', 'Xiamen', '福建省', 'Fujian', 'east', 24.4798, 118.0894, 10),
  c('jn', '济南', 'Jinan', '山东省', 'Shandong', 'east', 36.6512, 117.1201, 13),
  c('qd', '青岛', 'Qingdao', '山东省', 'Shandong', 'east', 36.0671, 120.3826, 15),
  c('nc', '南昌', 'Nanchang', '江西省', 'Jiangxi', 'central', 28.682, 115.8579, 9),
  c('zz', '郑州', 'Zhengzhou', '河南省', 'Henan', 'central', 34.7466, 113.6254, 16),
  c('wh', '武汉', 'Wuhan', '湖北省', 'Hubei', 'central', 30.5928, 114.3055, 22),
  c('cs', '长沙', 'Changsha', '湖南省', 'Hunan', 'central', 28.2282, 112.9388, 16),
  c('gz', '广州', 'Guangzhou', '广东省', 'Guangdong', 'south', 23.1291, 113.2644, 40),
  c('szn', '深圳', 'Shenzhen', '广东省', 'Guangdong', 'south', 22.5431, 114.0579, 38),
  c('dg', '东莞', 'Dongguan', '广东省', 'Guangdong', 'south', 23.0207, 113.7518, 12),
  c('fs', '佛山', 'Foshan', '广东省', 'Guangdong', 'south', 23.0215, 113.1214, 11),
  c('nn', '南宁', 'Nanning', '广西壮族自治区', 'Guangxi', 'south', 22.817, 108.3665, 9),
  c('hk', '海口', 'Haikou', '海南省', 'Hainan', 'south', 20.044, 110.1999, 6),
  c('sya', '三亚', 'Sanya', '海南省', 'Hainan', 'south', 18.2528, 109.512, 5),
  c('cd', '成都', 'Chengdu', '四川省', 'Sichuan', 'southwest', 30.5728, 104.0668, 30),
  c('cq', '重庆', 'Chongqing', '重庆市', 'Chongqing', 'southwest', 29.563, 106.5516, 26),
  c('km', '昆明', 'Kunming', '云南省', 'Yunnan', 'southwest', 25.0389, 102.7183, 10),
  c('gy', '贵阳', 'Guiyang', '贵州省', 'Guizhou', 'southwest', 26.647, 106.6302, 8),
  c('ls', '拉萨', 'Lhasa', '西藏自治区', 'Tibet', 'southwest', 29.65, 91.1, 2, true),
  c('xa', '西安', "Xi'an", '陕西省', 'Shaanxi', 'northwest', 34.3416, 108.9398, 18),
  c('lz', '兰州', 'Lanzhou', '甘肃省', 'Gansu', 'northwest', 36.0611, 103.8343, 6),
  c('xn', '西宁', 'Xining', '青海省', 'Qinghai', 'northwest', 36.6171, 101.7782, 3, true),
  c('yc', '银川', 'Yinchuan', '宁夏回族自治区', 'Ningxia', 'northwest', 38.4872, 106.2309, 3),
  c('wlmq', '乌鲁木齐', 'Urumqi', '新疆维吾尔自治区', 'Xinjiang', 'northwest', 43.8256, 87.6168, 5, true),
];

/** Folds a city name for lookup: "北京市", "beijing", " Beijing City " all fold to one key. */
export function foldCity(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]/g, '')
    .replace(/(市|city)$/u, '');
}

const BY_NAME = new Map<string, City>();
for (const city of CITIES) {
  BY_NAME.set(foldCity(city.name.zh), city);
  BY_NAME.set(foldCity(city.name.en), city);
}

/** The city for a name in Chinese or English (with or without 市 / City), or null. */
export function findCity(name: string): City | null {
  return BY_NAME.get(foldCity(name)) ?? null;
}
