// The Explain Access report as Markdown: one section per action with its verdict and the statements
// (policy name, position, Sid, the statement itself) that decide it. Pure: `l` shows a Message.
import type { ActionExplanation, StatementRef } from '../policy/keyAccessExplanation';
import { text, type Localize, type Message } from '../util/message';

export interface KeyAccessReportInput {
  roleName: string;
  /** What the access is to: a key (by id) or a secret (by name). */
  target: { kind: 'key'; keyId: string } | { kind: 'secret'; secretName: string };
  resource: string;
  /** "name (System)" for each attached policy read. */
  policies: string[];
  /** Attached policies whose document could not be read, with why. */
  unreadable: string[];
  explanations: ActionExplanation[];
  /** Set when asked about an instance: `roleName` is the role attached to it. */
  instance?: { instanceId: string; instanceName?: string };
}

function verdictText(e: ActionExplanation, l: Localize): string {
  switch (e.verdict) {
    case 'allowed': return l(text('allowed'));
    case 'denied': return l(text('denied by an explicit Deny'));
    case 'allowedIf': return l(text('allowed if a condition holds'));
    default: return l(text('not allowed (nothing allows it)'));
  }
}

function statementLine(r: StatementRef, l: Localize): string {
  const where = r.source === 'session'
    ? l(text('session policy, statement {0}', r.position))
    : l(text('policy {0}, statement {1}', r.policy, r.position));
  return `${where}${r.sid ? ` (Sid \`${r.sid}\`)` : ''}: \`${JSON.stringify(r.statement)}\``;
}

const conditionsText = (conditions: Message[], l: Localize) => conditions.map((c) => l(c)).join(` ${l(text('and'))} `);

/** True when some action is not (certainly) allowed: the report then offers Grant KMS Access. */
export function somethingMissing(explanations: readonly ActionExplanation[]): boolean {
  return explanations.some((e) => e.verdict !== 'allowed');
}

export function renderKeyAccessReport(input: KeyAccessReportInput, l: Localize): string {
  const title = input.instance && input.target.kind === 'key'
    ? l(text('Explain Access: instance {0} (role {1}) and key {2}', input.instance.instanceName ? `${input.instance.instanceName} (${input.instance.instanceId})` : input.instance.instanceId, input.roleName, input.target.keyId))
    : input.target.kind === 'key'
      ? l(text('Explain Access: role {0} and key {1}', input.roleName, input.target.keyId))
      : l(text('Explain Access: role {0} and secret {1}', input.roleName, input.target.secretName));
  const lines = [
    `# ${title}`,
    '',
    `- ${l(text('Resource'))}: \`${input.resource}\``,
    `- ${l(text('Policies attached to role {0}', input.roleName))}: ${input.policies.join(', ') || '-'}`,
    ...input.unreadable.map((u) => `- ${l(text('Not evaluated (could not be read): {0}', u))}`),
    // AttachInstanceRamRole takes an optional Policy that narrows the role on that one instance, but no ECS
    // API returns it (DescribeInstanceRamRole lists only InstanceId and RamRoleName): say what this cannot see.
    ...(input.instance ? [`- ${l(text('Not evaluated: a policy given to AttachInstanceRamRole for this instance (the ECS API does not return it). It can only narrow what the role allows.'))}`] : []),
  ];
  for (const e of input.explanations) {
    lines.push('', `## ${e.action}: ${verdictText(e, l)}`, '');
    if (e.verdict === 'allowed') lines.push(...e.allowedBy.map((r) => `- ${l(text('Allowed by'))} ${statementLine(r, l)}`));
    if (e.verdict === 'denied') {
      lines.push(...e.deniedBy.map((r) => `- ${l(text('Blocked by'))} ${statementLine(r, l)}`));
      lines.push(`- ${l(text('An explicit Deny wins over every Allow: remove or narrow that statement.'))}`);
    }
    if (e.verdict === 'allowedIf') {
      lines.push(...e.allowedIf.map((c) => `- ${l(text('Allowed if'))} ${conditionsText(c, l)}`));
      lines.push(...e.unless.map((c) => `- ${l(text('Unless'))} ${conditionsText(c, l)}`));
      lines.push(...e.allowedBy.map((r) => `- ${l(text('Allowed by'))} ${statementLine(r, l)}`));
      lines.push(...e.deniedBy.map((r) => `- ${l(text('May be blocked by'))} ${statementLine(r, l)}`));
    }
    if (e.verdict === 'notAllowed') {
      lines.push(`- ${e.decidedBy === 'session'
        ? l(text('The session policy does not allow it.'))
        : l(text('No statement of the attached policies allows {0} on {1}.', e.action, input.resource))}`);
    }
  }
  if (somethingMissing(input.explanations)) {
    lines.push('', `> ${l(text('Something is missing: Grant KMS Access gives role {0} the KMS actions it needs.', input.roleName))}`);
  }
  return lines.join('\n') + '\n';
}
