/** Every text the stage shows, in both languages. */
export type Lang = 'zh' | 'en';

export interface StageStrings {
  tapToHear: string;
  loading: string;
  /** The avatar file could not be used; `reason` is already in this language. */
  badAvatar: (reason: string) => string;
  reasons: {
    notModel: string;
    notVrm: string;
    noHumanoid: string;
    network: string;
    tooBig: string;
  };
  nowDancing: (title: string) => string;
  noWebgl: string;
}

export const STRINGS: Readonly<Record<Lang, StageStrings>> = {
  zh: {
    tapToHear: '点一下听她说话',
    loading: '东东马上就来…',
    badAvatar: (reason) => `这个模型用不了：${reason}。已换回默认的东东。`,
    reasons: {
      notModel: '不是 VRM/glTF 模型文件',
      notVrm: '文件里没有 VRM 角色信息',
      noHumanoid: '模型缺少人形骨骼',
      network: '模型下载失败',
      tooBig: '文件太大（上限 64 MB）',
    },
    nowDancing: (title) => `正在跳：${title}`,
    noWebgl: '你的浏览器不支持 3D 显示（WebGL），东东暂时没法出场。',
  },
  en: {
    tapToHear: 'Tap to hear her',
    loading: 'Dong Dong is on her way…',
    badAvatar: (reason) => `This model can't be used: ${reason}. Showing Dong Dong instead.`,
    reasons: {
      notModel: 'it is not a VRM/glTF model file',
      notVrm: 'the file has no VRM character data',
      noHumanoid: 'the model has no humanoid skeleton',
      network: 'the download failed',
      tooBig: 'the file is too large (64 MB limit)',
    },
    nowDancing: (title) => `Dancing to: ${title}`,
    noWebgl: 'Your browser cannot show 3D (WebGL), so Dong Dong cannot appear here.',
  },
};
