import { Descriptions, Tag, Tooltip, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Mention, MentionList, type MentionLike } from './Mentions';
import { timeLabel } from './labels';
import type { UnitLookup } from '../units/useUnitNames';
import type { TimeExpression } from '../../shared/importer';
import { useIsPhone } from '../../lib/useMediaQuery';
import { formatIsoDate } from '../../lib/format';
import { deadlineFromTime, dueDate } from '../../shared/assignment';

export interface TaskFactsData {
  lead: MentionLike | null;
  leads: MentionLike[];
  cooperating: MentionLike[];
  deadline: Pick<TimeExpression, 'kind' | 'value' | 'relation' | 'text'> | null;
  products: string[];
}

export interface ResponsibilityFactsData {
  bodies: MentionLike[];
  lead: MentionLike | null;
  cooperating: MentionLike[];
  duties: string;
}

/**
 * A deadline read from the document: the last day it allows (or the recurrence, in words), with the
 * words the document wrote beside it: "30/06/2026 — văn bản ghi: Quý II/2026".
 */
export function Deadline({ time }: { time: TaskFactsData['deadline'] }) {
  if (!time) return <>—</>;
  const computed = time.kind === 'date' || time.kind === 'recurrence' ? null : deadlineFromTime(time, null);
  const main = computed ? formatIsoDate(dueDate(computed)) : timeLabel(time);
  const written = time.text.replace(/\s+/g, ' ').trim();
  return (
    <span className="deadline">
      <span className="nowrap">{main}</span>
      {written && written !== main && (
        <Typography.Text type="secondary"> — văn bản ghi: {written}</Typography.Text>
      )}
    </span>
  );
}

function LeadValue({ data, units }: { data: TaskFactsData; units: UnitLookup }) {
  if (data.leads.length > 1)
    return (
      <>
        <MentionList mentions={data.leads} units={units} />
        <Tooltip title="Văn bản nêu nhiều cơ quan chủ trì; cần xác định lại khi giao nhiệm vụ.">
          <Tag color="warning">Nhiều cơ quan chủ trì</Tag>
        </Tooltip>
      </>
    );
  if (data.lead) return <Mention mention={data.lead} units={units} />;
  return <Typography.Text type="secondary">Chưa xác định</Typography.Text>;
}

/** Facts one under another: label beside the value (above it on a phone). */
export function FactList({
  items,
  labelWidth = 150,
  className,
}: {
  items: DescriptionsProps['items'];
  labelWidth?: number;
  className?: string;
}) {
  const phone = useIsPhone();
  return (
    <Descriptions
      column={1}
      size="small"
      layout={phone ? 'vertical' : 'horizontal'}
      styles={{ label: { width: phone ? undefined : labelWidth } }}
      items={items}
      className={className}
    />
  );
}

/** What the parser extracted from a task: lead, cooperating bodies, deadline, products. */
export function TaskFacts({ data, units }: { data: TaskFactsData; units: UnitLookup }) {
  return (
    <FactList
      className="node-facts"
      items={[
        { key: 'lead', label: 'Cơ quan chủ trì', children: <LeadValue data={data} units={units} /> },
        {
          key: 'coop',
          label: 'Cơ quan phối hợp',
          children: <MentionList mentions={data.cooperating} units={units} />,
        },
        { key: 'deadline', label: 'Thời hạn', children: <Deadline time={data.deadline} /> },
        {
          key: 'products',
          label: 'Sản phẩm',
          children: data.products.length ? (
            <ul className="mention-list">
              {data.products.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}

/** A paragraph of "Tổ chức thực hiện": the bodies named and their duties. */
export function ResponsibilityFacts({ data, units }: { data: ResponsibilityFactsData; units: UnitLookup }) {
  return (
    <FactList
      className="node-facts"
      items={[
        { key: 'bodies', label: 'Cơ quan', children: <MentionList mentions={data.bodies} units={units} /> },
        {
          key: 'lead',
          label: 'Chủ trì',
          children: data.lead ? <Mention mention={data.lead} units={units} /> : '—',
        },
        {
          key: 'coop',
          label: 'Phối hợp',
          children: <MentionList mentions={data.cooperating} units={units} />,
        },
        {
          key: 'duties',
          label: 'Nhiệm vụ được giao',
          children: (
            <Typography.Paragraph ellipsis={{ rows: 4, expandable: 'collapsible' }} style={{ margin: 0 }}>
              {data.duties || '—'}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}
