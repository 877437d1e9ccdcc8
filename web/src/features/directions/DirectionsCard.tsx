import { useState } from 'react';
import { Button, Card } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { DirectionTarget } from './api';
import { useDirections } from './hooks';
import { DirectionsTable } from './DirectionsTable';
import { DirectionFormModal } from './DirectionFormModal';
import { useMe } from '../auth/hooks';
import { can } from '../../shared/permissions';

/**
 * "Ý kiến chỉ đạo" of one task, report, obstacle, unit or program: the directions written on it with
 * each unit's follow-up, and for leaders the button to write one. Hidden when there are none and the
 * user may not write one.
 */
export function DirectionsCard({
  targetType,
  targetId,
  targetLabel,
  style,
}: {
  targetType: DirectionTarget;
  targetId: string | undefined;
  targetLabel?: string;
  style?: React.CSSProperties;
}) {
  const me = useMe();
  const leader = can(me, 'direction.write');
  const q = useDirections({ targetType, targetId }, !!targetId);
  const [writing, setWriting] = useState(false);
  const items = q.data?.items ?? [];
  if (!targetId || (!leader && !items.length)) return null;
  return (
    <Card
      title="Ý kiến chỉ đạo"
      size="small"
      style={{ marginTop: 16, ...style }}
      data-testid="directions-card"
      extra={
        leader && (
          <Button
            type="primary"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setWriting(true)}
            data-testid="direction-write"
          >
            Viết ý kiến chỉ đạo
          </Button>
        )
      }
    >
      <DirectionsTable items={items} query={q} showTarget={false} empty="Chưa có ý kiến chỉ đạo" />
      {writing && (
        <DirectionFormModal
          targetType={targetType}
          targetId={targetId}
          targetLabel={targetLabel}
          onClose={() => setWriting(false)}
        />
      )}
    </Card>
  );
}
