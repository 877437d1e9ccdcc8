import { App, Flex, Skeleton, Switch, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { useNotificationPreferences, useSavePreference } from '../notifications/hooks';
import { NOTIFICATION_KIND_LABELS } from '../../shared/notifications';

/** One switch per notification kind: e-mail on or off. The bell gets every notification regardless. */
export function EmailPreferences() {
  const q = useNotificationPreferences();
  const save = useSavePreference();
  const { message } = App.useApp();
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        Mọi thông báo đều hiện ở chuông thông báo. Chọn loại nào được gửi thêm qua thư điện tử (cần có địa chỉ
        thư điện tử trong tài khoản).
      </Typography.Paragraph>
      {q.data.items.map((p) => {
        const l = NOTIFICATION_KIND_LABELS[p.kind];
        const saving = save.isPending && save.variables?.kind === p.kind;
        return (
          <Flex
            key={p.kind}
            justify="space-between"
            align="center"
            gap={12}
            style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <div>
              <Typography.Text id={`tb-${p.kind}`}>{l.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                Gửi đến: {l.to}
              </Typography.Text>
            </div>
            <Switch
              checked={p.email}
              loading={saving}
              aria-labelledby={`tb-${p.kind}`}
              data-testid={`email-pref-${p.kind}`}
              checkedChildren="Gửi thư"
              unCheckedChildren="Không gửi"
              onChange={(email) =>
                save.mutate(
                  { kind: p.kind, email },
                  {
                    onSuccess: () =>
                      message.success(`${email ? 'Đã bật' : 'Đã tắt'} thư điện tử: ${l.label.toLowerCase()}`),
                    onError: (e) => message.error(errorMessage(e)),
                  },
                )
              }
            />
          </Flex>
        );
      })}
    </>
  );
}
