// The Answer: a plain object every renderer (console, Block Kit, Adaptive Card) reads.
// Its JSON form is the contract in shared/eval/README.md; extra fields are additive.
import type { Party } from '../model.js';
import type { Owner } from '../owners/book.js';
import type { Social } from './social.js';

export type Intent = 'who' | 'section' | 'party' | 'list' | 'help' | 'unknown';

export interface Match {
  doc: string;
  /** Display name of the service the document covers. */
  service: string;
  sectionId: string;
  section: string;
  /** null for a prose section matched as a whole. */
  task: string | null;
  provider: string | null;
  customer: string | null;
  party: Party | null;
  score: number;
  entryId: string | null;
  /** Link to the section on the published page, when known. */
  url: string | null;
  /** Who on the customer's side does the customer's part (owners.yaml); absent when no owners file is loaded. */
  owner?: Owner | null;
}

export interface SectionRef {
  id: string;
  title: string;
  doc: string;
  service: string;
  lastUpdated: string | null;
  url: string | null;
  /** The section's intro or prose text. */
  text: string;
}

export interface Answer {
  question: string;
  answered: boolean;
  intent: Intent;
  party: Party | null;
  confidence: number;
  section: SectionRef | null;
  matches: Match[];
  suggestions: string[];
  /** For a shared entry, the side the question asked about ("who picks the region?"). */
  side: 'provider' | 'customer' | null;
  /** When an unscoped question matches well in several services: their names, best first. */
  services: string[];
  /** For `list` and `help`: the sections (per service) and example questions. */
  sections: SectionRef[];
  examples: string[];
  /** A second entry that fits the question about as well as the first: shown beside it, not hidden. */
  runnerUp: Match | null;
  /** Why the bot abstained, or a note (input cut to the length limit, two entries fit), for the renderers. */
  note: string | null;
  /** For a question about an owner: whose rows these are (null: the rows nobody owns). */
  ownedBy?: { owner: Owner | null };
  /** The message only thanks, acknowledges or signs off: answered with a pleasantry, not a row. */
  social?: Social;
}
