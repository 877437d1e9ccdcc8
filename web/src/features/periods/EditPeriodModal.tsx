import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useUpdatePeriod } from './hooks';
import type { PeriodDetail, PeriodPatch } from './api';
import { ScheduleFields, scheduleToValues, valuesToSchedule, type ScheduleValues } from './ScheduleFields';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import { SaveForm } from '../../layout/SaveForm';
import { useVersionedSave, type VersionedFormProps } from '../../layout/useVersionedSave';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { formatIsoDate } from '../../lib/format';
import { LIMITS } from '../../shared/limits';
import { checkRule, requiredText } from '../../lib/validation';

interface Values {
  label: string;
  dueDate: Dayjs | null;
  schedule: ScheduleValues;
}

const toValues = (p: PeriodDetail): Values => ({
  label: p.label,
  dueDate: toDay(p.dueDate),
  schedule: scheduleToValues(p.schedule),
});

function EditForm(props: VersionedFormProps<PeriodDetail, ReturnType<typeof useUpdatePeriod>>) {
  const [form] = Form.useForm<Values>();
  const saver = useVersionedSave({ ...props, form, toValues });
  const { base } = saver;

  const onFinish = (v: Values) => {
    const patch: PeriodPatch = { version: base.version };
    const due = toIso(v.dueDate);
    if (due && due !== base.dueDate) patch.dueDate = due;
    if (v.label.trim() && v.label.trim() !== base.label) patch.label = v.label.trim();
    const schedule = valuesToSchedule(v.schedule);
    const old = valuesToSchedule(scheduleToValues(base.schedule));
    if (JSON.stringify(schedule) !== JSON.stringify(old)) patch.schedule = schedule;
    if (Object.keys(patch).length === 1) return saver.unchanged();
    saver.saveAndClose(patch, 'Đã cập nhật kỳ báo cáo');
  };

  return (
    <SaveForm<Values> id="edit-period-form" onFinish={onFinish} saver={saver}>
      <Form.Item
        name="label"
        label="Tên kỳ báo cáo"
        rules={requiredText('Vui lòng nhập tên kỳ', LIMITS.periodLabel)}
      >
        <Input maxLength={LIMITS.periodLabel} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label="Hạn gửi báo cáo"
        extra={`Số liệu chốt đến ngày ${formatIsoDate(base.cutoffEnd)}. Đổi hạn gửi thì các lời nhắc theo hạn cũ được bỏ qua và lập lại theo hạn mới.`}
        rules={[
          { required: true, message: 'Vui lòng chọn hạn gửi' },
          checkRule(
            (v: Dayjs | null) => !v || toIso(v)! >= base.cutoffEnd,
            'Hạn gửi không được trước ngày chốt số liệu',
          ),
        ]}
      >
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <ScheduleFields />
    </SaveForm>
  );
}

/** Edits a period's name, sending deadline and reminder schedule (PATCH with its version). */
export function EditPeriodModal({
  period,
  open,
  reload,
  onClose,
}: {
  period: PeriodDetail;
  open: boolean;
  reload: () => Promise<PeriodDetail | undefined>;
  onClose: () => void;
}) {
  const update = useUpdatePeriod(period.id);
  const modal = saveModalProps(update, onClose);
  return (
    <SaveModal title="Sửa hạn gửi, lịch nhắc" open={open} formId="edit-period-form" {...modal}>
      <EditForm key={period.id} record={period} mutation={update} reload={reload} onClose={modal.onClose} />
    </SaveModal>
  );
}
