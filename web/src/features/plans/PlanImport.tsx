/**
 * "Nhập kế hoạch từ văn bản": a unit uploads its own plan document (.docx, .txt, .md) for a program it
 * carries; the importer reads it into a draft the unit checks and publishes as its plan, then links
 * the plan's items to the program's tasks on the plan page. When the plan already exists the unit is
 * taken to it (the answer names it) instead of being refused; an open draft is offered to continue.
 */
import { useState } from 'react';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { DocumentUpload } from '../imports/DocumentUpload';
import { useCreateImport, useImports } from '../imports/hooks';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';

/** The unit's open plan-document drafts, by the program they implement. */
export function useOpenPlanDrafts(enabled: boolean) {
  const q = useImports('draft');
  const byProgram = new Map<string, string>();
  if (enabled)
    for (const d of q.data?.items ?? []) if (d.parentProgramId) byProgram.set(d.parentProgramId, d.id);
  return byProgram;
}

export function PlanImportButton({
  programId,
  unitId,
  openDraftId,
}: {
  programId: string;
  unitId: string;
  openDraftId: string | undefined;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const create = useCreateImport();

  if (openDraftId)
    return (
      <Link to={`/nhap-van-ban/${openDraftId}`}>
        <Button icon={<EditOutlined />}>Tiếp tục bản nhập kế hoạch</Button>
      </Link>
    );

  const send = (file: File) => {
    setProblem(null);
    setSending(file.name);
    create.mutate(
      { kind: 'file', file, plan: { parentProgramId: programId, ownerUnitId: unitId } },
      {
        onSuccess: (d) => navigate(`/nhap-van-ban/${d.id}`),
        onError: (e) => {
          const planId = isApiError(e, 'PLAN_EXISTS')
            ? (e.details as { planId?: string } | undefined)?.planId
            : undefined;
          if (planId) {
            message.info('Đơn vị đã có kế hoạch cho chương trình này; đã mở kế hoạch hiện có.', 6);
            navigate(`/ke-hoach/${planId}`);
          }
        },
      },
    );
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        Nhập kế hoạch từ văn bản
      </Button>
      <Modal
        title="Nhập kế hoạch của đơn vị từ văn bản"
        open={open}
        onCancel={() => {
          if (create.isPending) return;
          create.reset();
          setProblem(null);
          setOpen(false);
        }}
        footer={null}
        destroyOnHidden
        width={600}
      >
        <Typography.Paragraph type="secondary">
          Tải lên văn bản kế hoạch thực hiện của đơn vị. Hệ thống đọc cấu trúc và các nhiệm vụ; đơn vị kiểm
          tra, sửa rồi ban hành thành kế hoạch, sau đó gắn từng mục với nhiệm vụ của chương trình.
        </Typography.Paragraph>
        <DocumentUpload
          pending={create.isPending}
          sending={sending}
          onFile={(f) => {
            create.reset();
            send(f);
          }}
          onProblem={(p) => {
            create.reset();
            setProblem(p);
          }}
        />
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} />}
        {create.isError && !isApiError(create.error, 'PLAN_EXISTS') && (
          <ApiErrorAlert error={create.error} style={{ marginTop: 16, marginBottom: 0 }} />
        )}
      </Modal>
    </>
  );
}
