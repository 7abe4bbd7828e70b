// Cloud data in tree tooltips is Markdown TEXT: an instance, role or secret named like a link to a
// command, or like emphasis, shows as typed and never becomes a clickable command link (the tooltips
// are MarkdownStrings rendered by the workbench).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsInstance } from '../../src/cloud/types';
import { ErrorNode } from '../../src/views/common/messageNodes';
import { InstanceNode } from '../../src/views/instances/instanceNode';
import { RoleNode, type RoleTreeContext } from '../../src/views/roles/roleNode';

const LINK = '[x](command:alicloudKms.deleteRole)';
const BOLD = '**bold**';

function tooltipOf(node: { getTreeItem(): vscode.TreeItem }): string {
  const tooltip = node.getTreeItem().tooltip;
  assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
  assert.ok(!tooltip.isTrusted, 'never trusted: command links stay inert even if one slipped through');
  return tooltip.value;
}

/** The raw Markdown holds the data only escaped: no link syntax, no emphasis markers of the data's own. */
function assertInert(markdown: string): void {
  assert.ok(!markdown.includes('](command:'), `a command link in: ${markdown}`);
  assert.ok(!markdown.includes(LINK), `the link unescaped in: ${markdown}`);
  assert.ok(!markdown.includes(BOLD), `emphasis unescaped in: ${markdown}`);
  assert.ok(markdown.includes('\\[x\\]\\(command\\:alicloudKms\\.deleteRole\\)'), `the name as text in: ${markdown}`);
}

describe('tooltips: cloud data is escaped Markdown text', () => {
  it('an instance named like a command link or emphasis', () => {
    const instance: EcsInstance = {
      instanceId: 'i-bp1markdown000001', instanceName: `${LINK} ${BOLD}`, regionId: 'cn-hangzhou', status: 'Running',
      networkType: 'vpc', vpcId: BOLD, instanceType: LINK, securityGroupIds: [], tags: {}, ramRoleName: LINK,
    };
    assertInert(tooltipOf(new InstanceNode(undefined, instance)));
  });

  it('a role whose description and ARN carry Markdown', () => {
    const role = { roleName: 'AppRole', arn: `acs:ram::1:role/${LINK}`, description: `${LINK} ${BOLD} $(zap)`, roleId: '1' };
    const markdown = tooltipOf(new RoleNode({} as RoleTreeContext, role, undefined));
    const arn = `\`acs:ram::1:role/${LINK}\``;
    assert.ok(markdown.includes(arn), `the ARN in a code span (literal) in: ${markdown}`);
    assert.ok(!markdown.split(arn).join('').includes('](command:'), `a command link outside the code span in: ${markdown}`);
    assert.ok(!markdown.includes(BOLD), markdown);
    assert.ok(!markdown.includes(' $(zap)'), `a theme icon from the description in: ${markdown}`);
  });

  it('an error detail from the service', () => {
    assertInert(tooltipOf(new ErrorNode(undefined, 'Forbidden', `${LINK} ${BOLD}`)));
  });
});
