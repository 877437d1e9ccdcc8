import { createContext, useContext, useMemo } from 'react';
import { App, Select, Tag, Tooltip } from 'antd';
import { GlobalOutlined, LockOutlined } from '@ant-design/icons';
import { useSetEvidenceVisibility } from './hooks';
import { errorMessage } from '../../api/client';

/** What the unit is told about the choice. */
export const EVIDENCE_VISIBILITY_HELP =
  'Tệp công khai sẽ hiện trên cổng công khai khi báo cáo được chấp nhận; tệp nội bộ chỉ cán bộ trong hệ thống xem được.';

interface VisibilityContext {
  reportId: string;
  publicFiles: ReadonlySet<string>;
  /** The user may change it (the report's own unit, or an admin). */
  editable: boolean;
}

const Ctx = createContext<VisibilityContext | null>(null);

/** Gives the report's files their public / internal state (and who may change it) to the lists below. */
export function EvidenceVisibilityProvider({
  reportId,
  publicFiles,
  editable,
  children,
}: {
  reportId: string;
  publicFiles: readonly string[];
  editable: boolean;
  children: React.ReactNode;
}) {
  const value = useMemo(
    () => ({ reportId, publicFiles: new Set(publicFiles), editable }),
    [reportId, publicFiles, editable],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Is the file public? Null outside a report page. */
export function useEvidenceIsPublic(sha256: string): boolean | null {
  const c = useContext(Ctx);
  return c ? c.publicFiles.has(sha256) : null;
}

/** "Công khai / Nội bộ" for one file: a select for its unit, a tag for the others. */
export function EvidenceVisibilityControl({ sha256, filename }: { sha256: string; filename: string }) {
  const c = useContext(Ctx);
  if (!c) return null;
  const isPublic = c.publicFiles.has(sha256);
  if (!c.editable)
    return (
      <Tooltip title={EVIDENCE_VISIBILITY_HELP}>
        <Tag
          icon={isPublic ? <GlobalOutlined /> : <LockOutlined />}
          color={isPublic ? 'blue' : undefined}
          data-testid="evidence-visibility-tag"
        >
          {isPublic ? 'Công khai' : 'Nội bộ'}
        </Tag>
      </Tooltip>
    );
  return <VisibilitySelect reportId={c.reportId} sha256={sha256} filename={filename} isPublic={isPublic} />;
}

function VisibilitySelect({
  reportId,
  sha256,
  filename,
  isPublic,
}: {
  reportId: string;
  sha256: string;
  filename: string;
  isPublic: boolean;
}) {
  const { message } = App.useApp();
  const set = useSetEvidenceVisibility(reportId);
  return (
    <Tooltip title={EVIDENCE_VISIBILITY_HELP}>
      <Select
        size="small"
        value={isPublic ? 'public' : 'internal'}
        loading={set.isPending}
        disabled={set.isPending}
        aria-label={`Công khai hay nội bộ: ${filename}`}
        data-testid="evidence-visibility"
        style={{ width: 130 }}
        options={[
          { value: 'internal', label: 'Nội bộ' },
          { value: 'public', label: 'Công khai' },
        ]}
        onChange={(v) =>
          set.mutate(
            { sha256, value: v === 'public' },
            {
              onSuccess: (r) =>
                message.success(
                  r.public
                    ? `${filename}: công khai${r.leaves ? ' (đã ghi vào sổ công khai)' : ' khi báo cáo được chấp nhận'}`
                    : `${filename}: chỉ dùng nội bộ`,
                ),
              onError: (e) => message.error(`${filename}: ${errorMessage(e)}`),
            },
          )
        }
      />
    </Tooltip>
  );
}
