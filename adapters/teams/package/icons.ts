// The app's icons, drawn in code: two overlapping squares (IBM's share and yours).
// Color: 192×192 on IBM blue. Outline: 32×32, white on transparent, as Teams requires.
import { encodePng } from './png.js';

type Rgba = [number, number, number, number];

/** Inside the outline of a square (border of width `w`) from (x0,y0), side `s`. */
function onSquare(x: number, y: number, x0: number, y0: number, s: number, w: number): boolean {
  const inOuter = x >= x0 && x < x0 + s && y >= y0 && y < y0 + s;
  const inInner = x >= x0 + w && x < x0 + s - w && y >= y0 + w && y < y0 + s - w;
  return inOuter && !inInner;
}

export function colorIcon(): Buffer {
  const blue: Rgba = [15, 98, 254, 255];
  const white: Rgba = [255, 255, 255, 255];
  return encodePng(192, 192, (x, y) => (onSquare(x, y, 40, 40, 80, 12) || onSquare(x, y, 72, 72, 80, 12) ? white : blue));
}

export function outlineIcon(): Buffer {
  const white: Rgba = [255, 255, 255, 255];
  const clear: Rgba = [0, 0, 0, 0];
  return encodePng(32, 32, (x, y) => (onSquare(x, y, 5, 5, 15, 2) || onSquare(x, y, 12, 12, 15, 2) ? white : clear));
}
