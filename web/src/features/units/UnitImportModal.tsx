import { useState } from 'react';
import { Alert, Button, Col, Flex, Modal, Row, Statistic, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useImportUnits } from './hooks';
import { UNITS_EXPORT_URL, type UnitCsvLineError } from './api';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';

const MAX_BYTES = 5 * 1024 * 1024;

function lineErrors(e: unknown): UnitCsvLineError[] {
  if (!isApiError(e, 'UNIT_CSV_INVALID')) return [];
  const errors = (e.details as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) ? (errors as UnitCsvLineError[]) : [];
}

/** Imports the units directory from a CSV file (all rows or none). */
export function UnitImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const imp = useImportUnits();

  const close = () => {
    setFile(null);
    setReadError(null);
    imp.reset();
    onClose();
  };

  const errors = lineErrors(imp.error);
  const result = imp.data;

  return (
    <Modal
      title="Nhập danh mục đơn vị từ tệp CSV"
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={close}>
            Đóng
          </Button>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>Hủy</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={imp.isPending}
              onClick={() => file && imp.mutate(file.text)}
            >
              Nhập dữ liệu
            </Button>
          </Flex>
        )
      }
    >
      {result ? (
        <>
          <Alert type="success" showIcon title="Đã nhập xong tệp CSV" style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="Tạo mới" value={result.created} />
            </Col>
            <Col span={8}>
              <Statistic title="Cập nhật" value={result.updated} />
            </Col>
            <Col span={8}>
              <Statistic title="Không đổi" value={result.unchanged} />
            </Col>
          </Row>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            Tệp CSV (mã hóa UTF-8, dấu phẩy hoặc chấm phẩy) có dòng tiêu đề với các cột{' '}
            <Typography.Text code>code</Typography.Text>, <Typography.Text code>name</Typography.Text>,{' '}
            <Typography.Text code>kind</Typography.Text> (bắt buộc) và{' '}
            <Typography.Text code>short_name</Typography.Text>,{' '}
            <Typography.Text code>parent_code</Typography.Text>,{' '}
            <Typography.Text code>active</Typography.Text>, <Typography.Text code>email</Typography.Text>,{' '}
            <Typography.Text code>phone</Typography.Text>, <Typography.Text code>address</Typography.Text>.
            Đơn vị trùng mã sẽ được cập nhật, mã mới sẽ được tạo mới. Nếu có bất kỳ dòng nào lỗi thì không
            dòng nào được nhập.{' '}
            <a href={UNITS_EXPORT_URL} download>
              Tải danh mục hiện tại làm mẫu
            </a>
            .
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              imp.reset();
              setReadError(null);
              if (f.size > MAX_BYTES) {
                setFile(null);
                setReadError('Tệp quá lớn (tối đa 5 MB)');
                return Upload.LIST_IGNORE;
              }
              f.text().then(
                (text) => {
                  // U+FFFD means the bytes were not UTF-8 (e.g. Excel's legacy "CSV (Comma delimited)").
                  if (text.includes('\uFFFD')) {
                    setFile(null);
                    setReadError(
                      'Tệp không được mã hóa UTF-8 nên tiếng Việt sẽ bị lỗi. Trong Excel, hãy lưu lại với định dạng “CSV UTF-8 (Comma delimited)”.',
                    );
                  } else setFile({ name: f.name, text });
                },
                () => setReadError('Không đọc được tệp đã chọn'),
              );
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? (
                <>
                  Đã chọn: <strong>{file.name}</strong>
                </>
              ) : (
                'Bấm hoặc kéo thả tệp CSV vào đây'
              )}
            </p>
            <p className="ant-upload-hint">
              {file ? 'Bấm để chọn tệp khác' : 'Chỉ nhận tệp .csv, tối đa 5 MB'}
            </p>
          </Upload.Dragger>
          {readError && <Alert type="error" showIcon title={readError} style={{ marginTop: 16 }} />}
          {imp.isError && errors.length === 0 && (
            <ApiErrorAlert error={imp.error} style={{ marginTop: 16, marginBottom: 0 }} />
          )}
          {errors.length > 0 && (
            <>
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 16, marginBottom: 12 }}
                title={imp.error instanceof Error ? imp.error.message : 'Tệp CSV có lỗi'}
                description={`Có ${errors.length} lỗi. Vui lòng sửa tệp rồi nhập lại.`}
              />
              <Table<UnitCsvLineError>
                size="small"
                rowKey={(r) => `${r.line}-${r.code}-${r.message}`}
                dataSource={errors}
                pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                scroll={{ x: true }}
                columns={[
                  { title: 'Dòng', dataIndex: 'line', width: 70 },
                  {
                    title: 'Mã lỗi',
                    dataIndex: 'code',
                    width: 190,
                    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                  },
                  { title: 'Nội dung', dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
