import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Progress, Typography, type AlertProps } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useDiscardImport, useEditImport, useImport, usePublishImport } from './hooks';
import { DraftStatusTag } from './DraftStatusTag';
import { DraftSummaryCard } from './DraftSummaryCard';
import { DraftWorkspace } from './DraftWorkspace';
import { HeadingModal } from './HeadingModal';
import { ProposedUnitsModal } from './ProposedUnitsModal';
import type { EditRequest } from './DraftNodePanel';
import type { ImportDraft } from './api';
import { documentName, documentTitle } from '../document/labels';
import { isApiError } from '../../api/client';
import { useMe } from '../auth/hooks';
import { canImportDocuments } from '../../lib/permissions';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';

/** A 409 means someone else changed or closed the draft: it has been reloaded; say so. */
function conflictNotice(e: unknown): string | null {
  if (!isApiError(e) || e.status !== 409) return null;
  if (e.code === 'VERSION_CONFLICT')
    return 'Bản nhập vừa được người khác sửa. Đã tải lại bản mới nhất; vui lòng xem lại rồi thao tác tiếp.';
  return `${e.message.replace(/[.!]?\s*$/, '.')} Đã tải lại bản nhập.`;
}

export default function ImportDraftPage() {
  const { id = '' } = useParams();
  const query = useImport(id);
  return (
    <QueryPage query={query} what="bản nhập" back={{ to: '/nhap-van-ban', label: 'Về trang nhập văn bản' }}>
      {(draft) =>
        draft.status === 'reading' || draft.status === 'failed' ? (
          <ReadingView draft={draft} />
        ) : (
          <DraftView id={id} draft={draft} />
        )
      }
    </QueryPage>
  );
}

/** What the reading of a document says while it goes on (asked again every second), or why it failed. */
export function readingText(draft: Pick<ImportDraft, 'progress'>): string {
  const p = draft.progress;
  if (!p || p.total === 0) return 'Đang mở văn bản…';
  if (p.stage === 'ocr') return `Đang nhận dạng chữ (OCR) trên bản quét: xong ${p.done}/${p.total} trang`;
  return `Đang đọc văn bản: xong ${p.done}/${p.total} trang`;
}

function ReadingView({ draft }: { draft: ImportDraft }) {
  const p = draft.progress;
  const percent = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <>
      <BackLink to="/nhap-van-ban">Về trang nhập văn bản</BackLink>
      <PageHeader
        title={draft.filename ?? 'Văn bản tải lên'}
        extra={<DraftStatusTag status={draft.status} />}
      />
      <Card>
        {draft.status === 'reading' ? (
          <div data-testid="import-reading">
            <Typography.Paragraph>{readingText(draft)}</Typography.Paragraph>
            <Progress percent={percent} status="active" />
            <Typography.Paragraph type="secondary">
              Có thể rời trang này: việc đọc vẫn tiếp tục, bản nhập có trong danh sách “Các bản nhập gần đây”.
            </Typography.Paragraph>
          </div>
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="import-failed"
            message="Không đọc được văn bản"
            description={draft.failure?.message ?? 'Đã có lỗi khi đọc văn bản.'}
            action={<Link to="/nhap-van-ban">Tải lên văn bản khác</Link>}
          />
        )}
      </Card>
    </>
  );
}

/** `id` is the one in the address: the query and the actions' reloads use it as their key. */
function DraftView({ id, draft }: { id: string; draft: ImportDraft }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  // A unit's drafts are its own plan documents: published, they become its plan.
  const me = useMe();
  const plan = me.role === 'unit';
  const [proposedOpen, setProposedOpen] = useState(false);
  const published = (programId: string) => (plan ? `/ke-hoach/${programId}` : `/chuong-trinh/${programId}`);
  const edit = useEditImport(id);
  const publish = usePublishImport(id);
  const discard = useDiscardImport(id);
  const [actionError, setActionError] = useState<unknown>(null);
  const [headingOpen, setHeadingOpen] = useState(false);
  const editable = draft.status === 'draft';
  const busy = edit.isPending || publish.isPending || discard.isPending;

  /** Handles a failed action: a conflict reloads (in the hooks) and is announced; the rest is shown. */
  const failed = (e: unknown, inline: boolean) => {
    const notice = conflictNotice(e);
    if (notice) {
      message.warning(notice, 6);
      edit.reset();
    } else if (!inline) setActionError(e);
  };

  const runEdit = (req: EditRequest, onDone: () => void) => {
    setActionError(null);
    edit.mutate(
      { version: draft.version, op: req.op },
      {
        onSuccess: () => {
          message.success(req.done);
          onDone();
        },
        onError: (e) => failed(e, true),
      },
    );
  };

  const doPublish = () => {
    setActionError(null);
    publish.mutate(draft.version, {
      onSuccess: (r) => {
        message.success(plan ? 'Đã ban hành kế hoạch của đơn vị' : 'Đã ban hành chương trình');
        navigate(published(r.programId));
      },
      onError: (e) => {
        // The unit started its plan item by item meanwhile: open that plan.
        const planId = isApiError(e, 'PLAN_EXISTS')
          ? (e.details as { planId?: string } | undefined)?.planId
          : undefined;
        if (planId) {
          message.warning(`${e instanceof Error ? e.message : ''} Đã mở kế hoạch hiện có của đơn vị.`, 6);
          navigate(`/ke-hoach/${planId}`);
        } else failed(e, false);
      },
    });
  };

  const doDiscard = () => {
    setActionError(null);
    discard.mutate(draft.version, {
      onSuccess: () => message.success('Đã hủy bản nhập'),
      onError: (e) => failed(e, false),
    });
  };

  const p = draft.doc.program;
  const editError = edit.error && !conflictNotice(edit.error) ? edit.error : null;
  /** A draft no longer edited says why, and where to go instead. */
  const closedNotice: AlertProps | null =
    draft.status === 'published'
      ? {
          type: 'success',
          title: 'Bản nhập đã được ban hành thành chương trình; không sửa được nữa.',
          action: draft.programId && (
            <Link to={published(draft.programId)}>
              <Button size="small" type="primary" icon={<FileTextOutlined />}>
                {plan ? 'Xem kế hoạch' : 'Xem chương trình'}
              </Button>
            </Link>
          ),
        }
      : draft.status === 'discarded'
        ? {
            type: 'info',
            title: 'Bản nhập đã bị hủy; chỉ còn để xem lại.',
            action: (
              <Link to={plan ? '/nhiem-vu' : '/nhap-van-ban'}>
                <Button size="small">Nhập văn bản khác</Button>
              </Link>
            ),
          }
        : null;

  return (
    <>
      {plan ? (
        <BackLink to="/nhiem-vu">Nhiệm vụ của đơn vị</BackLink>
      ) : (
        <BackLink to="/nhap-van-ban">Nhập văn bản</BackLink>
      )}
      <PageHeader
        title={
          <>
            {p.docKind || p.number ? documentName(p.docKind, p.number) : (draft.filename ?? 'Bản nhập')}{' '}
            <DraftStatusTag status={draft.status} />
          </>
        }
        subTitle={documentTitle(p.title) || undefined}
        extra={
          editable ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setHeadingOpen(true)} disabled={busy}>
                Sửa phần đầu
              </Button>
              <Popconfirm
                title={plan ? 'Ban hành kế hoạch của đơn vị?' : 'Ban hành chương trình?'}
                description={
                  <div style={{ maxWidth: 300 }}>
                    {draft.stats.tasks} {plan ? 'mục kế hoạch' : 'nhiệm vụ'} sẽ được đưa vào theo dõi. Sau khi
                    ban hành, bản nhập không sửa được nữa.
                  </div>
                }
                okText="Ban hành"
                cancelText="Để sau"
                onConfirm={doPublish}
                disabled={busy}
              >
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  loading={publish.isPending}
                  disabled={busy}
                >
                  Ban hành
                </Button>
              </Popconfirm>
              <Popconfirm
                title="Hủy bản nhập này?"
                description="Bản nhập sẽ không sửa hay ban hành được nữa; văn bản vẫn được giữ để xem lại."
                okText="Hủy bản nhập"
                okButtonProps={{ danger: true }}
                cancelText="Không"
                onConfirm={doDiscard}
                disabled={busy}
              >
                <Button danger icon={<DeleteOutlined />} loading={discard.isPending} disabled={busy}>
                  Hủy bản nhập
                </Button>
              </Popconfirm>
            </>
          ) : undefined
        }
      />
      {closedNotice && <Alert showIcon style={{ marginBottom: 16 }} {...closedNotice} />}
      {actionError !== null && <ApiErrorAlert error={actionError} />}
      <DraftSummaryCard draft={draft} />
      <HeadingModal id={id} open={headingOpen && editable} onClose={() => setHeadingOpen(false)} />
      <DraftWorkspace
        draft={draft}
        editable={editable}
        pending={busy}
        error={editError}
        onClearError={() => {
          if (edit.isError) edit.reset();
        }}
        onEdit={runEdit}
        {...(editable && canImportDocuments(me) ? { onCreateProposed: () => setProposedOpen(true) } : {})}
      />
      {editable && (
        <ProposedUnitsModal
          draft={draft}
          open={proposedOpen}
          onClose={() => setProposedOpen(false)}
          onDone={(created, mapped) =>
            message.success(
              `Đã tạo ${created} đơn vị${mapped ? `, ghép ${mapped} đơn vị đã có` : ''} và ghép các cơ quan của bản nhập`,
            )
          }
        />
      )}
    </>
  );
}
