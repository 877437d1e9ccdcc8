import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  ImportOutlined,
  MessageOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '../api/types';
import { canImportDocuments, canManageUsers, canReadReview, canViewAuditLog } from '../lib/permissions';

export interface NavItem {
  path: string;
  label: string;
  icon: React.ReactNode;
  /** Planned capability: the item leads to a "Sắp có" page. */
  comingSoon?: boolean;
  /** A page the server renders outside the app (the public portal): opened by a full page load. */
  external?: boolean;
  visible?: (me: Me) => boolean;
}

export interface NavGroup {
  key: string;
  label: string;
  /** The group's capabilities are being built; its label says so. */
  comingSoon?: boolean;
  items: NavItem[];
}

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'theo-doi',
    label: 'Theo dõi thực hiện',
    items: [
      { path: '/', label: 'Tổng quan', icon: <DashboardOutlined /> },
      { path: '/chuong-trinh', label: 'Chương trình hành động', icon: <FileTextOutlined /> },
      {
        path: '/nhap-van-ban',
        label: 'Nhập văn bản',
        icon: <ImportOutlined />,
        visible: canImportDocuments,
      },
      { path: '/nhiem-vu', label: 'Nhiệm vụ của đơn vị', icon: <CheckSquareOutlined /> },
      { path: '/bao-cao', label: 'Báo cáo định kỳ', icon: <BarChartOutlined /> },
      {
        path: '/phan-hoi',
        label: 'Phản hồi cho đơn vị',
        icon: <CommentOutlined />,
        visible: (me) => me.role === 'unit',
      },
      { path: '/kien-nghi', label: 'Kiến nghị cần khắc phục', icon: <ToolOutlined /> },
      {
        path: '/kiem-diem',
        label: 'Kiểm điểm, đánh giá hằng năm',
        icon: <OrderedListOutlined />,
        visible: canReadReview,
      },
      {
        path: '/kiem-tra-giam-sat',
        label: 'Kiểm tra giám sát',
        icon: <SafetyCertificateOutlined />,
      },
      { path: '/y-kien-chi-dao', label: 'Theo dõi ý kiến chỉ đạo', icon: <FlagOutlined /> },
      {
        path: '/phan-anh-kien-nghi',
        label: 'Phản ánh kiến nghị',
        icon: <MessageOutlined />,
        comingSoon: true,
      },
    ],
  },
  {
    key: 'he-thong',
    label: 'Danh mục và hệ thống',
    items: [
      { path: '/don-vi', label: 'Danh mục đơn vị', icon: <ApartmentOutlined /> },
      { path: '/nguoi-dung', label: 'Người dùng', icon: <TeamOutlined />, visible: canManageUsers },
      { path: '/nhat-ky', label: 'Nhật ký thay đổi', icon: <AuditOutlined />, visible: canViewAuditLog },
      { path: '/tai-khoan', label: 'Tài khoản', icon: <UserOutlined /> },
      { path: '/cong-khai', label: 'Cổng công khai', icon: <GlobalOutlined />, external: true },
    ],
  },
];

export const COMING_SOON = NAV_GROUPS.flatMap((g) => g.items).filter((i) => i.comingSoon);

/** The menu key for a location: the longest item path that prefixes it. */
export function selectedNavKey(pathname: string): string {
  let best = '/';
  for (const item of NAV_GROUPS.flatMap((g) => g.items)) {
    if (item.path === '/' || item.external) continue;
    if ((pathname === item.path || pathname.startsWith(item.path + '/')) && item.path.length > best.length)
      best = item.path;
  }
  return best === '/' && pathname !== '/' ? '' : best;
}
