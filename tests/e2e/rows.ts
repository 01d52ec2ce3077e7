/**
 * The rows the end-to-end tests read back from IndexedDB (harness readTable) are the model's
 * own types: one definition, the one the extension writes.
 */
export type {
  Activity as ActivityRow,
  Campaign as CampaignRow,
  Candidate as CandidateRow,
  Folder as FolderRow,
  Job as JobRow,
  Lead as LeadRow,
  Message as MessageRow,
  User as UserRow,
} from '../../lib/domain/model';
