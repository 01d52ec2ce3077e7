import type { ExportRequest } from '../../lib/export/run';
import type { BackupSummary } from '../../lib/backup/backup';
import type { Target } from '../../lib/import/columns';
import type { DuplicatePolicy } from '../../lib/import/write';
import type { Placement } from '../../lib/db/mutations/candidates';
import type { CountryCode } from '../../lib/domain/phone';

/** Requests from the panel to the data worker. One at a time per worker. */
export type DataRequest =
  | { type: 'export'; request: ExportRequest }
  | { type: 'backup' }
  | { type: 'inspect'; file: Blob }
  | { type: 'restore'; file: Blob }
  | { type: 'parse'; file: Blob; name: string }
  | { type: 'import'; mapping: Target[]; placement: Placement; policy: DuplicatePolicy; country: CountryCode; actorId: string }
  | { type: 'preview'; mapping: Target[]; country: CountryCode; policy: DuplicatePolicy; campaignId: string }
  /** Continue an import job the closed panel interrupted, from its cursor. */
  | { type: 'resume'; jobId: string; actorId: string }
  /** End an interrupted import where it is ("Stop here"). */
  | { type: 'abandon'; jobId: string; actorId: string }
  /** `npm run bench` only: the same export through exceljs's in-memory writer. */
  | { type: 'benchExceljs'; request: ExportRequest }
  /** `npm run bench` only: the same leads through the plainest streaming .xlsx writer. */
  | { type: 'benchMinimal'; request: ExportRequest };

export interface ParsedInfo {
  headers: string[];
  sample: string[][];
  total: number;
  notes: string[];
}

export interface PreviewRow {
  line: number;
  ok: boolean;
  text: string;
  /** What happens to a row that is someone already known (in Leadside, or earlier in the file). */
  note?: string;
}

export interface ImportSummary {
  created: number;
  attached: number;
  skipped: number;
  cancelled: boolean;
  report: string;
  jobId: string;
}

export type DataResult =
  | { type: 'export'; blob: Blob; rows: number; peakHeap: number }
  | { type: 'benchExceljs'; bytes: number; rows: number; peakHeap: number }
  | { type: 'benchMinimal'; bytes: number; rows: number; peakHeap: number }
  | { type: 'backup'; blob: Blob }
  | { type: 'inspect'; summary: BackupSummary }
  | { type: 'restore'; summary: BackupSummary }
  | { type: 'parse'; info: ParsedInfo }
  | { type: 'preview'; rows: PreviewRow[]; errors: number }
  | { type: 'import'; summary: ImportSummary }
  | { type: 'abandon' };

export type DataEvent =
  /** `jobId`: the import job the progress is of. */
  | { type: 'progress'; done: number; total: number; jobId?: string }
  | { type: 'result'; result: DataResult }
  | { type: 'error'; message: string; cancelled?: boolean };
