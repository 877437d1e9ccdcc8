/** Records (or edits) a visit: subject, day, place, participants, documents examined, minutes, files. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import {
  createVisit,
  updateVisit,
  uploadInspectionFile,
  type AttachedFile,
  type InspectionPlan,
  type InspectionVisit,
} from './api';
import { useInspectionMutation, useSubjectDocuments } from './hooks';

interface Values {
  subjectId: string;
  heldOn: Dayjs | null;
  place: string;
  participants: string;
  documents: string[];
  minutes: string;
}

const FORM_ID = 'inspection-visit-form';
const docKey = (d: { kind: string; ref: string }) => `${d.kind}:${d.ref}`;

export function VisitModal({
  plan,
  visit,
  onClose,
}: {
  plan: InspectionPlan;
  visit?: InspectionVisit;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const subjectId = Form.useWatch('subjectId', form) ?? visit?.subjectId;
  const docs = useSubjectDocuments(subjectId);
  const [files, setFiles] = useState<AttachedFile[]>(visit?.attachments ?? []);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const save = useInspectionMutation(async (v: Values) => {
    const options = docs.data?.items ?? visit?.documents ?? [];
    const body = {
      heldOn: toIso(v.heldOn)!,
      place: v.place ?? '',
      participants: v.participants ?? '',
      documents: (v.documents ?? []).flatMap((k) => options.filter((d) => docKey(d) === k)),
      minutes: v.minutes ?? '',
      attachments: files.map((f) => ({ sha256: f.sha256, name: f.name })),
    };
    return visit
      ? updateVisit(visit.id, { ...body, version: visit.version })
      : createVisit(plan.id, { ...body, subjectId: v.subjectId });
  });
  const modal = saveModalProps(save, onClose);
  return (
    <SaveModal
      title={visit ? 'Sửa đợt làm việc' : 'Ghi đợt làm việc'}
      open
      formId={FORM_ID}
      okTestId="visit-save"
      width={760}
      {...modal}
    >
      <ApiErrorAlert error={save.error ?? uploadError} />
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        initialValues={{
          subjectId: visit?.subjectId ?? plan.subjects[0]?.id,
          heldOn: toDay(visit?.heldOn),
          place: visit?.place ?? '',
          participants: visit?.participants ?? '',
          documents: (visit?.documents ?? []).map(docKey),
          minutes: visit?.minutes ?? '',
        }}
        onFinish={(v) => save.mutate(v, { onSuccess: () => modal.onClose() })}
      >
        <Form.Item name="subjectId" label="Đơn vị" rules={[{ required: true }]}>
          <Select
            disabled={!!visit}
            data-testid="visit-subject"
            options={plan.subjects.map((s) => ({
              value: s.id,
              label: s.taskLabel ? `${s.unitName} — nhiệm vụ ${s.taskLabel}` : s.unitName,
            }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label="Ngày làm việc" rules={[{ required: true, message: 'Hãy chọn ngày' }]}>
          <DatePicker format={DATE_FORMAT} data-testid="visit-date" />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm">
          <Input />
        </Form.Item>
        <Form.Item name="participants" label="Thành phần tham dự">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="documents" label="Tài liệu đã xem xét">
          <Select
            mode="multiple"
            loading={docs.isFetching}
            optionFilterProp="label"
            data-testid="visit-documents"
            options={(docs.data?.items ?? visit?.documents ?? []).map((d) => ({
              value: docKey(d),
              label: d.label,
            }))}
          />
        </Form.Item>
        <Form.Item name="minutes" label="Biên bản làm việc">
          <Input.TextArea rows={6} data-testid="visit-minutes" />
        </Form.Item>
        <Form.Item label="Tệp kèm biên bản">
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              setUploadError(null);
              uploadInspectionFile(plan.id, file as File).then(
                (f) => {
                  setFiles((l) => [...l.filter((x) => x.sha256 !== f.sha256), f]);
                  onSuccess?.(f);
                },
                (e: unknown) => {
                  setUploadError(e);
                  onError?.(e as Error);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="visit-upload">
              Tải tệp lên
            </Button>
          </Upload>
          <List
            size="small"
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <a key="x" onClick={() => setFiles((l) => l.filter((x) => x.sha256 !== f.sha256))}>
                    Bỏ
                  </a>,
                ]}
              >
                {f.name}
              </List.Item>
            )}
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
