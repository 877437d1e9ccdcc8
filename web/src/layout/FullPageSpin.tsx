import { Flex, Spin } from 'antd';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description="Đang tải…" />
    </Flex>
  );
}

export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin description="Đang tải…" />
    </Flex>
  );
}
