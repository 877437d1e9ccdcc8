import { Alert, App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { CloudUploadOutlined, FilePdfOutlined, FileWordOutlined, StopOutlined } from '@ant-design/icons';
import { useMe } from '../auth/hooks';
import { useProgram } from '../programs/hooks';
import { can } from '../../shared/permissions';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { usePublicDocuments, usePublishDocument, useWithdrawDocument } from './hooks';
import type { PublicDocument, PublishDocumentInput } from './api';

/**
 * "Công bố trên cổng công khai" of one document (an approved consolidated report, a year's review):
 * for monitors and admins (`portal.publish`), once the program is public. Shows the published files
 * and "Thu hồi" once published.
 */
export function DocumentPublication({
  programId,
  input,
  matches,
  what,
}: {
  programId: string;
  input: PublishDocumentInput;
  /** The published document this control is about, among the program's. */
  matches: (d: PublicDocument) => boolean;
  /** "báo cáo tổng hợp", "báo cáo kiểm điểm năm 2026". */
  what: string;
}) {
  const me = useMe();
  const allowed = can(me, 'portal.publish');
  const program = useProgram(allowed ? programId : undefined);
  const docs = usePublicDocuments(programId, allowed);
  const publish = usePublishDocument();
  const withdraw = useWithdrawDocument();
  const { message } = App.useApp();
  if (!allowed || !program.data) return null;
  const isPublic = !!program.data.publicSince;
  const current = docs.data?.items.find((d) => d.public && matches(d));
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="document-publication">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>Cổng công khai</Typography.Text>
          {current ? (
            <>
              <Tag color="blue" data-testid="document-published">
                Đã công bố lúc {formatDateTime(current.publishedAt)}
              </Tag>
              <a href={current.docxUrl} download data-testid="document-public-docx">
                <FileWordOutlined /> .docx
              </a>
              {current.pdfUrl && (
                <a href={current.pdfUrl} download data-testid="document-public-pdf">
                  <FilePdfOutlined /> .pdf
                </a>
              )}
            </>
          ) : (
            <Tag>Chưa công bố</Tag>
          )}
        </Flex>
        {current ? (
          <Popconfirm
            title={`Thu hồi ${what} khỏi cổng công khai?`}
            description={
              <span style={{ display: 'block', maxWidth: 340 }}>
                Cổng công khai sẽ không cho tải tài liệu nữa; sổ công khai vẫn ghi việc đã công bố và việc thu
                hồi.
              </span>
            }
            okText="Thu hồi"
            okButtonProps={{ danger: true }}
            cancelText="Hủy"
            onConfirm={() =>
              withdraw.mutate(current.id, { onSuccess: () => message.success(`Đã thu hồi ${what}`) })
            }
          >
            <Button
              danger
              icon={<StopOutlined />}
              loading={withdraw.isPending}
              data-testid="document-withdraw"
            >
              Thu hồi
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={`Công bố ${what} trên cổng công khai?`}
            description={
              <span style={{ display: 'block', maxWidth: 360 }}>
                Hệ thống tạo bản .docx và bản .pdf của văn bản, đưa lên cổng công khai cho mọi người tải, và
                ghi mã băm (SHA-256) của hai tệp vào sổ công khai để ai cũng kiểm chứng được.
              </span>
            }
            okText="Công bố"
            cancelText="Hủy"
            disabled={!isPublic}
            onConfirm={() =>
              publish.mutate(input, {
                onSuccess: (d) =>
                  d.pdfNote
                    ? message.warning(d.pdfNote)
                    : message.success(`Đã công bố ${what} trên cổng công khai`),
              })
            }
          >
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!isPublic}
              loading={publish.isPending}
              data-testid="document-publish"
            >
              Công bố trên cổng công khai
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {!isPublic && !current && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title="Chương trình chưa được công khai trên cổng thông tin; hãy công khai chương trình (ở trang chương trình) trước khi công bố."
        />
      )}
      {publish.isError && <ApiErrorAlert error={publish.error} style={{ marginTop: 8 }} />}
      {withdraw.isError && <ApiErrorAlert error={withdraw.error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
