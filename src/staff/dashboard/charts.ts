/** Horizontal SVG bar charts drawn on the server (no script, no inline style: attributes only). */
import { html, type SafeHtml } from '../html.ts';

export interface Bar {
  label: string;
  value: number;
}

const ROW = 22;
const LABEL_W = 150;
const BAR_W = 360;
const NUM_W = 60;

export function barChart(title: string, bars: Bar[], opts: { id: string; fill?: string }): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW + 8;
  const width = LABEL_W + BAR_W + NUM_W;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = Math.round((b.value / max) * BAR_W);
    return html`<g><text x="${LABEL_W - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="#334e68">${b.label}</text>
<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 6}" fill="${opts.fill ?? '#486581'}"><title>${b.label}: ${b.value}</title></rect>
<text x="${LABEL_W + w + 4}" y="${y + 15}" font-size="12" fill="#102a43">${b.value}</text></g>`;
  });
  return html`<figure class="chart" id="${opts.id}"><figcaption>${title}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows}</svg></figure>`;
}
