import { useMemo, useState } from 'react';
import { Button, Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { usePrograms } from './hooks';
import type { ProgramSummary } from './api';
import { documentName } from '../document/labels';
import { useMe } from '../auth/hooks';
import { canImportDocuments } from '../../lib/permissions';
import { formatIsoDate } from '../../lib/format';
import { foldText } from '../../shared/domain';
import { useIsPhone } from '../../lib/useMediaQuery';
import { PageHeader } from '../../layout/PageHeader';
import { SearchInput } from '../../layout/ListFilters';
import { ListTable, dateColumn } from '../../layout/ListTable';

/** The title without the kind it starts with ("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện …" → "Thực hiện …"). */
function titleAfterKind(p: ProgramSummary): string {
  let t = p.title.trim();
  if (p.docKind && t.toLocaleUpperCase('vi').startsWith(p.docKind.toLocaleUpperCase('vi')))
    t = t.slice(p.docKind.length).trim();
  return t ? t.charAt(0).toLocaleUpperCase('vi') + t.slice(1) : p.title;
}

export default function ProgramsPage() {
  const me = useMe();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const list = usePrograms();
  const [search, setSearch] = useState('');

  const items = useMemo(() => {
    const q = foldText(search.trim());
    const all = list.data?.items ?? [];
    if (!q) return all;
    return all.filter((p) => foldText(`${p.title} ${p.number ?? ''} ${p.issuer ?? ''}`).includes(q));
  }, [list.data, search]);

  const columns: TableColumnsType<ProgramSummary> = [
    {
      title: 'Văn bản',
      key: 'title',
      minWidth: phone ? 200 : 280,
      render: (_, p) => (
        <>
          <Link to={`/chuong-trinh/${p.id}`}>{documentName(p.docKind, p.number)}</Link>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: titleAfterKind(p) }}
            style={{ margin: 0, fontSize: 13 }}
          >
            {titleAfterKind(p)}
          </Typography.Paragraph>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[p.issuer, p.docDate && formatIsoDate(p.docDate)].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Cơ quan ban hành',
      dataIndex: 'issuer',
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    dateColumn('Ngày văn bản', 'docDate', 'day', { responsive: ['sm'] }),
    {
      title: <span className="nowrap">Nhiệm vụ</span>,
      dataIndex: 'tasks',
      align: 'right',
    },
    dateColumn('Ban hành trên hệ thống', 'publishedAt', 'moment', { responsive: ['lg'] }),
  ];

  return (
    <>
      <PageHeader
        title="Chương trình hành động"
        subTitle="Các chương trình, kế hoạch đã ban hành: cây nội dung, nhiệm vụ, trách nhiệm tổ chức thực hiện và văn bản dẫn chiếu."
        extra={
          canImportDocuments(me) && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/nhap-van-ban')}>
              Nhập văn bản
            </Button>
          )
        }
      />
      <Card>
        <SearchInput
          label="Tìm chương trình"
          placeholder="Tìm theo tên, số hiệu hoặc cơ quan ban hành…"
          value={search}
          onChange={setSearch}
          style={{ maxWidth: phone ? undefined : 420, marginBottom: 16 }}
        />
        <ListTable<ProgramSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          rows={items}
          query={list}
          empty={search ? 'Không có chương trình nào phù hợp' : 'Chưa có chương trình nào được ban hành'}
        />
      </Card>
    </>
  );
}
