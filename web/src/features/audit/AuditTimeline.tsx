import { Flex, Timeline, Typography } from 'antd';
import { actionInfo, actorDisplay, entityTypeLabel } from './labels';
import { ChangeList } from './ChangeList';
import { formatDateTime } from '../../lib/format';
import type { AuditEvent } from '../../api/types';
import { InfoTag } from '../../layout/InfoTag';

const DOT: Record<string, string> = { red: 'red', green: 'green', orange: 'orange', warning: 'orange' };

/** Audit events as a timeline: time, action, actor, optionally the entity, and what changed. */
export function AuditTimeline({
  events,
  unitName,
  renderEntity,
}: {
  events: AuditEvent[];
  unitName: (id: string) => string | undefined;
  /** When given, each event also names the record it is about (for the log of all records). */
  renderEntity?: (e: AuditEvent) => React.ReactNode;
}) {
  return (
    <Timeline
      items={events.map((e) => {
        const info = actionInfo(e.action);
        return {
          key: e.seq,
          color: DOT[info.color] ?? 'blue',
          content: (
            <Flex vertical gap={4}>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
                <InfoTag info={info} title={e.action} />
                <Typography.Text type="secondary">bởi {actorDisplay(e.actorLabel)}</Typography.Text>
              </Flex>
              {renderEntity && (
                <div>
                  <Typography.Text type="secondary">{entityTypeLabel(e.entityType)}: </Typography.Text>
                  {renderEntity(e)}
                </div>
              )}
              <ChangeList event={e} unitName={unitName} />
            </Flex>
          ),
        };
      })}
    />
  );
}
