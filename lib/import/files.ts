/**
 * The bytes of a file being imported, kept until its import job ends, so an import the closed
 * panel interrupted can resume from its last chunk (DESIGN §2: jobs that need a file). A
 * database of its own, beside Leadside's: a staged file is not data to back up, sync or
 * restore, and this needs no schema step of the main database.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Id } from '../domain/model';

export interface StagedFile {
  id: Id;
  name: string;
  blob: Blob;
  createdAt: number;
}

export const IMPORT_FILES_DB = 'leadside-import-files';

export class ImportFilesDB extends Dexie {
  files!: EntityTable<StagedFile, 'id'>;

  constructor(name: string = IMPORT_FILES_DB) {
    super(name);
    this.version(1).stores({ files: 'id' });
  }
}
