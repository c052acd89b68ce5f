// Product images for the demo store, drawn locally: an SVG of simple shapes in the product's colour, rendered to WebP
// by sharp. No text (containers often lack fonts) and no network.

import sharp from 'sharp';
import type { MediaStore } from '@/lib/storage';
import type { Colour, ShapeKind } from './catalog-data';
import { createRandom, hashString } from './random';

export const IMAGE_SIZE = 800;
const CONTENT_TYPE = 'image/webp';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;
}

function mix(hex: string, other: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(other);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as Rgb);
}

function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The product drawn in `fill` with outline `line` and details in `detail`, roughly within 140..660 on an 800 canvas. */
function silhouette(shape: ShapeKind, fill: string, line: string, detail: string): string {
  const body = `fill="${fill}" stroke="${line}" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"`;
  const accent = `fill="${detail}"`;
  const strokeOnly = (width: number, colour = fill) =>
    `fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"`;
  const teePath =
    'M300 190 L190 250 L140 360 L225 395 L265 330 L265 630 L535 630 L535 330 L575 395 L660 360 L610 250 L500 190 Q400 250 300 190 Z';
  switch (shape) {
    case 'tee':
      return `<path d="${teePath}" ${body}/><path d="M330 200 Q400 235 470 200" ${strokeOnly(8, detail)}/>`;
    case 'hoodie':
      return `<path d="M318 205 Q400 90 482 205 Q400 260 318 205 Z" ${body}/>
<path d="M300 190 L190 250 L130 560 L215 575 L265 360 L265 630 L535 630 L535 360 L585 575 L670 560 L610 250 L500 190 Q400 250 300 190 Z" ${body}/>
<rect x="320" y="500" width="160" height="80" rx="24" ${accent}/><path d="M380 235 L375 330 M420 235 L425 330" ${strokeOnly(6, detail)}/>`;
    case 'jacket':
      return `<path d="M300 190 L190 250 L130 580 L215 595 L265 360 L260 650 L540 650 L535 360 L585 595 L670 580 L610 250 L500 190 L400 260 Z" ${body}/>
<path d="M400 260 L400 650" ${strokeOnly(7, detail)}/><path d="M300 190 L350 300 L400 260 L450 300 L500 190" ${strokeOnly(6, line)}/>
<rect x="290" y="450" width="70" height="12" rx="6" ${accent}/><rect x="440" y="450" width="70" height="12" rx="6" ${accent}/>`;
    case 'sock':
      return `<path d="M350 160 L480 160 L480 470 Q480 520 520 545 L610 595 Q665 630 630 680 Q605 712 540 698 L375 650 Q330 635 335 585 L350 470 Z" ${body}/>
<rect x="350" y="160" width="130" height="60" ${accent}/><path d="M560 610 Q600 650 585 695" ${strokeOnly(18, detail)}/>`;
    case 'sneaker':
      return `<path d="M160 530 Q165 440 240 425 L355 405 Q420 330 505 362 L565 445 Q650 460 668 525 L668 560 L160 560 Z" ${body}/>
<rect x="150" y="550" width="528" height="42" rx="20" fill="#f7f7f5" stroke="${line}" stroke-width="6"/>
<path d="M380 410 L420 450 M405 395 L445 435 M430 382 L470 422" ${strokeOnly(8, detail)}/>`;
    case 'boot':
      return `<path d="M290 190 L470 190 L478 460 Q610 480 645 540 L645 590 L282 590 Z" ${body}/>
<rect x="270" y="585" width="385" height="45" rx="14" fill="${detail}" stroke="${line}" stroke-width="6"/>
<path d="M330 250 L440 250 M330 300 L440 300 M330 350 L440 350" ${strokeOnly(7, detail)}/>`;
    case 'backpack':
      return `<path d="M350 215 Q350 150 400 150 Q450 150 450 215" ${strokeOnly(18, line)}/>
<rect x="260" y="210" width="280" height="410" rx="70" ${body}/>
<rect x="305" y="430" width="190" height="140" rx="32" ${accent}/><path d="M300 300 L500 300" ${strokeOnly(6, detail)}/>`;
    case 'tote':
      return `<path d="M305 340 Q305 180 400 180 Q495 180 495 340" ${strokeOnly(20, line)}/>
<path d="M220 330 L580 330 L548 640 L252 640 Z" ${body}/><rect x="330" y="420" width="140" height="90" rx="10" ${accent}/>`;
    case 'duffel':
      return `<path d="M320 360 Q320 250 400 250 Q480 250 480 360" ${strokeOnly(20, line)}/>
<rect x="160" y="350" width="480" height="240" rx="118" ${body}/>
<path d="M230 380 L570 380" ${strokeOnly(8, detail)}/><circle cx="200" cy="470" r="40" ${accent}/><circle cx="600" cy="470" r="40" ${accent}/>`;
    case 'mug':
      return `<path d="M505 340 Q620 340 620 440 Q620 540 505 540" ${strokeOnly(36, line)}/>
<path d="M505 340 Q600 345 600 440 Q600 535 505 540" ${strokeOnly(20, fill)}/>
<rect x="250" y="270" width="260" height="340" rx="34" ${body}/><rect x="250" y="300" width="260" height="26" ${accent}/>`;
    case 'pan':
      return `<rect x="495" y="405" width="240" height="46" rx="23" fill="${line}"/>
<circle cx="330" cy="430" r="190" ${body}/><circle cx="330" cy="430" r="140" ${accent}/>`;
    case 'pillow':
      return `<path d="M180 300 Q400 240 620 300 Q665 430 620 560 Q400 620 180 560 Q135 430 180 300 Z" ${body}/>
<path d="M240 330 Q400 295 560 330" ${strokeOnly(6, detail)}/><path d="M240 530 Q400 565 560 530" ${strokeOnly(6, detail)}/>`;
    case 'tent':
      return `<path d="M400 190 L660 610 L140 610 Z" ${body}/><path d="M400 320 L480 610 L320 610 Z" ${accent}/>
<path d="M400 190 L400 150" ${strokeOnly(10, line)}/>`;
    case 'sleeping-bag':
      return `<rect x="300" y="160" width="200" height="480" rx="100" ${body}/>
<path d="M300 300 L500 300 M300 400 L500 400 M300 500 L500 500" ${strokeOnly(6, detail)}/><ellipse cx="400" cy="230" rx="60" ry="45" ${accent}/>`;
    case 'bottle':
      return `<rect x="355" y="150" width="90" height="70" rx="14" fill="${detail}" stroke="${line}" stroke-width="6"/>
<path d="M365 220 L435 220 Q500 250 500 330 L500 600 Q500 645 455 645 L345 645 Q300 645 300 600 L300 330 Q300 250 365 220 Z" ${body}/>
<rect x="300" y="390" width="200" height="110" ${accent}/>`;
    case 'charger':
      return `<rect x="320" y="170" width="160" height="180" rx="28" ${body}/><rect x="365" y="130" width="20" height="50" fill="${line}"/>
<rect x="415" y="130" width="20" height="50" fill="${line}"/><path d="M400 350 C400 470 250 460 280 560 C310 660 520 640 520 560" ${strokeOnly(18, line)}/>
<rect x="495" y="520" width="50" height="70" rx="10" ${accent}/>`;
    case 'headphones':
      return `<path d="M250 470 Q250 200 400 200 Q550 200 550 470" ${strokeOnly(34, line)}/>
<rect x="205" y="410" width="100" height="190" rx="45" ${body}/><rect x="495" y="410" width="100" height="190" rx="45" ${body}/>
<rect x="290" y="440" width="30" height="130" rx="14" ${accent}/><rect x="480" y="440" width="30" height="130" rx="14" ${accent}/>`;
    case 'phone-case':
      return `<rect x="280" y="150" width="240" height="480" rx="46" ${body}/><rect x="310" y="180" width="100" height="100" rx="24" ${accent}/>
<circle cx="340" cy="210" r="16" fill="${line}"/><circle cx="380" cy="250" r="16" fill="${line}"/>`;
    case 'notebook':
      return `<rect x="250" y="160" width="300" height="460" rx="18" ${body}/><rect x="250" y="160" width="40" height="460" rx="10" ${accent}/>
<rect x="500" y="160" width="16" height="460" fill="${line}"/><path d="M420 620 L420 680 L440 665 L460 680 L460 620" fill="${detail}"/>`;
    case 'pen':
      return `<g transform="rotate(-35 400 400)"><rect x="375" y="150" width="50" height="400" rx="20" ${body}/>
<path d="M375 545 L425 545 L400 640 Z" fill="${detail}" stroke="${line}" stroke-width="6" stroke-linejoin="round"/>
<rect x="418" y="170" width="14" height="150" rx="7" fill="${line}"/><rect x="375" y="420" width="50" height="40" ${accent}/></g>`;
    case 'organiser':
      return `<path d="M290 330 L270 190 M330 330 L345 170 M460 390 L490 230" ${strokeOnly(14, detail)}/>
<rect x="220" y="330" width="170" height="280" rx="20" ${body}/><rect x="410" y="390" width="180" height="220" rx="20" ${body}/>
<rect x="220" y="560" width="370" height="50" rx="12" ${accent}/>`;
    case 'mat':
      return `<rect x="150" y="560" width="460" height="40" rx="10" ${accent}/>
<rect x="200" y="320" width="380" height="180" rx="90" ${body}/><circle cx="560" cy="410" r="90" fill="${detail}" stroke="${line}" stroke-width="6"/>
<circle cx="560" cy="410" r="55" ${body}/><circle cx="560" cy="410" r="22" fill="${detail}"/>`;
    case 'dumbbell':
      return `<rect x="240" y="382" width="320" height="36" rx="12" fill="#9aa0a6" stroke="${line}" stroke-width="6"/>
<rect x="170" y="290" width="90" height="220" rx="18" ${body}/><rect x="540" y="290" width="90" height="220" rx="18" ${body}/>
<rect x="255" y="330" width="40" height="140" rx="10" ${accent}/><rect x="505" y="330" width="40" height="140" rx="10" ${accent}/>`;
    case 'jar':
      return `<rect x="270" y="260" width="260" height="90" rx="22" fill="${detail}" stroke="${line}" stroke-width="6"/>
<rect x="280" y="340" width="240" height="270" rx="46" ${body}/><rect x="310" y="420" width="180" height="110" rx="14" fill="#ffffff" opacity="0.55"/>`;
    case 'pump-bottle':
      return `<path d="M400 230 L400 170 L470 170" ${strokeOnly(18, line)}/><rect x="360" y="230" width="80" height="60" rx="10" fill="${detail}"/>
<rect x="290" y="285" width="220" height="345" rx="40" ${body}/><rect x="320" y="390" width="160" height="130" rx="14" fill="#ffffff" opacity="0.55"/>`;
  }
}

/** The SVG for one image. `seedKey` varies the background decoration so neighbouring products don't look cloned. */
export function productSvg(shape: ShapeKind, colour: Colour, seedKey: string): string {
  const random = createRandom(hashString(seedKey));
  const light = luminance(colour.hex) > 0.78;
  // A light product on a light background disappears: pale colours sit on a cool grey instead.
  const bgBase = light ? '#5d6d7e' : colour.hex;
  const bgTop = mix(bgBase, '#ffffff', light ? 0.72 : 0.86);
  const bgBottom = mix(bgBase, '#ffffff', light ? 0.6 : 0.74);
  const line = mix(colour.hex, '#000000', light ? 0.45 : 0.4);
  const detail = light ? mix(colour.hex, '#000000', 0.18) : mix(colour.hex, '#ffffff', 0.28);
  const circles = Array.from({ length: random.int(3, 5) }, () => {
    const cx = random.int(0, IMAGE_SIZE);
    const cy = random.int(0, IMAGE_SIZE);
    const r = random.int(60, 220);
    const opacity = (0.06 + random.next() * 0.1).toFixed(2);
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${random.chance(0.5) ? colour.hex : '#ffffff'}" opacity="${opacity}"/>`;
  }).join('');
  const angle = random.int(0, 3) * 45;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 ${IMAGE_SIZE} ${IMAGE_SIZE}">
<defs><linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${bgTop}"/><stop offset="1" stop-color="${bgBottom}"/></linearGradient></defs>
<rect width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" fill="url(#bg)"/>${circles}
<ellipse cx="400" cy="668" rx="250" ry="24" fill="#000000" opacity="0.12"/>
${silhouette(shape, colour.hex, line, detail)}
</svg>`;
}

export async function renderProductImage(shape: ShapeKind, colour: Colour, seedKey: string): Promise<Buffer> {
  // effort 0: about a third of the default encode time for ~2 KB more per image; these are flat illustrations.
  return sharp(Buffer.from(productSvg(shape, colour, seedKey))).webp({ quality: 82, effort: 0 }).toBuffer();
}

export type ImageJob = { key: string; shape: ShapeKind; colour: Colour };

/** Renders and stores every job whose key is not already in the store. Returns how many files were written. */
export async function writeImages(store: MediaStore, jobs: readonly ImageJob[], concurrency = 4): Promise<number> {
  let next = 0;
  let written = 0;
  // A few renders in flight at once: enough to keep libuv's pool and both cores busy, few enough to bound memory.
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next]!;
      next += 1;
      if (await store.exists(job.key)) continue;
      const body = await renderProductImage(job.shape, job.colour, job.key);
      await store.put(job.key, body, CONTENT_TYPE);
      written += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return written;
}
