import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { FormItemProps } from 'antd';
import { RECURRENCES, RECURRENCE_LABELS } from '../../shared/assignment';
import { DATE_FORMAT, periodLabel, type DeadlineKind, type DeadlineValues } from './formValues';
import { LIMITS } from '../../shared/limits';
import { checkRule, maxRule } from '../../lib/validation';

const KIND_OPTIONS: { value: DeadlineKind; label: string }[] = [
  { value: 'none', label: 'Chưa có' },
  { value: 'date', label: 'Ngày' },
  { value: 'period', label: 'Giai đoạn' },
  { value: 'recurrence', label: 'Định kỳ' },
];

const RECURRENCE_OPTIONS = RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }));

/** A two-date field (from – to) that needs both dates. */
export function DateRangeItem({
  name,
  label,
  required,
}: {
  name: FormItemProps['name'];
  label: string;
  required?: boolean;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      required={required}
      rules={[
        checkRule(
          (v: [unknown, unknown] | null | undefined) => !!(v && v[0] && v[1]),
          'Vui lòng chọn ngày bắt đầu và ngày kết thúc',
        ),
      ]}
    >
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        placeholder={['Từ ngày', 'Đến ngày']}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/**
 * A deadline inside a form, under `name` (default `deadline`): one date, a period (a name and two
 * dates) or a recurrence with its first due date.
 */
export function DeadlineFields({ name = 'deadline', label = 'Thời hạn' }: { name?: string; label?: string }) {
  const kind = Form.useWatch<DeadlineKind | undefined>([name, 'kind']);
  const range = Form.useWatch<DeadlineValues['range']>([name, 'range']);
  const [start, end] = range ?? [null, null];
  return (
    <>
      <Form.Item
        label={label}
        name={[name, 'kind']}
        style={{ marginBottom: kind && kind !== 'none' ? 8 : 24 }}
      >
        <Radio.Group optionType="button" options={KIND_OPTIONS} aria-label={label} />
      </Form.Item>
      {kind === 'date' && (
        <Form.Item
          name={[name, 'date']}
          label="Ngày hoàn thành"
          rules={[{ required: true, message: 'Vui lòng chọn ngày hoàn thành' }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
        </Form.Item>
      )}
      {kind === 'period' && (
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <DateRangeItem name={[name, 'range']} label="Từ ngày – đến ngày" />
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name={[name, 'label']} label="Tên giai đoạn" rules={[maxRule(LIMITS.deadlineLabel)]}>
              <Input
                maxLength={LIMITS.deadlineLabel}
                placeholder={start && end ? periodLabel(start, end) : 'Ví dụ: Quý II/2027'}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {kind === 'recurrence' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name={[name, 'recurrence']}
              label="Chu kỳ"
              rules={[{ required: true, message: 'Vui lòng chọn chu kỳ' }]}
            >
              <Select options={RECURRENCE_OPTIONS} placeholder="Chọn chu kỳ" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={[name, 'firstDue']}
              label="Hạn lần đầu"
              rules={[{ required: true, message: 'Vui lòng chọn hạn lần đầu' }]}
            >
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
