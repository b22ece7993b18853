/** Building a step's question: the plain one, and the second ask with an example and a way out. */
import type { MessageKey } from '../catalog/catalog.ts';
import { button, say } from '../replies.ts';
import type { Button, Locale, Reply } from '../types.ts';

export interface AskSpec {
  key: MessageKey;
  params?: Record<string, string | number>;
  buttons?: Button[];
  example?: MessageKey;
  /** Optional steps offer "skip" beside a person. */
  skip?: string;
}

/** The question; the second time with an example and a way out (skip where optional, a person) in the same message. */
export function ask(l: Locale, spec: AskSpec, again: boolean): Reply[] {
  // An optional question offers its way out from the first ask (the words say "说跳过" too).
  if (!again) {
    const first = [...(spec.buttons ?? []), ...(spec.skip ? [button(l, 'skip', `skip:${spec.skip}`)] : [])];
    return [say(l, spec.key, spec.params, first.length > 0 ? first : undefined)];
  }
  const example = spec.example ? say(l, spec.example).text : '';
  const way = [...(spec.skip ? [button(l, 'skip', `skip:${spec.skip}`)] : []), button(l, 'btnHuman', 'cmd:human')];
  const hint = say(l, spec.skip ? 'exampleHintOptional' : 'exampleHint', { example }).text;
  return [{ text: `${say(l, spec.key, spec.params).text}\n${hint}`, buttons: [...(spec.buttons ?? []).slice(0, 13), ...way] }];
}
