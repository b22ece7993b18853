/** Text rendering of replies for a text-only channel: buttons become numbered choices. */
import type { Button, Reply } from '../../app/chat-turn/messages.ts';

export function renderReplies(replies: readonly Reply[]): { text: string; choices: Button[] } {
  const choices: Button[] = [];
  const parts = replies.map((r) => {
    const lines = [r.text];
    for (const b of r.buttons ?? []) {
      choices.push(b);
      lines.push(`  ${choices.length}) ${b.label}`);
    }
    return lines.join('\n');
  });
  return { text: parts.filter((p) => p.trim() !== '').join('\n\n'), choices };
}

/** A bare number picks a numbered choice; anything else is text. */
export function readChoice(line: string, choices: readonly Button[]): { text: string | null; payload: string | null } {
  const n = /^\s*(\d{1,2})\s*$/.exec(line);
  const choice = n ? choices[Number(n[1]) - 1] : undefined;
  return choice ? { text: null, payload: choice.payload } : { text: line, payload: null };
}
