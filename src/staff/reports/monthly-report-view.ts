/**
 * The monthly report as one printable HTML document. In the console it links its
 * stylesheet (the CSP allows no inline style); for the PDF the same stylesheet is
 * embedded, since Chromium renders it from memory with no network.
 */
import type { MonthlyReport } from '../../app/stats/get-monthly-report.ts';
import type { CountyConfig } from '../../domain/county/schema.ts';
import { html, SafeHtml } from '../html.ts';
import { fmtDateTime } from '../cases/labels.ts';
import { REPORT_LABELS as L } from './labels.ts';
import { ledCasesSection } from '../backlog/led-cases-views.ts';
import { notesSection, rankingSection, repeatRiskSection, satisfactionSection, summarySection, supervisionSection, timelinessSection, volumeSection } from './report-sections.ts';

export type ReportStyle = { kind: 'link'; href: string } | { kind: 'inline'; css: string };

export const REPORT_SECTION_IDS = ['summary', 'volume', 'timeliness', 'satisfaction', 'repeat-risk', 'supervision', 'ranking', 'notes'] as const;

/** The stylesheet itself is ours (never user input); `<` cannot close the style element. */
const styleTag = (s: ReportStyle) =>
  s.kind === 'link' ? html`<link rel="stylesheet" href="${s.href}">` : new SafeHtml(`<style>${s.css.replace(/</g, '\\3c ')}</style>`);

export function reportQuery(r: MonthlyReport, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ month: r.month, unit: r.unit, ...extra }).toString();
}

export function monthlyReportDocument(r: MonthlyReport, cfg: CountyConfig, style: ReportStyle): string {
  const nav =
    style.kind === 'link'
      ? html`<nav class="no-print"><a href="/staff/performance">${L.back}</a> · <a href="/staff/reports/monthly?${reportQuery(r, { format: 'pdf' })}">${L.pdf}</a> · <span class="muted">${L.print}</span></nav>`
      : '';
  return html`<!doctype html><html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.unitName} ${r.month} ${L.title}</title>${styleTag(style)}</head>
<body class="report">${nav}
<header><h1>${r.unitName} · ${r.month}</h1><p class="subtitle">${L.title}</p>
<p>${L.period}: ${r.period.fromDate} — ${r.period.toDate} · ${L.generated}: ${fmtDateTime(r.generatedAt, cfg)}</p></header>
<main>
${summarySection(r)}
${volumeSection(r, cfg)}
${timelinessSection(r)}
${satisfactionSection(r)}
${repeatRiskSection(r, cfg)}
${supervisionSection(r, cfg)}
${rankingSection(r, cfg)}
${r.led ? ledCasesSection(r.led, cfg) : ''}
${notesSection()}
</main></body></html>`.value;
}
