import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEditImportHeading, useImport } from './hooks';
import type { HeadingBody, ImportDraft } from './api';
import { DATE_FORMAT, toIso } from '../tasks/formValues';
import dayjs from '../../lib/dayjs';
import { emptyToNull } from '../../lib/format';
import { SaveForm } from '../../layout/SaveForm';
import { QuerySaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { useVersionedSave, type VersionedFormProps } from '../../layout/useVersionedSave';

const TEXT_FIELDS = [
  'docKind',
  'title',
  'number',
  'place',
  'issuer',
  'parentIssuer',
  'onBehalf',
  'position',
  'name',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Values = Partial<Record<TextField, string | null>> & { date?: Dayjs | null };

const toValues = (d: ImportDraft): Values => {
  const p = d.doc.program;
  const s = d.doc.signer;
  return {
    docKind: p.docKind,
    title: p.title,
    number: p.number,
    date: p.date ? dayjs(p.date) : null,
    place: p.place,
    issuer: p.issuer,
    parentIssuer: p.parentIssuer,
    onBehalf: s?.onBehalf ?? null,
    position: s?.position ?? null,
    name: s?.name ?? null,
  };
};

function toBody(version: number, v: Values): HeadingBody {
  const t = Object.fromEntries(TEXT_FIELDS.map((k) => [k, emptyToNull(v[k])])) as Record<
    TextField,
    string | null
  >;
  return {
    version,
    docKind: t.docKind,
    title: t.title,
    number: t.number,
    date: v.date ? toIso(v.date) : null,
    place: t.place,
    issuer: t.issuer,
    parentIssuer: t.parentIssuer,
    signer: { onBehalf: t.onBehalf, position: t.position, name: t.name },
  };
}

const FORM_ID = 'import-heading-form';

function HeadingForm(props: VersionedFormProps<ImportDraft, ReturnType<typeof useEditImportHeading>>) {
  const [form] = Form.useForm<Values>();
  const saver = useVersionedSave({ ...props, form, toValues });
  const onFinish = (v: Values) => {
    const body = toBody(saver.base.version, v);
    const { version: _v, ...was } = toBody(saver.base.version, toValues(saver.base));
    const { version: _w, ...now } = body;
    if (JSON.stringify(was) === JSON.stringify(now)) return saver.unchanged();
    saver.saveAndClose(body, 'Đã sửa phần đầu văn bản');
  };
  const text = (name: TextField, label: string, max: number, span = 12) => (
    <Col xs={24} sm={span}>
      <Form.Item label={label} name={name} rules={[{ max, message: `Tối đa ${max} ký tự` }]}>
        <Input data-testid={`heading-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <SaveForm<Values> id={FORM_ID} onFinish={onFinish} saver={saver}>
      <Form.Item
        label="Trích yếu (tên văn bản)"
        name="title"
        rules={[{ max: 1000, message: 'Tối đa 1000 ký tự' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="heading-title" />
      </Form.Item>
      <Row gutter={12}>
        {text('docKind', 'Loại văn bản', 200)}
        {text('number', 'Số, ký hiệu', 100)}
        <Col xs={24} sm={12}>
          <Form.Item label="Ngày ban hành" name="date">
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {text('place', 'Địa danh', 200)}
        {text('issuer', 'Cơ quan ban hành', 300)}
        {text('parentIssuer', 'Cơ quan cấp trên', 300)}
        {text('onBehalf', 'Thẩm quyền ký (TM., KT., …)', 100, 8)}
        {text('position', 'Chức vụ người ký', 200, 8)}
        {text('name', 'Họ tên người ký', 200, 8)}
      </Row>
    </SaveForm>
  );
}

/** Corrects what the importer read from the heading and the signature of an open draft. */
export function HeadingModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const draft = useImport(open ? id : undefined);
  const save = useEditImportHeading(id);
  const modal = saveModalProps(save, onClose);
  return (
    <QuerySaveModal
      title="Sửa phần đầu văn bản"
      open={open}
      formId={FORM_ID}
      okTestId="heading-save"
      query={draft}
      width={720}
      {...modal}
    >
      {(d, reload) => (
        <HeadingForm key={d.id} record={d} mutation={save} reload={reload} onClose={modal.onClose} />
      )}
    </QuerySaveModal>
  );
}
