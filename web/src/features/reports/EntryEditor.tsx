import { memo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
  Upload,
} from 'antd';
import type { UploadProps } from 'antd';
import { DeleteOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { evidenceUrl, uploadEvidence, type EvidenceRules, type StatusRules } from './api';
import { EVIDENCE_VISIBILITY_HELP, EvidenceVisibilityControl } from '../portal/EvidenceVisibility';
import { acceptList, fileSize, sizeLimit, typeNames } from './labels';
import { ENTRY_TEXT_MAX, type EntryText, type Problem } from './problems';
import { CountedTextArea } from '../../layout/CountedTextArea';
import type { ReportEntry, ReportProduct } from '../../shared/report';
import dayjs from '../../lib/dayjs';
import { errorMessage } from '../../api/client';
import { LIMITS } from '../../shared/limits';

const DATE_FORMAT = 'DD/MM/YYYY';
const NEW_PRODUCT: ReportProduct = { description: '', number: null, date: null, link: null };

export type EntryUpdate = (nodeId: string, fn: (e: ReportEntry) => ReportEntry) => void;

function isoOf(d: dayjs.Dayjs | null): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

function dayOf(iso: string | null): dayjs.Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

const afterToday = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** The two notes side by side at the end of an entry. */
const ENTRY_NOTES: { field: EntryText; label: string }[] = [
  { field: 'obstacles', label: 'Khó khăn, vướng mắc' },
  { field: 'proposals', label: 'Kiến nghị, đề xuất' },
];

/** Field-level error props for a Form.Item from the problems of this entry. */
function fieldError(problems: Problem[], field: Problem['field']) {
  const p = problems.filter((x) => x.field === field);
  return p.length ? { validateStatus: 'error' as const, help: p.map((x) => x.message).join('; ') } : {};
}

function ProductsField({
  nodeId,
  products,
  problems,
  set,
}: {
  nodeId: string;
  products: ReportProduct[];
  problems: Problem[];
  set: (products: ReportProduct[]) => void;
}) {
  const patch = (i: number, p: Partial<ReportProduct>) =>
    set(products.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <Form.Item label="Sản phẩm" style={{ marginBottom: 16 }}>
      {products.length === 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          Chưa có sản phẩm (văn bản ban hành, báo cáo, đề án…).
        </Typography.Text>
      )}
      {products.map((p, i) => {
        const missing = problems.some((x) => x.field === 'products' && x.index === i);
        return (
          <div key={i} className="report-product" data-testid="entry-product">
            <Row gutter={8}>
              <Col xs={24} md={24}>
                <Form.Item
                  label={`Sản phẩm ${i + 1}: mô tả`}
                  htmlFor={`${nodeId}-product-${i}`}
                  required
                  style={{ marginBottom: 8 }}
                  {...(missing ? { validateStatus: 'error' as const, help: 'Vui lòng mô tả sản phẩm' } : {})}
                >
                  <Flex gap={8}>
                    <Input
                      id={`${nodeId}-product-${i}`}
                      value={p.description}
                      maxLength={LIMITS.reportProductDescription}
                      placeholder="Ví dụ: Kế hoạch tập huấn nghiệp vụ năm 2026"
                      onChange={(e) => patch(i, { description: e.target.value })}
                      data-testid="entry-product-description"
                    />
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa sản phẩm ${i + 1}`}
                      onClick={() => set(products.filter((_, j) => j !== i))}
                    />
                  </Flex>
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="Số hiệu văn bản" style={{ marginBottom: 8 }}>
                  <Input
                    value={p.number ?? ''}
                    maxLength={LIMITS.reportProductNumber}
                    placeholder="45/KH-STP"
                    onChange={(e) => patch(i, { number: e.target.value || null })}
                    data-testid="entry-product-number"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="Ngày" style={{ marginBottom: 8 }}>
                  <DatePicker
                    value={dayOf(p.date)}
                    format={DATE_FORMAT}
                    placeholder="dd/mm/yyyy"
                    style={{ width: '100%' }}
                    onChange={(d) => patch(i, { date: isoOf(d) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label="Đường dẫn"
                  style={{ marginBottom: 8 }}
                  {...(p.link && !/^https?:\/\/\S+$/i.test(p.link)
                    ? { validateStatus: 'error', help: 'Chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://' }
                    : {})}
                >
                  <Input
                    value={p.link ?? ''}
                    maxLength={LIMITS.reportProductLink}
                    type="url"
                    placeholder="https://…"
                    onChange={(e) => patch(i, { link: e.target.value || null })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </div>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() => set([...products, { ...NEW_PRODUCT }])}
        data-testid="entry-add-product"
      >
        Thêm sản phẩm
      </Button>
    </Form.Item>
  );
}

function EvidenceField({
  reportId,
  nodeId,
  entry,
  rules,
  update,
}: {
  reportId: string;
  nodeId: string;
  entry: ReportEntry;
  rules: EvidenceRules;
  update: EntryUpdate;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const accept = acceptList(rules.types);
  const exts = accept.split(',');

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const ext = `.${file.name.toLowerCase().split('.').pop() ?? ''}`;
    if (!exts.includes(ext)) {
      message.error(`${file.name}: chỉ nhận tệp ${typeNames(rules.types)}`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > rules.maxBytes) {
      message.error(`${file.name}: tệp vượt quá ${sizeLimit(rules.maxBytes)}`);
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      message.error(`${file.name}: tệp rỗng`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = (opts) => {
    const file = opts.file as File;
    setUploading((n) => n + 1);
    uploadEvidence(reportId, file, file.name)
      .then((ref) => {
        const duplicate = entry.evidence.some((f) => f.sha256 === ref.sha256);
        update(nodeId, (e) =>
          e.evidence.some((f) => f.sha256 === ref.sha256) ? e : { ...e, evidence: [...e.evidence, ref] },
        );
        opts.onSuccess?.(ref);
        if (duplicate) message.info(`${file.name}: tệp này đã được đính kèm`);
        else message.success(`Đã tải lên ${ref.filename}`);
      })
      .catch((err: unknown) => {
        opts.onError?.(err instanceof Error ? err : new Error(errorMessage(err)));
        message.error(`${file.name}: ${errorMessage(err)}`);
      })
      .finally(() => setUploading((n) => n - 1));
  };

  return (
    <Form.Item
      label="Tệp minh chứng"
      extra={`Nhận tệp ${typeNames(rules.types)}, tối đa ${sizeLimit(rules.maxBytes)} mỗi tệp. Tệp được lưu khi lưu nháp. ${EVIDENCE_VISIBILITY_HELP}`}
      style={{ marginBottom: 16 }}
    >
      {entry.evidence.length > 0 && (
        <ul
          className="report-lines"
          data-testid="entry-evidence-list"
          style={{ marginBottom: 8, paddingLeft: 0, listStyle: 'none' }}
        >
          {entry.evidence.map((f) => (
            <li key={f.sha256}>
              <Flex gap={8} align="center" wrap>
                <PaperClipOutlined />
                <a href={evidenceUrl(f)} download={f.filename} data-testid="entry-evidence-file">
                  {f.filename}
                </a>
                <Typography.Text type="secondary">({fileSize(f.size)})</Typography.Text>
                <EvidenceVisibilityControl sha256={f.sha256} filename={f.filename} />
                <Button
                  type="link"
                  danger
                  size="small"
                  onClick={() =>
                    update(nodeId, (e) => ({
                      ...e,
                      evidence: e.evidence.filter((x) => x.sha256 !== f.sha256),
                    }))
                  }
                  aria-label={`Bỏ tệp ${f.filename}`}
                >
                  Bỏ
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Upload
        accept={accept}
        multiple
        showUploadList={false}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        data-testid="entry-upload"
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0}>
          {uploading > 0 ? 'Đang tải lên…' : 'Đính kèm tệp'}
        </Button>
      </Upload>
    </Form.Item>
  );
}

/** The unit's part of one task: status from the official grid, percent, results, products, files… */
export const EntryEditor = memo(function EntryEditor({
  reportId,
  nodeId,
  entry,
  statuses,
  evidence,
  problems,
  update,
}: {
  reportId: string;
  nodeId: string;
  entry: ReportEntry;
  statuses: StatusRules;
  evidence: EvidenceRules;
  problems: Problem[];
  update: EntryUpdate;
}) {
  const set = (p: Partial<ReportEntry>) => update(nodeId, (e) => ({ ...e, ...p }));
  /** The text area of one of the entry's free-text fields (its label's `htmlFor` is `${nodeId}-${field}`). */
  const textArea = (field: EntryText, minRows: number, maxRows: number, placeholder?: string) => (
    <CountedTextArea
      id={`${nodeId}-${field}`}
      value={entry[field]}
      max={ENTRY_TEXT_MAX[field]}
      autoSize={{ minRows, maxRows }}
      placeholder={placeholder}
      onChange={(e) => set({ [field]: e.target.value })}
      data-testid={`entry-${field}`}
    />
  );
  const rule = entry.status ? statuses[entry.status] : undefined;
  const done = entry.status === 'done';
  const defaultPercent = rule?.defaultPercent;
  const loose = problems.filter((p) => !p.field);

  return (
    <Form layout="vertical" component={false}>
      {loose.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={loose.map((p) => p.message).join('; ')}
          data-testid="entry-problems"
        />
      )}
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item label="Trạng thái" htmlFor={`${nodeId}-status`} {...fieldError(problems, 'status')}>
            <Select
              id={`${nodeId}-status`}
              value={entry.status ?? undefined}
              placeholder="Chọn trạng thái"
              allowClear
              options={Object.entries(statuses).map(([value, s]) => ({ value, label: s.label }))}
              onChange={(s?: string) =>
                update(nodeId, (e) => ({
                  ...e,
                  status: s ?? null,
                  percent: s === 'done' ? 100 : e.status === 'done' ? null : e.percent,
                  completedOn: s === 'done' ? e.completedOn : null,
                }))
              }
              data-testid="entry-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item
            label="Tỷ lệ hoàn thành"
            htmlFor={`${nodeId}-percent`}
            extra={
              done
                ? 'Đã hoàn thành: 100 %.'
                : entry.percent === null && defaultPercent !== null && defaultPercent !== undefined
                  ? `Để trống: tính ${defaultPercent} % theo trạng thái.`
                  : undefined
            }
            {...fieldError(problems, 'percent')}
          >
            <InputNumber
              id={`${nodeId}-percent`}
              min={0}
              max={100}
              precision={0}
              value={done ? 100 : entry.percent}
              disabled={done}
              placeholder={
                defaultPercent !== null && defaultPercent !== undefined
                  ? `Mặc định ${defaultPercent}`
                  : '0–100'
              }
              suffix="%"
              style={{ width: '100%' }}
              onChange={(v) => set({ percent: typeof v === 'number' ? Math.round(v) : null })}
              data-testid="entry-percent"
            />
          </Form.Item>
        </Col>
      </Row>
      {rule?.needsReason && (
        <Form.Item
          label="Lý do"
          htmlFor={`${nodeId}-reason`}
          required
          extra={
            problems.some((p) => p.field === 'reason')
              ? undefined
              : `Trạng thái “${rule.label}” cần nêu lý do.`
          }
          {...fieldError(problems, 'reason')}
        >
          {textArea('reason', 2, 6)}
        </Form.Item>
      )}
      <Form.Item
        label="Kết quả đạt được"
        htmlFor={`${nodeId}-results`}
        required={done}
        {...fieldError(problems, 'results')}
      >
        {textArea('results', 3, 12, 'Việc đã làm, số liệu, kết quả cụ thể trong kỳ')}
      </Form.Item>
      {done && (
        <Form.Item
          label="Ngày hoàn thành"
          htmlFor={`${nodeId}-completed`}
          extra="Để trống: lấy ngày nộp báo cáo."
          {...fieldError(problems, 'completedOn')}
        >
          <DatePicker
            id={`${nodeId}-completed`}
            value={dayOf(entry.completedOn)}
            format={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            disabledDate={afterToday}
            onChange={(d) => set({ completedOn: isoOf(d) })}
            data-testid="entry-completed-on"
          />
        </Form.Item>
      )}
      <ProductsField
        nodeId={nodeId}
        products={entry.products}
        problems={problems}
        set={(products) => set({ products })}
      />
      <EvidenceField reportId={reportId} nodeId={nodeId} entry={entry} rules={evidence} update={update} />
      <Row gutter={12}>
        {ENTRY_NOTES.map(({ field, label }) => (
          <Col key={field} xs={24} md={12}>
            <Form.Item
              label={label}
              htmlFor={`${nodeId}-${field}`}
              style={{ marginBottom: 8 }}
              {...fieldError(problems, field)}
            >
              {textArea(field, 2, 8)}
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
});
