/** The document upload box: checks the file as the server would, then hands it on. */
import { Spin, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from './api';

function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i).toLowerCase() : '';
}

/** Refuses what the server would refuse anyway, without sending 10 MB first. */
export function checkFile(file: File): string | null {
  if (!IMPORT_EXTENSIONS.includes(extensionOf(file.name)))
    return `Tệp “${file.name}” không được hỗ trợ. Chỉ nhận tệp .txt, .md, .docx hoặc .pdf (tệp .doc hãy mở bằng Word rồi lưu lại dạng .docx).`;
  if (file.size > MAX_IMPORT_BYTES) return `Tệp “${file.name}” quá lớn (tối đa 10 MB).`;
  if (file.size === 0) return `Tệp “${file.name}” không có nội dung.`;
  return null;
}

/**
 * A drag-and-drop box for one document. `onFile` gets an accepted file, `onProblem` the reason a file
 * was refused; `sending` names the file being read while the upload runs.
 */
export function DocumentUpload({
  pending,
  sending,
  onFile,
  onProblem,
}: {
  pending: boolean;
  sending: string | null;
  onFile: (file: File) => void;
  onProblem: (problem: string) => void;
}) {
  return (
    <Upload.Dragger
      accept={IMPORT_EXTENSIONS.join(',')}
      multiple={false}
      showUploadList={false}
      disabled={pending}
      beforeUpload={(file) => {
        const problem = checkFile(file);
        if (problem) onProblem(problem);
        else onFile(file);
        return Upload.LIST_IGNORE;
      }}
    >
      {pending && sending ? (
        <Spin description={`Đang đọc và phân tích “${sending}”…`} style={{ paddingBlock: 24 }} />
      ) : (
        <>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Bấm hoặc kéo thả tệp văn bản vào đây</p>
          <p className="ant-upload-hint">Tệp .docx, .pdf (cả bản quét), .txt hoặc .md, tối đa 10 MB</p>
        </>
      )}
    </Upload.Dragger>
  );
}
