import { Alert, Button, Empty, Flex, Tag, Typography } from 'antd';
import { ApartmentOutlined, EyeOutlined } from '@ant-design/icons';
import { BodyMapSelect } from './BodyMapSelect';
import { warningLabel } from '../document/labels';
import type { Warning } from '../../shared/importer';

const COLORS: Record<string, string> = {
  BODY_UNMATCHED: 'red',
  BODY_VARIANT: 'orange',
  BODY_FORMER: 'purple',
  TWO_LEADS: 'orange',
  UNBULLETED_ITEM: 'gold',
  UNPARSED_LINE: 'volcano',
  LINE_JOINED: 'default',
};

/**
 * The parser's warnings; "Xem" points at the place in the text, unmatched bodies can be mapped here
 * one by one, or all created at once as the proposed units ("Tạo các đơn vị đề xuất").
 */
export function DraftWarnings({
  warnings,
  bodyText,
  onShow,
  onMap,
  editable,
  proposedCount = 0,
  onCreateProposed,
}: {
  warnings: Warning[];
  /** The body a BODY_UNMATCHED warning is about, as it is written. */
  bodyText: (w: Warning) => string;
  onShow: (w: Warning) => void;
  onMap: (text: string, unitCode: string) => void;
  editable: boolean;
  /** How many units the draft proposes. */
  proposedCount?: number;
  /** Opens the proposed units (monitors and admins, open drafts). */
  onCreateProposed?: () => void;
}) {
  if (warnings.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có cảnh báo nào" />;
  return (
    <>
      {editable && onCreateProposed && proposedCount > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${proposedCount} cơ quan chưa có trong danh mục được đề xuất thêm thành đơn vị mới`}
          action={
            <Button size="small" type="primary" icon={<ApartmentOutlined />} onClick={onCreateProposed}>
              Tạo các đơn vị đề xuất
            </Button>
          }
        />
      )}
      <WarningList
        warnings={warnings}
        bodyText={bodyText}
        onShow={onShow}
        onMap={onMap}
        editable={editable}
      />
    </>
  );
}

function WarningList({
  warnings,
  bodyText,
  onShow,
  onMap,
  editable,
}: {
  warnings: Warning[];
  bodyText: (w: Warning) => string;
  onShow: (w: Warning) => void;
  onMap: (text: string, unitCode: string) => void;
  editable: boolean;
}) {
  return (
    <ol className="draft-warnings" aria-label="Cảnh báo">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.span[0]}-${i}`}>
          <Flex justify="space-between" align="start" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Tag color={COLORS[w.code] ?? 'default'}>{warningLabel(w.code)}</Tag>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>{w.message}</Typography.Text>
            </div>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => onShow(w)}
              aria-label={`Xem cảnh báo ${i + 1} trong văn bản`}
            >
              Xem
            </Button>
          </Flex>
          {w.code === 'BODY_UNMATCHED' && editable && (
            <div style={{ marginTop: 6 }}>
              <BodyMapSelect text={bodyText(w)} onMap={(code) => onMap(bodyText(w), code)} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
