import type { AppState } from '../app/state';
import { DataScreen } from '../data/DataScreen';
import { CampaignsSection } from './CampaignsSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { FoldersSection } from './FoldersSection';
import { LabelsSection } from './LabelsSection';
import { TeammatesSection } from './TeammatesSection';

/**
 * Workspace management (DESIGN §1): campaigns, folders, labels, custom fields and teammates.
 * Everyone sees the lists; owners and managers change them (teammates: the owner), and anyone
 * else sees each list read-only with the reason.
 */
export function WorkspaceScreen({ state }: { state: AppState }) {
  return (
    <div class="workspace">
      <CampaignsSection state={state} />
      <FoldersSection state={state} />
      <LabelsSection state={state} />
      <CustomFieldsSection state={state} />
      <TeammatesSection state={state} />
      <DataScreen state={state} />
    </div>
  );
}
