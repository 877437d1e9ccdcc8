import { Button, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';

/** Placeholder for a capability that is planned but not yet delivered. */
export default function ComingSoonPage({ title, description }: { title: string; description?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      icon={<ToolOutlined />}
      title={`${title} — Sắp có`}
      subTitle={description ?? 'Chức năng này đang được xây dựng và sẽ sớm được đưa vào sử dụng.'}
      extra={
        <Button type="primary" onClick={() => navigate('/don-vi')}>
          Xem danh mục đơn vị
        </Button>
      }
    />
  );
}
