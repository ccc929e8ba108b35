// A long summary is split into cards that each fit the surface, never cut: the surface says
// how much a card holds (blocks, and a size in its own unit), the layout says what to keep together.
import type { Block, Card } from './card.js';
import { partsNote } from './sentences.js';

export interface Budget {
  /** Blocks in one card. */
  maxBlocks: number;
  /** What one card may hold, in the surface's unit (characters, bytes of JSON). */
  capacity: number;
  /** The size of one block in that unit, once converted. */
  cost(block: Block): number;
}

/** A surface with no limit worth paging for (the terminal). */
export const UNLIMITED: Budget = { maxBlocks: Number.POSITIVE_INFINITY, capacity: Number.POSITIVE_INFINITY, cost: () => 0 };

/**
 * Cards titled `title`: `head` on the first, `rows` (each a group of blocks kept together) over
 * as many cards as they need, `foot` on the last. Every card is titled "(part i of n)" when there
 * are several, and says so in its summary.
 */
export function paged(title: string, summary: string, head: Block[], rows: Block[][], foot: Block[], budget: Budget): Card[] {
  const sum = (bs: Block[]) => bs.reduce((n, b) => n + budget.cost(b), 0);
  const heading: Block = { kind: 'heading', text: `${title} (part 99 of 99)` };
  const room = budget.capacity - budget.cost(heading) - sum(head) - sum(foot);
  const slots = budget.maxBlocks - 1 - head.length - foot.length;
  const pages: Block[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const page = pages[pages.length - 1]!;
    const n = sum(row);
    if (page.length > 0 && (page.length + row.length > slots || used + n > room)) {
      pages.push([...row]);
      used = n;
    } else {
      page.push(...row);
      used += n;
    }
  }
  return pages.map((page, i) => {
    const part = partsNote(i, pages.length);
    const blocks: Block[] = [{ kind: 'heading', text: title + part }];
    if (i === 0) blocks.push(...head);
    blocks.push(...page);
    if (i === pages.length - 1) blocks.push(...foot);
    return { summary: summary + part, blocks };
  });
}
