/**
 * The approval of the consolidated report: its status tag and notice, the monitor's "Trình duyệt" and
 * "Tạo bản sửa đổi", the leader's "Ký duyệt" (number, date) and "Trả lại" (comment), and the history
 * of the versions sent, returned and approved.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Tag, Tooltip } from 'antd';
import { CheckOutlined, CopyOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useConsolidationStep, useConsolidationVersions } from './hooks';
import type { Consolidation, ConsolidationStatus, ConsolidationVersion } from './api';
import { useMe } from '../auth/hooks';
import { can } from '../../shared/permissions';
import { LIMITS } from '../../shared/limits';
import { DATE_FORMAT, toIso } from '../tasks/formValues';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { RequiredTextArea } from '../../layout/RequiredTextArea';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { ListTable, dateColumn } from '../../layout/ListTable';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { requiredText } from '../../lib/validation';

export const APPROVAL_STATUS: Record<ConsolidationStatus, { label: string; color: string }> = {
  draft: { label: 'Dự thảo', color: 'default' },
  sent: { label: 'Chờ duyệt', color: 'gold' },
  returned: { label: 'Bị trả lại', color: 'orange' },
  approved: { label: 'Đã ký duyệt', color: 'green' },
};

const STEP_LABELS: Record<ConsolidationVersion['step'], string> = {
  sent: 'Trình duyệt',
  returned: 'Trả lại',
  approved: 'Ký duyệt',
};

/** The heading and sections may change only in a draft or a returned report. */
export const isLocked = (c: Consolidation) =>
  c.approval.status === 'sent' || c.approval.status === 'approved';

export function ApprovalStatusTag({ c }: { c: Consolidation }) {
  const s = APPROVAL_STATUS[c.approval.status];
  return (
    <span data-testid="consolidation-status">
      <Tag color={s.color}>{s.label}</Tag>
      {c.approval.revision > 1 && <Tag>Bản sửa đổi lần {c.approval.revision - 1}</Tag>}
    </span>
  );
}

/** What the status means for who reads it. */
export function ApprovalNotice({ c }: { c: Consolidation }) {
  const a = c.approval;
  const at = formatDateTime(a.statusAt);
  if (a.status === 'sent')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`Đã trình lãnh đạo duyệt lúc ${at}; trong khi chờ duyệt, báo cáo không sửa được.`}
      />
    );
  if (a.status === 'returned')
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="consolidation-returned"
        title={`Lãnh đạo đã trả lại lúc ${at}. Sửa theo ý kiến rồi trình lại.`}
        description={a.comment}
      />
    );
  if (a.status === 'approved')
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        title={`Đã ký duyệt lúc ${at} (số ${c.heading.number ?? ''}, ngày ${formatIsoDate(c.heading.date)}). Báo cáo chỉ được xem; muốn sửa, hãy tạo bản sửa đổi.`}
      />
    );
  return null;
}

interface ApproveValues {
  number: string;
  date: Dayjs | null;
}

/** The leader's modal: "Ký duyệt" with the number and date, or "Trả lại" with a comment. */
function LeaderModal({
  c,
  mode,
  onClose,
}: {
  c: Consolidation;
  mode: 'approve' | 'return' | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const step = useConsolidationStep(c.periodId);
  const modal = saveModalProps(step, onClose);
  const done = (text: string) => () => {
    message.success(text);
    modal.onClose();
  };
  return (
    <SaveModal
      title={mode === 'approve' ? 'Ký duyệt báo cáo tổng hợp' : 'Trả lại báo cáo tổng hợp'}
      open={mode !== null}
      formId="consolidation-leader-form"
      okText={mode === 'approve' ? 'Ký duyệt' : 'Trả lại'}
      okTestId="consolidation-leader-ok"
      {...modal}
    >
      {step.isError && <ApiErrorAlert error={step.error} style={{ marginBottom: 12 }} />}
      {mode === 'approve' ? (
        <Form<ApproveValues>
          id="consolidation-leader-form"
          name="consolidation-approve"
          layout="vertical"
          initialValues={{ number: '', date: null }}
          onFinish={(v) =>
            step.mutate(
              {
                step: 'approve',
                body: { version: c.version, number: v.number.trim(), date: toIso(v.date)! },
              },
              { onSuccess: done('Đã ký duyệt báo cáo tổng hợp') },
            )
          }
        >
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="number"
                label="Số văn bản"
                rules={requiredText('Vui lòng nhập số văn bản', LIMITS.docNumber)}
                extra={`Ký hiệu: ${c.heading.notation}`}
              >
                <Input maxLength={LIMITS.docNumber} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="date"
                label="Ngày ban hành"
                rules={[{ required: true, message: 'Vui lòng chọn ngày ban hành' }]}
              >
                <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : (
        <Form<{ comment: string }>
          id="consolidation-leader-form"
          name="consolidation-return"
          layout="vertical"
          onFinish={(v) =>
            step.mutate(
              { step: 'return', body: { version: c.version, comment: v.comment.trim() } },
              { onSuccess: done('Đã trả lại báo cáo tổng hợp') },
            )
          }
        >
          <RequiredTextArea
            name="comment"
            label="Ý kiến của lãnh đạo"
            message="Vui lòng nhập ý kiến khi trả lại"
            max={LIMITS.reviewComment}
          />
        </Form>
      )}
    </SaveModal>
  );
}

/** The buttons of the approval for who may take them; `dirty`: the monitor has unsaved changes. */
export function ApprovalActions({ c, manage, dirty }: { c: Consolidation; manage: boolean; dirty: boolean }) {
  const { message } = App.useApp();
  const me = useMe();
  const step = useConsolidationStep(c.periodId);
  const [leaderMode, setLeaderMode] = useState<'approve' | 'return' | null>(null);
  const status = c.approval.status;
  const leader = can(me, 'consolidation.approve');
  return (
    <>
      {manage && (status === 'draft' || status === 'returned') && (
        <Popconfirm
          title="Trình lãnh đạo duyệt?"
          description="Bản đã lưu được trình; trong khi chờ duyệt, báo cáo không sửa được."
          okText="Trình duyệt"
          cancelText="Hủy"
          disabled={dirty}
          onConfirm={() =>
            step.mutate(
              { step: 'send', body: { version: c.version } },
              { onSuccess: () => message.success('Đã trình lãnh đạo duyệt') },
            )
          }
        >
          <Tooltip title={dirty ? 'Hãy lưu thay đổi trước khi trình duyệt' : undefined}>
            <Button
              icon={<SendOutlined />}
              disabled={dirty}
              loading={step.isPending}
              data-testid="consolidation-send"
            >
              Trình duyệt
            </Button>
          </Tooltip>
        </Popconfirm>
      )}
      {manage && status === 'approved' && (
        <Popconfirm
          title="Tạo bản sửa đổi?"
          description="Một dự thảo mới được tạo từ bản đã ký duyệt; bản đã ký duyệt vẫn được lưu."
          okText="Tạo bản sửa đổi"
          cancelText="Hủy"
          onConfirm={() =>
            step.mutate(
              { step: 'revision', body: { version: c.version } },
              { onSuccess: () => message.success('Đã tạo bản sửa đổi') },
            )
          }
        >
          <Button icon={<CopyOutlined />} loading={step.isPending} data-testid="consolidation-revise">
            Tạo bản sửa đổi
          </Button>
        </Popconfirm>
      )}
      {leader && status === 'sent' && (
        <>
          <Button
            icon={<RollbackOutlined />}
            onClick={() => setLeaderMode('return')}
            data-testid="consolidation-return"
          >
            Trả lại
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setLeaderMode('approve')}
            data-testid="consolidation-approve"
          >
            Ký duyệt
          </Button>
          <LeaderModal
            key={leaderMode ?? 'none'}
            c={c}
            mode={leaderMode}
            onClose={() => setLeaderMode(null)}
          />
        </>
      )}
      {step.isError && <ApiErrorAlert error={step.error} style={{ width: '100%' }} />}
    </>
  );
}

/** The versions sent, returned and approved, the latest first. */
export function ApprovalHistory({ periodId }: { periodId: string }) {
  const q = useConsolidationVersions(periodId);
  return (
    <Card size="small" title="Lịch sử trình duyệt" style={{ marginTop: 16 }}>
      <ListTable<ConsolidationVersion>
        rowKey="id"
        rows={q.data?.items ?? []}
        query={q}
        loading={q.isPending}
        pageSize={false}
        empty="Chưa trình duyệt lần nào"
        data-testid="consolidation-versions"
        columns={[
          { title: 'Lần', dataIndex: 'seq', width: 60 },
          {
            title: 'Bước',
            dataIndex: 'step',
            render: (s: ConsolidationVersion['step'], v) => (
              <>
                {STEP_LABELS[s]}
                {v.revision > 1 ? ` (bản sửa đổi lần ${v.revision - 1})` : ''}
              </>
            ),
          },
          dateColumn<ConsolidationVersion>('Thời gian', 'at', 'moment'),
          { title: 'Người thực hiện', dataIndex: 'byName', render: (n: string | null) => n ?? '—' },
          {
            title: 'Số, ngày / ý kiến',
            key: 'note',
            render: (_: unknown, v) =>
              v.step === 'approved'
                ? `Số ${v.heading.number ?? ''}, ngày ${formatIsoDate(v.heading.date)}`
                : (v.comment ?? ''),
          },
        ]}
      />
    </Card>
  );
}
