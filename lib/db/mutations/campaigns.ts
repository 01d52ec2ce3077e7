import type { Campaign } from '../../domain/model';
import { UserError } from '../errors';
import { mutate, newId, type MutationContext } from '../mutate';

export interface NewCampaign {
  name: string;
  location: string;
}

const MAX_NAME = 200;

export function validateCampaign(input: NewCampaign): NewCampaign {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const location = input.location.trim().replace(/\s+/g, ' ');
  if (!name) throw new UserError('A campaign needs a job title.');
  if (name.length > MAX_NAME) throw new UserError(`A job title can be at most ${MAX_NAME} characters.`);
  if (location.length > MAX_NAME) throw new UserError(`A location can be at most ${MAX_NAME} characters.`);
  return { name, location };
}

export async function createCampaign(ctx: MutationContext, input: NewCampaign): Promise<Campaign> {
  const clean = validateCampaign(input);
  return mutate(ctx, 'createCampaign', clean, ['campaigns'], async (scope) => {
    const [ref] = await scope.allocateRefs('campaign', 1);
    const campaign: Campaign = {
      id: newId(scope.now),
      ref: ref!,
      name: clean.name,
      location: clean.location,
      status: 'open',
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    await scope.db.campaigns.add(campaign);
    return campaign;
  });
}
