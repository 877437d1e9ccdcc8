import { Checkbox, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import type { ReminderSchedule } from './api';

/** The schedule as the form holds it: days before as tag strings (any number may be typed). */
export interface ScheduleValues {
  before: string[];
  onDay: boolean;
  everyDaysLate: number | null;
  escalateAfterDaysLate: number | null;
}

export function scheduleToValues(s: ReminderSchedule): ScheduleValues {
  return {
    before: [...s.before].sort((a, b) => b - a).map(String),
    onDay: s.onDay,
    everyDaysLate: s.everyDaysLate,
    escalateAfterDaysLate: s.escalateAfterDaysLate,
  };
}

export function valuesToSchedule(v: ScheduleValues): ReminderSchedule {
  const before = [...new Set((v.before ?? []).map((x) => Number(x)))].sort((a, b) => b - a);
  return {
    before,
    onDay: !!v.onDay,
    everyDaysLate: v.everyDaysLate ?? 0,
    escalateAfterDaysLate: v.escalateAfterDaysLate ?? 0,
  };
}

const BEFORE_OPTIONS = [14, 10, 7, 5, 3, 2, 1].map((d) => ({ value: String(d), label: `${d} ngày` }));

/** The reminder schedule of a period, under `schedule` in the surrounding form. */
export function ScheduleFields() {
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        Lịch nhắc, đôn đốc
      </Typography.Text>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item
            name={['schedule', 'before']}
            label="Nhắc trước hạn gửi"
            extra="Số ngày trước hạn, chọn hoặc gõ số rồi nhấn Enter (tối đa 5 mốc)."
            rules={[
              {
                validator: (_, v: string[] | undefined) => {
                  const list = v ?? [];
                  if (list.length > 5) return Promise.reject(new Error('Tối đa 5 mốc nhắc trước hạn'));
                  if (list.some((x) => !/^\d+$/.test(x) || Number(x) < 1 || Number(x) > 90))
                    return Promise.reject(new Error('Mỗi mốc là số ngày từ 1 đến 90'));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Select
              mode="tags"
              options={BEFORE_OPTIONS}
              tokenSeparators={[',', ' ', ';']}
              placeholder="Không nhắc trước hạn"
              aria-label="Số ngày nhắc trước hạn gửi"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name={['schedule', 'onDay']} valuePropName="checked" label=" " colon={false}>
            <Checkbox>Nhắc đúng ngày hạn gửi</Checkbox>
          </Form.Item>
        </Col>
        <DaysField
          name="everyDaysLate"
          label="Quá hạn: nhắc lại mỗi"
          extra="0: không nhắc lại khi quá hạn."
          max={60}
        />
        <DaysField
          name="escalateAfterDaysLate"
          label="Đôn đốc lãnh đạo đơn vị sau"
          extra="Số ngày quá hạn; 0: không đôn đốc."
          max={365}
        />
      </Row>
    </>
  );
}

/** A number of days of the schedule after the due date, 0 (never) to `max`. */
function DaysField({
  name,
  label,
  extra,
  max,
}: {
  name: 'everyDaysLate' | 'escalateAfterDaysLate';
  label: string;
  extra: string;
  max: number;
}) {
  return (
    <Col xs={24} sm={12}>
      <Form.Item name={['schedule', name]} label={label} extra={extra}>
        <InputNumber min={0} max={max} precision={0} suffix="ngày" style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}
