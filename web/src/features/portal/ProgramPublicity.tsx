import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { GlobalOutlined, LinkOutlined } from '@ant-design/icons';
import type { Program } from '../programs/api';
import { useMe } from '../auth/hooks';
import { can } from '../../shared/permissions';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { portalProgramUrl } from './api';
import { useSetProgramPublicity } from './hooks';

/** What publishing shows, and what it never shows: said before the monitor confirms. */
function WhatBecomesPublic() {
  return (
    <Flex vertical gap={6} style={{ maxWidth: 380 }}>
      <span>
        <strong>Được công khai:</strong> văn bản chương trình, các nhiệm vụ với cơ quan chủ trì, phối hợp,
        thời hạn, sản phẩm; tiến độ <em>chỉ từ các báo cáo đã được chấp nhận</em>; các tệp minh chứng đơn vị
        chọn công khai; báo cáo tổng hợp và kiểm điểm khi được công bố.
      </span>
      <span>
        <strong>Không bao giờ công khai:</strong> khó khăn, vướng mắc; bản báo cáo bị trả lại; nhận xét của
        cán bộ theo dõi; bản nháp; tên, thư điện tử, số điện thoại của cán bộ.
      </span>
      <span>Mỗi lần công khai hoặc thôi công khai được ghi vào sổ công khai, ai cũng kiểm chứng được.</span>
    </Flex>
  );
}

/** "Công khai trên cổng thông tin": for monitors and admins (`portal.publish`); others see the state. */
export function ProgramPublicity({ program }: { program: Program }) {
  const me = useMe();
  const { message } = App.useApp();
  const set = useSetProgramPublicity(program.id);
  const mayPublish = can(me, 'portal.publish');
  const isPublic = !!program.publicSince;
  if (!mayPublish && !isPublic) return null;
  const change = (value: boolean) =>
    set.mutate(
      { public: value, version: program.version },
      {
        onSuccess: (r) =>
          message.success(
            r.public
              ? `Đã công khai chương trình trên cổng thông tin (${r.leaves} mục ghi vào sổ công khai)`
              : 'Đã thôi công khai chương trình',
          ),
      },
    );
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="program-publicity">
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <GlobalOutlined aria-hidden />
          <Typography.Text strong>Cổng công khai</Typography.Text>
          {isPublic ? (
            <Tag color="blue" data-testid="program-public-since">
              Đang công khai từ {formatDateTime(program.publicSince!)}
            </Tag>
          ) : (
            <Tag data-testid="program-not-public">Chưa công khai</Tag>
          )}
          {isPublic && (
            <a
              href={portalProgramUrl(program.id)}
              target="_blank"
              rel="noopener"
              data-testid="program-portal-link"
            >
              <LinkOutlined /> Xem trên cổng công khai
            </a>
          )}
        </Flex>
        {mayPublish &&
          (isPublic ? (
            <Popconfirm
              title="Thôi công khai chương trình?"
              description={
                <span style={{ display: 'block', maxWidth: 360 }}>
                  Cổng công khai sẽ không hiện chương trình này nữa. Những gì đã ghi vào sổ công khai vẫn còn
                  đó (sổ chỉ ghi thêm, không xóa), kèm việc thôi công khai.
                </span>
              }
              okText="Thôi công khai"
              cancelText="Hủy"
              onConfirm={() => change(false)}
            >
              <Button loading={set.isPending} data-testid="program-unpublicize">
                Thôi công khai
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title="Công khai trên cổng thông tin?"
              description={<WhatBecomesPublic />}
              okText="Công khai"
              cancelText="Hủy"
              onConfirm={() => change(true)}
            >
              <Button
                type="primary"
                icon={<GlobalOutlined />}
                loading={set.isPending}
                data-testid="program-publicize"
              >
                Công khai trên cổng thông tin
              </Button>
            </Popconfirm>
          ))}
      </Flex>
      {set.isError && (
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={set.error} />
        </div>
      )}
    </Card>
  );
}
