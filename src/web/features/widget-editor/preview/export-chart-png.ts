/**
 * Draws the chart SVG inside `container` onto a canvas at twice its size and returns it as a PNG blob,
 * with the page's surface colour behind it and the text colour and font resolved (the SVG uses
 * `currentColor` and inherited fonts, which a standalone image would lose). Null when there is no SVG
 * (a stat widget, an empty chart) or the browser cannot rasterise it.
 */
export async function renderChartPng(container: HTMLElement, background: string): Promise<Blob | null> {
  // The chart is the largest SVG: legend icons are small SVGs of the same class.
  let svg: SVGSVGElement | null = null;
  let largest = 0;
  for (const candidate of container.querySelectorAll('svg')) {
    const rect = candidate.getBoundingClientRect();
    if (rect.width * rect.height > largest) {
      largest = rect.width * rect.height;
      svg = candidate;
    }
  }
  if (!svg) return null;
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) return null;
  const style = getComputedStyle(container);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.color = style.color;
  clone.style.fontFamily = style.fontFamily;
  clone.style.fontSize = style.fontSize;
  const markup = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  try {
    await image.decode();
  } catch {
    return null;
  }
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}
