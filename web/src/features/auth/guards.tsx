import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../layout/FullPageSpin';
import { ResultWithHomeLink } from '../../layout/RouteError';
import { errorMessage } from '../../api/client';
import type { Role } from '../../api/types';
import { MeContext, useMe, useMeQuery } from './hooks';

export const LOGIN_PATH = '/dang-nhap';
export const FORCED_PASSWORD_PATH = '/tai-khoan/doi-mat-khau';

/** Renders its child routes only for a signed-in user; sends a user with a one-time password to change it first. */
export function RequireAuth() {
  const { data: me, isPending, isError, error, refetch } = useMeQuery();
  const location = useLocation();

  if (isPending) return <FullPageSpin />;
  if (isError && me === undefined) {
    return (
      <Result
        status="warning"
        title="Không tải được thông tin đăng nhập"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            Thử lại
          </Button>
        }
      />
    );
  }
  if (!me) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.mustChangePassword && location.pathname !== FORCED_PASSWORD_PATH) {
    return <Navigate to={FORCED_PASSWORD_PATH} replace />;
  }
  return (
    <MeContext value={me}>
      <Outlet />
    </MeContext>
  );
}

export function Forbidden() {
  return (
    <ResultWithHomeLink
      status="403"
      title="Không có quyền truy cập"
      subTitle="Vai trò của bạn không được phép xem trang này."
    />
  );
}

/** Shows the child routes only to the given roles. */
export function RequireRole({ allow }: { allow: readonly Role[] }) {
  const me = useMe();
  return allow.includes(me.role) ? <Outlet /> : <Forbidden />;
}
