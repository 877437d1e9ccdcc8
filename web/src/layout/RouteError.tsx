import { Button, Result, type ResultProps } from 'antd';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after an update). */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const chunkFailed =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={
        notFound
          ? 'Không tìm thấy trang'
          : chunkFailed
            ? 'Hệ thống vừa được cập nhật'
            : 'Đã có lỗi khi hiển thị trang'
      }
      subTitle={
        chunkFailed
          ? 'Vui lòng tải lại trang để dùng phiên bản mới.'
          : notFound
            ? 'Đường dẫn không tồn tại.'
            : 'Vui lòng tải lại trang. Nếu lỗi lặp lại, hãy báo cho quản trị hệ thống.'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
      }
    />
  );
}

/** A page that cannot be shown (404, 403), with the way back to the start page. */
export function ResultWithHomeLink({
  status,
  title,
  subTitle,
}: Pick<ResultProps, 'status' | 'title' | 'subTitle'>) {
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">Về trang tổng quan</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  return (
    <ResultWithHomeLink
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn bạn mở không tồn tại hoặc đã được thay đổi."
    />
  );
}
