import { renderSVG } from 'uqr';

/** A QR code of `text` as an SVG string (dark modules on white, with a quiet zone). */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: 'M', border: 2 });
}
