// Types at the boundaries between ingest, extract and store.
// Extraction is a pure function Article -> ExtractionRecord; everything it needs is in Article.

/** Where a fact was found. Offsets are UTF-16 indexes into Article.text (the cleaned text as the page wrote it). */
export interface Provenance {
  start: number; // inclusive
  end: number; // exclusive
  sentence: number; // index into the sentence list of the article
  rule: string; // name of the rule that produced the fact
  confidence: number; // 0..1
}

export interface ArticleMeta {
  title: string | null;
  url: string | null;
  /** ISO 8601: "2021-03-04T22:20:00+07:00" when the time is known, "2021-03-04" when only the date is. */
  published: string | null;
  outlet: string | null;
  author: string | null;
}

/** A cleaned article: the input of extraction and of storage. */
export interface Article extends ArticleMeta {
  /** File path (as given) or URL the article came from. */
  source: string;
  /**
   * Cleaned text: the title as the first paragraph (when there is one), a blank line, then the body.
   * Paragraphs are separated by "\n\n", list items and lines by "\n". Kept exactly as the page wrote it
   * (no Unicode normalisation here; extraction normalises with an offset map).
   */
  text: string;
  /** Offset in `text` where the body starts (0 when there is no title paragraph). */
  bodyStart: number;
  /** How the article arrived. */
  format: "txt" | "html" | "jsonl" | "warc";
  /** Everything else ingest learned (section, language, canonical URL, charset, WARC record id, flags, metadata choices, extra JSONL fields…). */
  extra?: Record<string, unknown>;
  /** The raw page when there was one (HTML as decoded text), kept so facts can be rebuilt without refetching. */
  raw?: string | null;
  /** Problems that do not stop ingest (mojibake, truncated HTML…). An article flagged "mojibake" is not extracted. */
  flags?: string[];
}

export type ClusterKind = "cụm" | "khối";
export type RoleKind = "trưởng" | "phó";
export type AwardStatus = "proposed" | "conferred" | "registered";
export type EventType = "signing" | "review" | "launch" | "other";

export interface ClusterFact {
  kind: ClusterKind;
  number: number | null;
  name: string;
  locality: string | null;
  /** The system the cluster belongs to (MTTQ, Công an, Hội Cựu chiến binh…), when stated. */
  system?: string | null;
  /** Declared member count ("gồm 6 đơn vị") and the count actually listed, when a list was found. */
  declaredMembers?: number | null;
  listedMembers?: number | null;
  prov: Provenance;
}

export interface MemberFact {
  cluster: number | null; // index into record.clusters
  unit: string;
  prov: Provenance;
}

export interface RoleFact {
  cluster: number | null;
  unit: string;
  role: RoleKind;
  year: number | null;
  prov: Provenance;
}

export interface OfficialFact {
  name: string;
  rank: string | null;
  titles: string[];
  prov: Provenance; // where the person is first named
  titleProv?: Provenance[]; // one per title, same order
}

export interface CommitmentFact {
  cluster: number | null;
  year: number | null;
  text: string;
  prov: Provenance;
}

export interface AwardFact {
  award: string;
  recipient: string;
  year: number | null;
  status: AwardStatus;
  prov: Provenance;
}

export interface EventFact {
  type: EventType;
  date: string | null; // YYYY-MM-DD
  location: string | null;
  prov: Provenance;
}

export interface DocumentFact {
  kind: string;
  number: string;
  date: string | null; // YYYY-MM-DD
  issuer?: string | null;
  prov: Provenance;
}

/** Something the extractor wants the reader to know about the record (a member count that disagrees…). */
export interface RecordNote {
  kind: string;
  message: string;
  prov?: Provenance;
}

export interface ExtractionRecord {
  source: string;
  article: ArticleMeta;
  clusters: ClusterFact[];
  members: MemberFact[];
  roles: RoleFact[];
  officials: OfficialFact[];
  commitments: CommitmentFact[];
  awards: AwardFact[];
  events: EventFact[];
  documents: DocumentFact[];
  notes: RecordNote[];
  extractor: { version: string };
}

export const FACT_KINDS = ["clusters", "members", "roles", "officials", "commitments", "awards", "events", "documents"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** An input that could not be read or parsed. Reported, never fatal to the batch. */
export interface InputError {
  source: string; // file, URL, or "file.warc.gz#record-id"
  reason: string;
}
