/**
 * Pictures of a QR code as the real world makes them: printed on a page, photographed at an
 * angle, a little blurred, with margins — as grey pixels, then a JPEG or a camera's Y4M video
 * frame. Test helpers; nothing here touches the network.
 */
import jpeg from 'jpeg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The QR symbol at ECC M, `moduleSize` pixels per module, with a white quiet zone. */
export function qrGray(text: string, moduleSize = 6, margin = 4): Gray {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = (size + 2 * margin) * moduleSize;
  const pixels = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / moduleSize) - margin;
      const col = Math.floor(x / moduleSize) - margin;
      if (row >= 0 && col >= 0 && row < size && col < size && qr.modules.get(row, col)) pixels[y * side + x] = 20;
    }
  }
  return { width: side, height: side, pixels };
}

export interface Shot {
  width: number;
  height: number;
  /** Degrees, clockwise. */
  angle?: number;
  /** Symbol size relative to its own pixels. */
  scale?: number;
  /** Box-blur radius in pixels (0 = sharp). */
  blur?: number;
  /** Paper colour around the code. */
  background?: number;
}

/** Places the symbol, rotated and scaled, in the middle of a photo-sized frame (bilinear). */
export function photograph(symbol: Gray, shot: Shot): Gray {
  const { width, height, angle = 0, scale = 1, blur = 0, background = 235 } = shot;
  const out = new Uint8Array(width * height).fill(background);
  const radians = (angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const sample = (x: number, y: number) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= symbol.width || yy >= symbol.height ? 255 : symbol.pixels[yy * symbol.width + xx]!);
    const fx = x - x0;
    const fy = y - y0;
    return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: from the frame back into the symbol.
      const dx = (x - width / 2) / scale;
      const dy = (y - height / 2) / scale;
      const sx = cos * dx + sin * dy + symbol.width / 2;
      const sy = -sin * dx + cos * dy + symbol.height / 2;
      if (sx >= -1 && sy >= -1 && sx <= symbol.width && sy <= symbol.height) out[y * width + x] = sample(sx, sy);
    }
  }
  return blur > 0 ? boxBlur({ width, height, pixels: out }, blur) : { width, height, pixels: out };
}

function boxBlur(image: Gray, radius: number): Gray {
  const { width, height } = image;
  const pass = (input: Uint8Array, horizontal: boolean) => {
    const output = new Uint8Array(input.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let count = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = horizontal ? x + k : x;
          const yy = horizontal ? y : y + k;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          sum += input[yy * width + xx]!;
          count++;
        }
        output[y * width + x] = Math.round(sum / count);
      }
    }
    return output;
  };
  return { width, height, pixels: pass(pass(image.pixels, true), false) };
}

export function toJpeg(image: Gray, quality = 80): Uint8Array {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let i = 0; i < image.pixels.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = image.pixels[i]!;
    rgba[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality).data);
}

/** One frame of Y4M (I420) video, what Chromium's fake camera plays in a loop. */
export function toY4m(image: Gray): Uint8Array {
  const { width, height, pixels } = image;
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const out = new Uint8Array(header.length + pixels.length + chroma.length);
  out.set(header, 0);
  out.set(pixels, header.length);
  out.set(chroma, header.length + pixels.length);
  return out;
}

/** Grey pixels of a PNG (a screenshot of a printed certificate, say). */
export function grayFromPng(bytes: Uint8Array): Gray {
  const png = PNG.sync.read(Buffer.from(bytes));
  const pixels = new Uint8Array(png.width * png.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(0.299 * png.data[i * 4]! + 0.587 * png.data[i * 4 + 1]! + 0.114 * png.data[i * 4 + 2]!);
  return { width: png.width, height: png.height, pixels };
}

/** What a camera held over the page's QR code sees: a `width` × `height` window centred on it. */
export function aimAtQr(page: Gray, width: number, height: number): Gray {
  const rgba = new Uint8ClampedArray(page.pixels.length * 4);
  for (let i = 0; i < page.pixels.length; i++) { rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = page.pixels[i]!; rgba[i * 4 + 3] = 255; }
  const found = jsQR(rgba, page.width, page.height);
  if (!found) throw new Error('no QR code on the page');
  const { topLeftCorner: a, bottomRightCorner: b } = found.location;
  const left = Math.max(0, Math.min(page.width - width, Math.round((a.x + b.x - width) / 2)));
  const top = Math.max(0, Math.min(page.height - height, Math.round((a.y + b.y - height) / 2)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.set(page.pixels.subarray((top + y) * page.width + left, (top + y) * page.width + left + width), y * width);
  return { width, height, pixels };
}
