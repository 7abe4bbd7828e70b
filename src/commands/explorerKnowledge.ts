import type { ExplorerKnowledge } from '../views/common/explorerKnowledge';
import type { CommandContext } from './commandContext';

/** What the explorer's trees know, for picks that can spare a cloud call (src/views/common/explorerKnowledge.ts). */
export function explorerKnowledge(ctx: CommandContext): ExplorerKnowledge {
  return {
    // Only verdicts the Roles view has finished reading (a row still "checking" has none yet).
    rolesWithTrust: (services) => ctx.trees.roles.loadedRoles(services).filter((e) => !e.checking),
    regionsWithInstances: (services) => ctx.trees.instances.regionsWithInstances(services),
  };
}
