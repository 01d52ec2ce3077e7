import { storage } from 'wxt/utils/storage';

/** When the last backup was made (epoch ms); the Data section offers one after 30 days. */
export const lastBackupItem = storage.defineItem<number | null>('local:lastBackupAt', { fallback: null, version: 1 });

/** Until when the panel's backup reminder is snoozed ("Not now"), epoch ms. */
export const backupSnoozeItem = storage.defineItem<number | null>('local:backupReminderSnoozedUntil', { fallback: null, version: 1 });
