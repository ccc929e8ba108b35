// The typed responsibility matrix: what the loader produces and the answer engine reads.
// Plain data only (JSON-serialisable), so `respbot inspect --json` prints it as it is.

/** Who carries a responsibility: the cloud provider (IBM), the customer (you), or both. */
export type Party = 'provider' | 'customer' | 'shared';

export interface Entry {
  /** Stable id: `<section id>/<task slug>`. */
  id: string;
  /** The task or resource the row is about; null only for prose sections turned into entries. */
  task: string | null;
  /** What the provider does, plain text (lists kept as "• " lines); null where the cell is empty. */
  provider: string | null;
  /** What the customer does; null where the cell is empty or missing. */
  customer: string | null;
  party: Party;
  /** Absolute URLs found in the row. */
  links: string[];
  /** 1-based line of the row in the source file. */
  line: number;
}

/** One cell of an overview grid (Resource × area): who owns that resource in that area. */
export interface GridFact {
  resource: string;
  area: string;
  party: Party;
}

export interface Section {
  id: string;
  title: string;
  /** Markdown heading level (2 for `##`). */
  level: number;
  /** Intro prose of the section (for a prose-only section, its whole text). */
  text: string;
  caption: string | null;
  /** Column labels as written in the table header (keywords resolved). */
  providerLabel: string | null;
  customerLabel: string | null;
  entries: Entry[];
  /** Overview-grid facts, when the section holds a Resource × area grid. */
  grid: GridFact[];
  line: number;
}

export interface ResponsibilityDocument {
  /** From the file name: `event-streams-responsibilities.md` → `event-streams`. */
  id: string;
  /** The cloud service the document is about, e.g. "Event Streams". */
  service: string;
  title: string;
  lastUpdated: string | null;
  keywords: string[];
  subcollection: string | null;
  /** Public page the document is published at, when it can be derived. */
  url: string | null;
  sourceFile: string;
  sections: Section[];
}

export interface LoadWarning {
  file: string;
  line: number | null;
  message: string;
}

export interface KnowledgeBase {
  documents: ResponsibilityDocument[];
  warnings: LoadWarning[];
}
