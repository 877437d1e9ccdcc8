import { useMemo } from 'react';
import {
  Alert,
  App,
  type AlertProps,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useOpenPeriod } from './hooks';
import {
  PERIOD_KINDS,
  type OpenPeriodInput,
  type PeriodKind,
  type PeriodListItem,
  type ReportingRules,
  type ReviewKind,
} from './api';
import { REVIEW_KIND_LABELS, periodKindLabel, scheduleText } from './labels';
import { ScheduleFields, scheduleToValues, valuesToSchedule, type ScheduleValues } from './ScheduleFields';
import { DATE_FORMAT, toIso } from '../tasks/formValues';
import { DateRangeItem } from '../tasks/DeadlineFields';
import { listCalendar, periodWindow, type PeriodWindow } from '../../shared/reporting';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { formatIsoDate } from '../../lib/format';
import dayjs from '../../lib/dayjs';
import { LIMITS } from '../../shared/limits';
import { checkRule, requiredText } from '../../lib/validation';

interface OpenValues {
  kind: PeriodKind;
  year: number | null;
  index?: number;
  label?: string;
  cutoff?: [Dayjs | null, Dayjs | null] | null;
  dueDate?: Dayjs | null;
  reviewKind: ReviewKind;
  schedule: ScheduleValues;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Kinds with several periods a year need an index (month, quarter, half). */
function indexOptions(kind: PeriodKind, rules: ReportingRules): { value: number; label: string }[] {
  const count = rules.periods[kind]?.count ?? 1;
  if (kind === 'adhoc' || count <= 1) return [];
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const label =
      kind === 'monthly'
        ? `Tháng ${n}`
        : kind === 'quarterly'
          ? `Quý ${ROMAN[i] ?? n}`
          : kind === 'half-yearly'
            ? n === 1
              ? '6 tháng đầu năm'
              : '6 tháng cuối năm'
            : `Kỳ ${n}`;
    return { value: n, label };
  });
}

/** The period whose cut-off window has not ended yet today (the one being reported on). */
function currentIndex(rules: ReportingRules, kind: PeriodKind, year: number): number {
  const count = rules.periods[kind]?.count ?? 1;
  const today = dayjs().format('YYYY-MM-DD');
  const calendar = listCalendar(rules.holidays, rules.workDays);
  for (let i = 1; i <= count; i++)
    if (periodWindow(rules, kind, year, i, calendar).cutoffEnd >= today) return i;
  return count;
}

function safeWindow(rules: ReportingRules, kind: PeriodKind, year: number | null, index: number | undefined) {
  if (kind === 'adhoc' || !year) return null;
  try {
    // The server's working-day calendar, as served: days off and Saturdays worked of the years around today.
    return periodWindow(rules, kind, year, index ?? 1, listCalendar(rules.holidays, rules.workDays));
  } catch {
    return null;
  }
}

function Preview({
  rules,
  values,
  win,
}: {
  rules: ReportingRules;
  values: Partial<OpenValues>;
  win: PeriodWindow | null;
}) {
  const adhoc = values.kind === 'adhoc';
  const [s, e] = values.cutoff ?? [null, null];
  const label = adhoc ? values.label?.trim() || '(chưa đặt tên)' : win?.label;
  const start = adhoc ? toIso(s) : win?.cutoffStart;
  const end = adhoc ? toIso(e) : win?.cutoffEnd;
  const due = toIso(values.dueDate) ?? (adhoc ? null : win?.sendingDeadline);
  if (!label || (!adhoc && !win)) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="open-period-preview"
      title={`Kỳ báo cáo: ${label}`}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'window',
              label: 'Thời gian chốt số liệu',
              children: start && end ? `${formatIsoDate(start)} – ${formatIsoDate(end)}` : 'Chưa chọn',
            },
            {
              key: 'due',
              label: 'Hạn gửi báo cáo',
              children: due ? (
                <>
                  {formatIsoDate(due)}
                  {!adhoc && !values.dueDate && (
                    <> ({rules.sendingDeadlineWorkingDays} ngày làm việc sau ngày chốt số liệu)</>
                  )}
                </>
              ) : (
                'Chưa chọn'
              ),
            },
            {
              key: 'schedule',
              label: 'Lịch nhắc',
              children: values.schedule ? scheduleText(valuesToSchedule(values.schedule)) : '—',
            },
          ]}
        />
      }
    />
  );
}

/** Why the period could not be opened: what to do for the two refusals a monitor can fix, else the error. */
function OpenError({ error, existing }: { error: unknown; existing: PeriodListItem | undefined }) {
  const known: Pick<AlertProps, 'type' | 'title' | 'description'> | null = isApiError(error, 'PERIOD_EXISTS')
    ? {
        type: 'warning',
        title: 'Kỳ báo cáo này đã được mở',
        description: existing ? (
          <>
            Chương trình đã có kỳ <Link to={`/ky-bao-cao/${existing.id}`}>{existing.label}</Link>. Chọn kỳ
            khác, hoặc mở kỳ đã có để theo dõi.
          </>
        ) : (
          'Chọn kỳ khác (tháng, quý, năm), hoặc mở kỳ đã có trong danh sách để theo dõi.'
        ),
      }
    : isApiError(error, 'PROGRAM_NOT_IMPLEMENTING')
      ? {
          type: 'error',
          title: 'Chương trình chưa được triển khai',
          description:
            'Kỳ báo cáo chỉ mở được khi chương trình đang triển khai. Hãy hoàn tất phân công (cơ quan chủ trì, thời hạn cho mọi nhiệm vụ) rồi bấm “Triển khai” ở đầu trang chương trình.',
        }
      : null;
  if (!known) return <ApiErrorAlert error={error} />;
  return <Alert showIcon style={{ marginBottom: 16 }} role="alert" {...known} />;
}

/** "Mở kỳ báo cáo": kind, year and index (or dates for an ad hoc period), review kind and reminders. */
export function OpenPeriodModal({
  programId,
  rules,
  periods,
  open,
  onClose,
}: {
  programId: string;
  rules: ReportingRules;
  periods: PeriodListItem[];
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<OpenValues>();
  const mutation = useOpenPeriod(programId);
  const values = (Form.useWatch([], form) ?? {}) as Partial<OpenValues>;
  const kind = values.kind ?? 'quarterly';
  const adhoc = kind === 'adhoc';
  const idxOptions = indexOptions(kind, rules);
  const win = safeWindow(rules, kind, values.year ?? null, values.index);
  const existing = periods.find(
    (p) =>
      !adhoc &&
      p.kind === kind &&
      p.year === values.year &&
      p.index === (idxOptions.length ? values.index : 1),
  );

  const initial = useMemo<OpenValues>(() => {
    const year = dayjs().year();
    return {
      kind: 'quarterly',
      year,
      index: currentIndex(rules, 'quarterly', year),
      reviewKind: 'so_ket',
      dueDate: null,
      schedule: scheduleToValues(rules.reminders),
    };
  }, [rules]);

  const modal = saveModalProps(mutation, onClose);

  const onValuesChange = (changed: Partial<OpenValues>, all: OpenValues) => {
    mutation.reset();
    if (changed.kind || changed.year !== undefined) {
      const k = all.kind;
      if (changed.kind) form.setFieldValue('reviewKind', k === 'yearly' ? 'tong_ket' : 'so_ket');
      if (indexOptions(k, rules).length && all.year)
        form.setFieldValue('index', changed.kind ? currentIndex(rules, k, all.year) : (all.index ?? 1));
    }
  };

  const onFinish = (v: OpenValues) => {
    const input: OpenPeriodInput = {
      kind: v.kind,
      year: v.year ?? dayjs().year(),
      reviewKind: v.reviewKind,
      schedule: valuesToSchedule(v.schedule),
    };
    if (v.kind === 'adhoc') {
      const [s, e] = v.cutoff ?? [null, null];
      input.label = v.label?.trim();
      input.cutoffStart = toIso(s) ?? undefined;
      input.cutoffEnd = toIso(e) ?? undefined;
      input.year = e ? e.year() : input.year;
      input.dueDate = toIso(v.dueDate) ?? undefined;
    } else {
      if (indexOptions(v.kind, rules).length) input.index = v.index ?? 1;
      if (v.dueDate) input.dueDate = toIso(v.dueDate)!;
    }
    mutation.mutate(input, {
      onSuccess: (r) => {
        message.success(
          r.obligations
            ? `Đã mở kỳ báo cáo; ${r.obligations} đơn vị phải báo cáo`
            : 'Đã mở kỳ báo cáo (chưa có đơn vị nào chủ trì, phối hợp nhiệm vụ còn thực hiện)',
        );
        modal.onClose();
        navigate(`/ky-bao-cao/${r.id}`);
      },
    });
  };

  const cutoffEnd = adhoc ? (values.cutoff?.[1] ?? null) : win ? dayjs(win.cutoffEnd) : null;
  const dueNotBeforeCutoff = checkRule(
    (v: Dayjs | null) => !v || !cutoffEnd || !v.isBefore(cutoffEnd, 'day'),
    'Hạn gửi không được trước ngày chốt số liệu',
  );

  return (
    <SaveModal
      title="Mở kỳ báo cáo"
      open={open}
      formId="open-period-form"
      okText="Mở kỳ báo cáo"
      okTestId="open-period-submit"
      width={680}
      {...modal}
    >
      <Form<OpenValues>
        id="open-period-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        data-testid="open-period-form"
      >
        {mutation.isError && <OpenError error={mutation.error} existing={existing} />}
        <Row gutter={12}>
          <Col xs={24} sm={adhoc ? 24 : 10}>
            <Form.Item name="kind" label="Loại kỳ" rules={[{ required: true }]}>
              <Select
                options={PERIOD_KINDS.map((k) => ({ value: k, label: periodKindLabel(k, rules) }))}
                data-testid="open-period-kind"
              />
            </Form.Item>
          </Col>
          {!adhoc && (
            <Col xs={12} sm={6}>
              <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Vui lòng nhập năm' }]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {!adhoc && idxOptions.length > 0 && (
            <Col xs={12} sm={8}>
              <Form.Item
                name="index"
                label={kind === 'monthly' ? 'Tháng' : kind === 'quarterly' ? 'Quý' : 'Kỳ'}
                rules={[{ required: true, message: 'Vui lòng chọn kỳ' }]}
              >
                <Select options={idxOptions} data-testid="open-period-index" />
              </Form.Item>
            </Col>
          )}
        </Row>
        {adhoc && (
          <>
            <Form.Item
              name="label"
              label="Tên kỳ báo cáo"
              rules={requiredText('Vui lòng nhập tên kỳ báo cáo', LIMITS.periodLabel)}
            >
              <Input maxLength={LIMITS.periodLabel} placeholder="Ví dụ: Báo cáo chuyên đề cải cách tư pháp" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={14}>
                <DateRangeItem name="cutoff" label="Thời gian chốt số liệu" required />
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item
                  name="dueDate"
                  label="Hạn gửi báo cáo"
                  dependencies={['cutoff']}
                  rules={[{ required: true, message: 'Vui lòng chọn hạn gửi' }, dueNotBeforeCutoff]}
                >
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {!adhoc && (
          <Form.Item
            name="dueDate"
            label="Hạn gửi khác (không bắt buộc)"
            extra={
              win
                ? `Để trống: theo quy định, ${formatIsoDate(win.sendingDeadline)} (${rules.sendingDeadlineWorkingDays} ngày làm việc sau ngày chốt số liệu).`
                : undefined
            }
            rules={[dueNotBeforeCutoff]}
          >
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="reviewKind" label="Loại báo cáo tổng hợp">
          <Radio.Group
            optionType="button"
            options={(Object.keys(REVIEW_KIND_LABELS) as ReviewKind[]).map((k) => ({
              value: k,
              label: REVIEW_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        {existing && !mutation.isError && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              <>
                Kỳ <Link to={`/ky-bao-cao/${existing.id}`}>{existing.label}</Link> đã được mở cho chương trình
                này.
              </>
            }
          />
        )}
        <Preview rules={rules} values={{ ...values, kind }} win={win} />
        <Divider style={{ margin: '8px 0 16px' }} />
        <ScheduleFields />
      </Form>
    </SaveModal>
  );
}
