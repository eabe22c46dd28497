/**
 * Small inline SVG icons for buttons and chips (emoji fonts are not everywhere: kiosks and
 * headless browsers draw empty boxes for them).
 */
const PATHS = {
  ticket: 'M3 7a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-3a2 2 0 0 0 0-4z M9 6v12',
  flag: 'M5 21V4 M5 4h11l-2 4 2 4H5',
  gift: 'M3 10h18v4H3z M5 14h14v7H5z M12 10v11 M12 10c-2-4-6-4-6-1s6 1 6 1c2-4 6-4 6-1s-6 1-6 1',
  trophy: 'M7 4h10v5a5 5 0 0 1-10 0z M7 6H4a3 3 0 0 0 3 4 M17 6h3a3 3 0 0 1-3 4 M12 14v4 M8 21h8 M9 18h6',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  speaker: 'M4 9h4l5-4v14l-5-4H4z M16 9a4 4 0 0 1 0 6 M18.5 6.5a8 8 0 0 1 0 11',
  stamp: 'M8 13V9a4 4 0 1 1 8 0v4 M5 13h14v4H5z M4 20h16',
  party: 'M4 20l5-13 8 8z M14 4l1 2 M19 5l-2 2 M20 10l-2 0 M12 8c1-2 3-2 4-1',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name]);
  svg.append(path);
  return svg;
}
