import { Card, Col, Row, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  ImportOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks';
import { canImportDocuments, canManageUsers, canViewAuditLog } from '../../lib/permissions';
import { roleLabel } from '../../lib/format';
import { PageHeader } from '../../layout/PageHeader';
import { HomeOverviewPanel } from './HomeOverview';

interface Shortcut {
  to: string;
  icon: React.ReactNode;
  title: string;
  text: string;
}

/** Tổng quan: a welcome, what awaits the person across programs, and shortcuts to each part of the work. */
export default function HomePage() {
  const me = useMe();
  const shortcuts: Shortcut[] = [
    {
      to: '/chuong-trinh',
      icon: <FileTextOutlined />,
      title: 'Chương trình hành động',
      text: 'Cây nội dung, phân công nhiệm vụ theo “5 rõ”, đề xuất từ văn bản, triển khai và bao phủ kế hoạch.',
    },
    {
      to: '/nhiem-vu',
      icon: <CheckSquareOutlined />,
      title: 'Nhiệm vụ của đơn vị',
      text:
        me.role === 'unit'
          ? 'Nhiệm vụ đơn vị chủ trì, phối hợp và kế hoạch thực hiện của đơn vị.'
          : 'Nhiệm vụ từng đơn vị chủ trì, phối hợp và kế hoạch thực hiện của đơn vị.',
    },
    {
      to: '/bao-cao',
      icon: <BarChartOutlined />,
      title: 'Báo cáo định kỳ',
      text:
        me.role === 'unit'
          ? 'Báo cáo của đơn vị theo từng kỳ: soạn, đính kèm minh chứng, nộp và xem ý kiến của cơ quan theo dõi.'
          : 'Kỳ báo cáo, tình hình nộp, tổng quan tiến độ, khó khăn vướng mắc, đôn đốc và báo cáo tổng hợp.',
    },
    ...(canImportDocuments(me)
      ? [
          {
            to: '/nhap-van-ban',
            icon: <ImportOutlined />,
            title: 'Nhập văn bản',
            text: 'Tải lên hoặc dán văn bản, kiểm tra cấu trúc và nhiệm vụ rồi ban hành.',
          },
        ]
      : []),
    {
      to: '/don-vi',
      icon: <ApartmentOutlined />,
      title: 'Danh mục đơn vị',
      text: 'Tra cứu cơ quan, đơn vị, đầu mối liên hệ và đơn vị trực thuộc.',
    },
    ...(canManageUsers(me)
      ? [
          {
            to: '/nguoi-dung',
            icon: <TeamOutlined />,
            title: 'Người dùng',
            text: 'Cấp tài khoản, phân vai trò, khóa và đặt lại mật khẩu.',
          },
        ]
      : []),
    ...(canViewAuditLog(me)
      ? [
          {
            to: '/nhat-ky',
            icon: <AuditOutlined />,
            title: 'Nhật ký thay đổi',
            text: 'Xem ai đã thay đổi gì, khi nào; kiểm tra tính toàn vẹn.',
          },
        ]
      : []),
    {
      to: '/tai-khoan',
      icon: <UserOutlined />,
      title: 'Tài khoản',
      text: 'Thông tin của bạn và đổi mật khẩu.',
    },
  ];
  return (
    <>
      <PageHeader
        title="Tổng quan"
        subTitle={`Xin chào ${me.fullName} — ${roleLabel(me.role)}${me.unitName ? `, ${me.unitName}` : ''}.`}
      />
      <HomeOverviewPanel me={me} />
      <Typography.Title level={5}>Lối tắt</Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.to} xs={24} sm={12} xl={6}>
            <Link to={s.to} style={{ display: 'block', height: '100%' }}>
              <Card hoverable style={{ height: '100%' }}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  <span style={{ marginRight: 8, color: 'var(--ant-color-primary)' }}>{s.icon}</span>
                  {s.title}
                </Typography.Title>
                <Typography.Text type="secondary">{s.text}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
