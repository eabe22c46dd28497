/**
 * The avatar stage: a 3D host (three.js + @pixiv/three-vrm) driven by the show's events.
 * What it is for: any page that shows the host (viewer live room, console preview, lab).
 * What it is not for: deciding what she does — the server's show events and @snowstage/motion do that.
 */
export { mountStage, type Stage, type StageOptions, type StageDebug } from './mount.js';
export { DEFAULT_AVATAR_URL } from './avatar.js';
export { STRINGS as STAGE_STRINGS, type Lang as StageLang } from './strings.js';
