import type { DiagnosisReport } from '../instance/diagnosis/diagnosisTypes';
import { runDiagnose } from '../instance/diagnoseFlow';
import type { CommandContext } from './commandContext';

/** Diagnose KMS Access: the checklist from the metadata service to Encrypt on the key, as a report. */
export function diagnose(ctx: CommandContext, node?: unknown): Promise<DiagnosisReport> {
  return runDiagnose(ctx, node);
}
