import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Typography,
} from 'antd';
import {
  FileExcelOutlined,
  FileTextOutlined,
  FileWordOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import type { ColProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useConsolidation, useGenerateConsolidation, useSaveConsolidation } from './hooks';
import { consolidationFileUrl, type Consolidation, type ConsolidationInput } from './api';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import { blocksToText, placeholdersIn, textToBlocks } from '../../shared/reporting';
import { isApiError } from '../../api/client';
import { FormAlerts } from '../../layout/ConflictAlert';
import { useVersionedSave } from '../../layout/useVersionedSave';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
import { formatDateTime } from '../../lib/format';
import { LIMITS } from '../../shared/limits';
import { maxCharsMessage, maxRule, requiredText } from '../../lib/validation';
import {
  ApprovalActions,
  ApprovalHistory,
  ApprovalNotice,
  ApprovalStatusTag,
  isLocked,
} from './ApprovalPanel';
import { DocumentPublication } from '../portal/DocumentPublication';

interface Values {
  layout: 'party' | 'state';
  parentBody: string;
  issuer: string;
  number: string;
  notation: string;
  place: string;
  date: Dayjs | null;
  title: string;
  signerAuthority: string;
  signerPosition: string;
  signerName: string;
  recipients: string;
  sections: { heading: string; text: string }[];
}

function toValues(c: Consolidation): Values {
  const h = c.heading;
  return {
    layout: h.layout,
    parentBody: h.parentBody ?? '',
    issuer: h.issuer,
    number: h.number ?? '',
    notation: h.notation,
    place: h.place,
    date: toDay(h.date),
    title: h.title,
    signerAuthority: h.signer.authority ?? '',
    signerPosition: h.signer.position,
    signerName: h.signer.name,
    recipients: h.recipients.join('\n'),
    sections: c.sections.map((s) => ({ heading: s.heading, text: blocksToText(s.blocks) })),
  };
}

const orNull = (s: string | undefined) => (s ?? '').trim() || null;

function toInput(v: Values, version: number): ConsolidationInput {
  return {
    version,
    heading: {
      layout: v.layout,
      parentBody: orNull(v.parentBody),
      issuer: v.issuer.trim(),
      number: orNull(v.number),
      notation: v.notation.trim(),
      place: v.place.trim(),
      date: toIso(v.date),
      title: v.title.trim(),
      signer: {
        authority: orNull(v.signerAuthority),
        position: (v.signerPosition ?? '').trim(),
        name: (v.signerName ?? '').trim(),
      },
      recipients: (v.recipients ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim().replace(/^[-–•]\s*/, ''))
        .filter(Boolean),
    },
    sections: (v.sections ?? []).map((s) => ({
      heading: s.heading.trim(),
      blocks: textToBlocks(s.text ?? ''),
    })),
  };
}

/** A section's text within what the server saves: each line (paragraph) and the number of lines. */
function sectionTextCheck(v: string | undefined): Promise<void> {
  const lines = (v ?? '').split(/\r?\n/);
  if (lines.some((l) => l.length > LIMITS.blockText))
    return Promise.reject(new Error(maxCharsMessage(LIMITS.blockText, 'Mỗi đoạn')));
  if (lines.filter((l) => l.trim()).length > LIMITS.sectionBlocks)
    return Promise.reject(
      new Error(
        `Mỗi phần tối đa ${LIMITS.sectionBlocks.toLocaleString('vi-VN')} dòng; hãy tách bớt sang phụ lục`,
      ),
    );
  return Promise.resolve();
}

/** The monitor's reminder: placeholders the draft still holds are left out of the downloaded file. */
function PlaceholderNotice({ sections }: { sections: Values['sections'] | undefined }) {
  const found = placeholdersIn(
    (sections ?? []).map((s) => ({ heading: s.heading, blocks: textToBlocks(s.text ?? '') })),
  );
  if (!found.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="consolidation-placeholders"
      title={`Còn ${found.length} đoạn gợi ý cần cơ quan theo dõi bổ sung`}
      description={
        <>
          Các đoạn trong ngoặc như “{found[0]}” chỉ hiện ở đây để nhắc,{' '}
          <strong>không có trong tệp tải về</strong>. Hãy thay bằng nội dung thực tế.
        </>
      }
    />
  );
}

const QUARTER = { xs: 12, md: 6 };
const THIRD = { xs: 24, md: 8 };

/** One text field of the heading, in its column: at most `max` characters; `required` is its message. */
function HeadingField({
  col,
  name,
  label,
  max,
  required,
  placeholder,
  extra,
}: {
  col: ColProps;
  name: keyof Values;
  label: string;
  max: number;
  required?: string;
  placeholder?: string;
  extra?: string;
}) {
  return (
    <Col {...col}>
      <Form.Item
        name={name}
        label={label}
        rules={required ? requiredText(required, max) : [maxRule(max)]}
        extra={extra}
      >
        <Input maxLength={max} placeholder={placeholder} />
      </Form.Item>
    </Col>
  );
}

function Downloads({ periodId, dirty }: { periodId: string; dirty: boolean }) {
  return (
    <Flex wrap gap={8} align="center">
      <Button
        icon={<FileWordOutlined />}
        href={consolidationFileUrl(periodId, 'docx')}
        download
        data-testid="consolidation-download-docx"
      >
        Tải .docx
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        href={consolidationFileUrl(periodId, 'xlsx')}
        download
        data-testid="consolidation-download-xlsx"
      >
        Tải phụ lục .xlsx
      </Button>
      {dirty && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          Tệp tải về theo bản đã lưu; hãy lưu thay đổi trước.
        </Typography.Text>
      )}
    </Flex>
  );
}

function ConsolidationForm({
  c,
  manage,
  reload,
}: {
  c: Consolidation;
  manage: boolean;
  reload: () => Promise<Consolidation | undefined>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveConsolidation(c.periodId);
  const regenerate = useGenerateConsolidation(c.periodId);
  const [dirty, setDirty] = useState(false);
  const saver = useVersionedSave({
    record: c,
    reload,
    mutation: save,
    form,
    toValues,
    onReloaded: () => setDirty(false),
  });
  const layout = Form.useWatch('layout', form);
  const sections = Form.useWatch('sections', form);
  // Sent for approval or approved: read-only.
  const editable = manage && !isLocked(c);

  // The version is the shown record's: a save puts the new one in the query data.
  const onFinish = (v: Values) =>
    saver.save(toInput(v, c.version), (r) => {
      form.setFieldsValue(toValues(r));
      setDirty(false);
      message.success('Đã lưu báo cáo tổng hợp');
    });

  const doRegenerate = () =>
    // The version shown: regenerating over someone else's newer edit is refused (409), not silent.
    regenerate.mutate(c.version, {
      onSuccess: (r) => {
        form.setFieldsValue(toValues(r));
        setDirty(false);
        saver.clearConflict();
        save.reset();
        message.success('Đã lập lại nội dung từ số liệu và các báo cáo đã duyệt mới nhất');
      },
    });

  return (
    <>
      {/* The actions and any save problem stay in view while the long form scrolls. */}
      <div
        style={{
          position: 'sticky',
          top: 64,
          zIndex: 5,
          background: '#fff',
          padding: '8px 0',
          marginBottom: 8,
        }}
      >
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <ApprovalStatusTag c={c} /> Lập từ số liệu lúc {formatDateTime(c.generatedAt)} · sửa lần cuối{' '}
            {formatDateTime(c.updatedAt)}
          </Typography.Text>
          <Flex wrap gap={8}>
            {editable && (
              <>
                <Popconfirm
                  title="Lập lại nội dung?"
                  description={
                    <div style={{ maxWidth: 340 }}>
                      Các phần nội dung được lập lại từ số liệu và các báo cáo đã duyệt mới nhất;{' '}
                      <strong>những gì đã sửa trong nội dung sẽ bị thay thế</strong>
                      {dirty ? ' (kể cả thay đổi chưa lưu)' : ''}. Phần đầu văn bản được giữ nguyên.
                    </div>
                  }
                  okText="Lập lại"
                  okButtonProps={{ danger: true }}
                  cancelText="Hủy"
                  onConfirm={doRegenerate}
                >
                  <Button
                    icon={<ReloadOutlined />}
                    loading={regenerate.isPending}
                    data-testid="consolidation-regenerate"
                  >
                    Lập lại nội dung
                  </Button>
                </Popconfirm>
                <Button
                  type="primary"
                  htmlType="submit"
                  form="consolidation-form"
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  data-testid="consolidation-save"
                >
                  Lưu
                </Button>
              </>
            )}
            <ApprovalActions c={c} manage={manage} dirty={dirty} />
          </Flex>
        </Flex>
        <FormAlerts conflict={saver.conflict} error={saver.error} errorStyle={{ marginTop: 8 }} />
        {regenerate.isError && <ApiErrorAlert error={regenerate.error} style={{ marginTop: 8 }} />}
      </div>
      <ApprovalNotice c={c} />
      {c.approval.status === 'approved' && (
        <DocumentPublication
          programId={c.programId}
          input={{ kind: 'consolidated', consolidationId: c.id }}
          matches={(d) => d.consolidationId === c.id}
          what="báo cáo tổng hợp"
        />
      )}
      <div style={{ marginBottom: 16 }}>
        <Downloads periodId={c.periodId} dirty={dirty} />
      </div>
      <Form<Values>
        id="consolidation-form"
        form={form}
        layout="vertical"
        initialValues={toValues(c)}
        onFinish={onFinish}
        onValuesChange={() => setDirty(true)}
        scrollToFirstError={{ block: 'center' }}
        disabled={!editable}
        data-testid="consolidation-form"
      >
        <Card size="small" title="Phần đầu văn bản" style={{ marginBottom: 16 }}>
          <Form.Item name="layout" label="Thể thức">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'party', label: 'Văn bản của Đảng' },
                { value: 'state', label: 'Văn bản hành chính (Nghị định 30/2020)' },
              ]}
            />
          </Form.Item>
          <Row gutter={12}>
            <HeadingField
              col={{ xs: 24, md: 12 }}
              name="parentBody"
              label={layout === 'party' ? 'Đảng bộ cấp trên' : 'Cơ quan chủ quản'}
              max={LIMITS.docParentBody}
              placeholder="Để trống nếu không có"
            />
            <HeadingField
              col={{ xs: 24, md: 12 }}
              name="issuer"
              label="Cơ quan ban hành"
              max={LIMITS.docIssuer}
              required="Vui lòng nhập cơ quan ban hành"
              extra="Cơ quan theo dõi, tổng hợp viết báo cáo; chương trình chỉ được trích dẫn trong trích yếu."
            />
            <HeadingField
              col={QUARTER}
              name="number"
              label="Số"
              max={LIMITS.docNumber}
              extra="Lãnh đạo cho số và ngày khi ký duyệt; bản chưa ký duyệt để trống."
            />
            <HeadingField
              col={QUARTER}
              name="notation"
              label="Ký hiệu"
              max={LIMITS.docNotation}
              required="Vui lòng nhập ký hiệu"
              placeholder={layout === 'party' ? 'BC/TU' : 'BC-UBND'}
            />
            <HeadingField
              col={QUARTER}
              name="place"
              label="Địa danh"
              max={LIMITS.docPlace}
              required="Vui lòng nhập địa danh"
            />
            <Col {...QUARTER}>
              <Form.Item name="date" label="Ngày ban hành">
                <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label="Trích yếu"
            rules={requiredText('Vui lòng nhập trích yếu', LIMITS.docTitle)}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={LIMITS.docTitle} />
          </Form.Item>
          <Row gutter={12}>
            <HeadingField
              col={THIRD}
              name="signerAuthority"
              label="Thẩm quyền ký"
              max={LIMITS.signerAuthority}
              placeholder={layout === 'party' ? 'T/M BAN THƯỜNG VỤ' : 'TM. ỦY BAN NHÂN DÂN'}
            />
            <HeadingField
              col={THIRD}
              name="signerPosition"
              label="Chức vụ người ký"
              max={LIMITS.signerPosition}
            />
            <HeadingField col={THIRD} name="signerName" label="Họ tên người ký" max={LIMITS.signerName} />
          </Row>
          <Form.Item
            name="recipients"
            label="Nơi nhận"
            extra={`Mỗi dòng một nơi nhận (tối đa ${LIMITS.recipientsCount}).`}
            rules={[
              {
                validator: (_, v: string | undefined) => {
                  const lines = (v ?? '').split(/\r?\n/).filter((l) => l.trim());
                  if (lines.length > LIMITS.recipientsCount)
                    return Promise.reject(new Error(`Tối đa ${LIMITS.recipientsCount} nơi nhận`));
                  if (lines.some((l) => l.trim().length > LIMITS.recipient))
                    return Promise.reject(new Error(maxCharsMessage(LIMITS.recipient, 'Mỗi nơi nhận')));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Card>
        <Card size="small" title="Nội dung">
          <Alert
            type="info"
            showIcon
            icon={<FileTextOutlined />}
            style={{ marginBottom: 16 }}
            title="Cách soạn nội dung"
            description={
              <>
                Mỗi dòng là một đoạn văn. Dòng bắt đầu bằng <Typography.Text code># </Typography.Text> là đề
                mục nhỏ (ví dụ “# 1. Hạn chế”); dòng bắt đầu bằng <Typography.Text code>- </Typography.Text>{' '}
                là một ý gạch đầu dòng. Dòng trống được bỏ qua.
              </>
            }
          />
          <PlaceholderNotice sections={sections ?? toValues(c).sections} />
          <Form.List name="sections">
            {(fields) =>
              fields.map((f) => (
                <div key={f.key} data-testid="consolidation-section" style={{ marginBottom: 16 }}>
                  <Form.Item
                    name={[f.name, 'heading']}
                    label="Tiêu đề phần"
                    rules={[maxRule(LIMITS.sectionHeading)]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input maxLength={LIMITS.sectionHeading} style={{ fontWeight: 600 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'text']}
                    rules={[{ validator: (_, v: string | undefined) => sectionTextCheck(v) }]}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 4, maxRows: 24 }}
                      aria-label="Nội dung phần"
                      style={{ fontSize: 14, lineHeight: 1.6 }}
                    />
                  </Form.Item>
                </div>
              ))
            }
          </Form.List>
        </Card>
      </Form>
      <ApprovalHistory periodId={c.periodId} />
    </>
  );
}

/**
 * "Báo cáo tổng hợp": the period's consolidated report (sơ kết/tổng kết) drafted from the accepted
 * reports; the monitor edits its heading and narrative, and downloads it as .docx with the annex.
 */
export function ConsolidationTab({ periodId, manage }: { periodId: string; manage: boolean }) {
  const q = useConsolidation(periodId);
  const generate = useGenerateConsolidation(periodId);
  const { message } = App.useApp();

  if (q.isPending) return <PageSpin />;
  if (q.isError && isApiError(q.error, 'CONSOLIDATION_NOT_FOUND'))
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          manage
            ? 'Chưa có dự thảo báo cáo tổng hợp của kỳ này. Dự thảo được lập từ số liệu tiến độ và các báo cáo đã duyệt; có thể lập lại khi có thêm báo cáo.'
            : 'Cơ quan theo dõi chưa lập dự thảo báo cáo tổng hợp của kỳ này.'
        }
      >
        {generate.isError && <ApiErrorAlert error={generate.error} />}
        {manage && (
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            loading={generate.isPending}
            onClick={() =>
              generate.mutate(undefined, {
                onSuccess: () => message.success('Đã lập dự thảo báo cáo tổng hợp'),
              })
            }
            data-testid="consolidation-generate"
          >
            Lập dự thảo từ các báo cáo đã duyệt
          </Button>
        )}
      </Empty>
    );
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  return (
    <ConsolidationForm
      key={`${q.data.id}:${q.data.approval.status}:${q.data.approval.revision}`}
      c={q.data}
      manage={manage}
      reload={async () => (await q.refetch()).data}
    />
  );
}
