import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Segmented, Select, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useCreateImport, useImports, type ImportSource } from './hooks';
import type { DraftStatus, DraftSummary } from './api';
import { DocumentUpload } from './DocumentUpload';
import { DraftStatusTag } from './DraftStatusTag';
import { documentName, documentTitle } from '../document/labels';
import { useIsPhone } from '../../lib/useMediaQuery';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageHeader } from '../../layout/PageHeader';
import { ListTable, dateColumn } from '../../layout/ListTable';

type Mode = 'tep' | 'dan';
type StatusFilter = DraftStatus | 'all';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'draft', label: 'Đang soạn' },
  { value: 'published', label: 'Đã ban hành' },
  { value: 'discarded', label: 'Đã hủy' },
];

function RecentDrafts() {
  const phone = useIsPhone();
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = useImports(status === 'all' ? undefined : status);

  const columns: TableColumnsType<DraftSummary> = [
    {
      title: 'Văn bản',
      key: 'doc',
      minWidth: 240,
      render: (_, d) => (
        <>
          <Link to={`/nhap-van-ban/${d.id}`}>{d.docKind ? documentName(d.docKind, null) : 'Văn bản'}</Link>
          {d.title && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: documentTitle(d.title) }}
              style={{ margin: 0, fontSize: 13 }}
            >
              {documentTitle(d.title)}
            </Typography.Paragraph>
          )}
          {d.filename && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Tệp: {d.filename}
            </Typography.Text>
          )}
          {phone && (
            <div style={{ marginTop: 4 }}>
              <DraftStatusTag status={d.status} />
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      responsive: ['sm'],
      render: (v: string, d) => (
        <Flex vertical gap={4} align="start">
          <DraftStatusTag status={v} />
          {d.programId && <Link to={`/chuong-trinh/${d.programId}`}>Xem chương trình</Link>}
        </Flex>
      ),
    },
    {
      title: <span className="nowrap">Nhiệm vụ</span>,
      key: 'tasks',
      align: 'right',
      render: (_, d) => d.stats.tasks,
    },
    {
      title: <span className="nowrap">Cảnh báo</span>,
      key: 'warnings',
      align: 'right',
      responsive: ['md'],
      render: (_, d) => d.stats.warnings,
    },
    dateColumn('Cập nhật', 'updatedAt', 'moment', { responsive: ['md'] }),
  ];

  return (
    <Card
      title="Bản nhập gần đây"
      extra={
        !phone && (
          <Segmented<StatusFilter>
            size="small"
            value={status}
            onChange={setStatus}
            options={STATUS_OPTIONS}
          />
        )
      }
    >
      {phone && (
        <Select<StatusFilter>
          aria-label="Lọc theo trạng thái"
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      <ListTable<DraftSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        rows={list.data?.items ?? []}
        query={list}
        empty="Chưa có bản nhập nào"
      />
    </Card>
  );
}

export default function ImportPage() {
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('tep');
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const create = useCreateImport();

  const run = (src: ImportSource) => {
    setFileError(null);
    setSending(src.kind === 'file' ? src.file.name : null);
    create.mutate(src, { onSuccess: (d) => navigate(`/nhap-van-ban/${d.id}`) });
  };

  const upload = (
    <DocumentUpload
      pending={create.isPending}
      sending={sending}
      onProblem={(p) => {
        create.reset();
        setFileError(p);
      }}
      onFile={(file) => {
        create.reset();
        run({ kind: 'file', file });
      }}
    />
  );

  const paste = (
    <Flex vertical gap={12}>
      <Input.TextArea
        aria-label="Nội dung văn bản"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 10, maxRows: 22 }}
        placeholder={
          'Dán toàn văn văn bản vào đây, từ phần tiêu đề đến nơi nhận, ví dụ:\n\nKẾ HOẠCH\nThực hiện …\n\nI. MỤC ĐÍCH, YÊU CẦU\n…\nII. NHIỆM VỤ, GIẢI PHÁP\n1. …\n- …\nIII. TỔ CHỨC THỰC HIỆN\n…'
        }
        disabled={create.isPending}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {text.length > 0 ? `${text.length.toLocaleString('vi-VN')} ký tự` : 'Chưa có nội dung'}
        </Typography.Text>
        <Button
          type="primary"
          icon={<FileSearchOutlined />}
          disabled={!text.trim()}
          loading={create.isPending}
          onClick={() => run({ kind: 'text', text })}
        >
          Phân tích
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title="Nhập văn bản"
        subTitle="Tải lên hoặc dán chương trình, kế hoạch để nhận dạng cấu trúc, nhiệm vụ và đơn vị; kiểm tra, sửa rồi ban hành để theo dõi."
      />
      <Card style={{ marginBottom: 16 }}>
        <Tabs
          activeKey={mode}
          onChange={(k) => {
            setMode(k as Mode);
            setFileError(null);
            create.reset();
          }}
          items={[
            { key: 'tep', label: 'Tải tệp lên', children: upload },
            { key: 'dan', label: 'Dán văn bản', children: paste },
          ]}
        />
        {fileError && (
          <Alert type="error" showIcon role="alert" title={fileError} style={{ marginTop: 16 }} />
        )}
        {create.isError && <ApiErrorAlert error={create.error} style={{ marginTop: 16, marginBottom: 0 }} />}
      </Card>
      <RecentDrafts />
    </>
  );
}
