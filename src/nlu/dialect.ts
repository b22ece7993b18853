/**
 * Dialect words typed for common Mandarin ones, folded before reading: 木有/冇 for 没有,
 * 木 before a verb for 没 ("以前木找过"). Only where the reading cannot be another word
 * (木头, 木材, 木耳 keep their 木).
 */
export function foldDialect(text: string): string {
  // (Same length, so entity offsets hold.)
  return text.replace(/木有|冇有/g, '没有').replace(/冇/g, '没').replace(/木(?=找|去|问|反映|反应|人|钱|法|办法|用|啥|事)/g, '没');
}
