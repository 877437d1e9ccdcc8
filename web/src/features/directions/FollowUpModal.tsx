import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App } from 'antd';
import type { Direction, DirectionUnit } from './api';
import { useFollowUp } from './hooks';
import { isApiError } from '../../api/client';
import { conflictText } from '../../layout/ConflictAlert';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { LIMITS } from '../../shared/limits';
import { requiredText } from '../../lib/validation';

export type FollowUpMode = 'answer' | 'close' | 'return';

const TITLES: Record<FollowUpMode, string> = {
  answer: 'Trả lời ý kiến chỉ đạo',
  close: 'Kết thúc theo dõi ý kiến chỉ đạo',
  return: 'Trả lại: chưa đạt',
};

const OK: Record<FollowUpMode, string> = { answer: 'Gửi trả lời', close: 'Kết thúc', return: 'Trả lại' };

interface Values {
  answer?: string;
  links?: { label: string; url: string }[];
  comment?: string;
}

/** One unit's step on a direction: its answer (with products, links), or the close or the return. */
export function FollowUpModal({
  mode,
  direction,
  row,
  onClose,
}: {
  mode: FollowUpMode;
  direction: Direction;
  row: DirectionUnit;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useFollowUp();
  const onFinish = (v: Values) => {
    const version = row.version;
    const s =
      mode === 'answer'
        ? {
            step: mode,
            id: row.id,
            body: {
              version,
              answer: (v.answer ?? '').trim(),
              links: (v.links ?? [])
                .filter((l) => l?.label?.trim())
                .map((l) => ({ label: l.label.trim(), url: (l.url ?? '').trim() })),
            },
          }
        : mode === 'close'
          ? { step: mode, id: row.id, body: { version, comment: v.comment?.trim() || undefined } }
          : { step: mode, id: row.id, body: { version, comment: (v.comment ?? '').trim() } };
    save.mutate(s as Parameters<typeof save.mutate>[0], {
      onSuccess: () => {
        message.success(
          mode === 'answer'
            ? 'Đã gửi trả lời'
            : mode === 'close'
              ? 'Đã kết thúc theo dõi'
              : 'Đã trả lại đơn vị',
        );
        onClose();
      },
      onError: (e) => {
        if (isApiError(e, 'VERSION_CONFLICT')) {
          message.warning(conflictText(e));
          onClose();
        }
      },
    });
  };
  return (
    <Modal
      open
      title={TITLES[mode]}
      okText={OK[mode]}
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{
        htmlType: 'submit',
        form: 'direction-follow-up-form',
        'data-testid': `direction-${mode}-ok`,
      }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        <strong>{direction.leaderName}:</strong> {direction.text}
        <br />
        Đơn vị: {row.unitName}
      </Typography.Paragraph>
      {row.answer && mode !== 'answer' && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          <strong>Trả lời:</strong> {row.answer}
        </Typography.Paragraph>
      )}
      {save.isError && !isApiError(save.error, 'VERSION_CONFLICT') && <ApiErrorAlert error={save.error} />}
      <Form<Values>
        id="direction-follow-up-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ answer: row.answer ?? '', links: row.answerLinks }}
      >
        {mode === 'answer' ? (
          <>
            <Form.Item
              name="answer"
              label="Kết quả thực hiện, trả lời"
              rules={requiredText('Vui lòng nhập nội dung trả lời', LIMITS.directionAnswer)}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 12 }}
                maxLength={LIMITS.directionAnswer}
                data-testid="direction-answer-text"
              />
            </Form.Item>
            <Form.List name="links">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[f.name, 'label']}
                        rules={[{ required: true, message: 'Nhập tên sản phẩm, văn bản' }]}
                      >
                        <Input
                          placeholder="Sản phẩm, văn bản (số, ký hiệu)"
                          maxLength={LIMITS.directionLinkLabel}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'url']}
                        rules={[
                          {
                            pattern: /^$|^https?:\/\/\S+$/i,
                            message: 'Địa chỉ bắt đầu bằng http:// hoặc https://',
                          },
                        ]}
                      >
                        <Input placeholder="Đường dẫn (không bắt buộc)" maxLength={LIMITS.directionLinkUrl} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="Bỏ" />
                    </Space>
                  ))}
                  {fields.length < LIMITS.directionLinks && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ label: '', url: '' })}>
                      Thêm sản phẩm, đường dẫn
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </>
        ) : (
          <Form.Item
            name="comment"
            label={mode === 'return' ? 'Ý kiến: chưa đạt ở điểm nào' : 'Ý kiến (không bắt buộc)'}
            rules={
              mode === 'return'
                ? requiredText('Vui lòng nhập ý kiến khi trả lại', LIMITS.directionComment)
                : [{ max: LIMITS.directionComment }]
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={LIMITS.directionComment}
              data-testid="direction-comment"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
