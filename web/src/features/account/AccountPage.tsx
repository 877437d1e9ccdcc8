import { Card, Col, Descriptions, Row } from 'antd';
import { accountFacts } from '../users/accountFacts';
import { useMe } from '../auth/hooks';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EmailPreferences } from './EmailPreferences';
import { EntityHistory } from '../audit/EntityHistory';
import { PageHeader } from '../../layout/PageHeader';

export default function AccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Tài khoản"
        subTitle="Thông tin đăng nhập của bạn, đổi mật khẩu và nhận thông báo qua thư điện tử."
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Thông tin tài khoản" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={accountFacts(me, ['fullName', 'username', 'email', 'role', 'unit'], 'Xem đơn vị')}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Đổi mật khẩu" style={{ height: '100%' }}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Nhận thông báo qua thư điện tử">
            <EmailPreferences />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Lịch sử tài khoản">
            <EntityHistory entityType="user" entityId={me.id} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
