/**
 * Finding the QR text in what the device sees: camera frames, or a photo the officer took.
 * jsQR reads the pixels; a photo is tried at several sizes, since a large, slightly blurred
 * photo often reads better once reduced.
 */
import jsQRModule from 'jsqr';

// jsqr is CommonJS: its function is the module itself or its default, depending on the bundler.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

const FRAME_INTERVAL_MS = 120;
const CAMERA_MAX_SIDE = 960;
const PHOTO_SIDES = [1600, 1000, 640, 400];

function readPixels(source: CanvasImageSource, width: number, height: number, maxSide: number, canvas: HTMLCanvasElement): string | undefined {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, w, h);
  context.drawImage(source, 0, 0, w, h);
  return jsQR(context.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}

/** Reads frames from the camera until a QR code is seen, or the signal aborts. */
export async function scanWithCamera(video: HTMLVideoElement, signal: AbortSignal): Promise<string> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
  const canvas = document.createElement('canvas');
  try {
    video.srcObject = stream;
    await video.play();
    for (;;) {
      if (signal.aborted) throw new DOMException('scan stopped', 'AbortError');
      await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS));
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) continue;
      const text = readPixels(video, video.videoWidth, video.videoHeight, CAMERA_MAX_SIDE, canvas);
      if (text) return text;
    }
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/** The QR text in a photo, or undefined when none can be found at any size. */
export async function scanPhoto(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = document.createElement('canvas');
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    const sides = [...new Set([Math.min(longest, PHOTO_SIDES[0]!), ...PHOTO_SIDES.filter((side) => side < longest)])];
    for (const side of sides) {
      const text = readPixels(bitmap, bitmap.width, bitmap.height, side, canvas);
      if (text) return text;
    }
    return undefined;
  } finally {
    bitmap.close();
  }
}
