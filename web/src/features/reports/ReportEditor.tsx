import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker } from 'react-router';
import { Alert, App, Button, Card, Col, Flex, Form, Popconfirm, Row, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { fetchReport, type ReportView, type VersionSummary } from './api';
import { EntryEditor, type EntryUpdate } from './EntryEditor';
import { CooperatingInputs, MonitorComment, TaskCard } from './TaskCard';
import { reportKeys, rulesQuery, useSaveDraft, useSubmitReport } from './hooks';
import { GENERAL_FIELD_LABELS, dueText } from './labels';
import {
  GENERAL_LIMITS,
  draftProblems,
  openProblems,
  problemsByTask,
  serverProblems,
  submissionProblems,
  type Problem,
} from './problems';
import { emptyEntry, type ReportContent, type ReportEntry, type ReportGeneral } from '../../shared/report';
import { isEmptyEntry } from './EntryView';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { ConflictAlert } from '../../layout/ConflictAlert';
import { useVersionedSave } from '../../layout/useVersionedSave';
import { formatDateTime } from '../../lib/format';
import { CountedTextArea } from '../../layout/CountedTextArea';

/** Every carried task has an entry in the form (empty ones are left out when saving). */
function formContent(report: ReportView): ReportContent {
  const entries: Record<string, ReportEntry> = {};
  for (const t of report.tasks) entries[t.nodeId] = { ...emptyEntry(), ...report.draft.entries[t.nodeId] };
  return { general: { ...report.draft.general }, entries };
}

function pruned(c: ReportContent): ReportContent {
  return {
    general: c.general,
    entries: Object.fromEntries(Object.entries(c.entries).filter(([, e]) => !isEmptyEntry(e))),
  };
}

const snapshot = (c: ReportContent) => JSON.stringify(pruned(c));

/** One empty list for the cards without problems, so their memoised editors are not redrawn. */
const NO_PROBLEMS: Problem[] = [];

/** A key for one submission: the same key for retries of one click, so the server makes one version. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context (HTTPS); an intranet over HTTP still has getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function scrollToProblem(problems: Problem[]) {
  const first = problems[0];
  if (!first) return;
  const el = document.getElementById(first.nodeId ? `task-${first.nodeId}` : 'report-problems');
  el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Asks before leaving the page (in the app or the browser) with unsaved changes. */
function useLeaveGuard(dirty: boolean) {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: 'Rời trang khi chưa lưu?',
      content: 'Các thay đổi trong báo cáo chưa được lưu nháp sẽ bị mất.',
      okText: 'Rời trang',
      cancelText: 'Ở lại',
      okButtonProps: { danger: true },
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

const GENERAL_FIELDS: { key: keyof ReportGeneral; testId: string; hint: string }[] = [
  { key: 'summary', testId: 'general-summary', hint: 'Kết quả nổi bật của đơn vị trong kỳ' },
  { key: 'obstacles', testId: 'general-obstacles', hint: 'Khó khăn, vướng mắc chung, nguyên nhân' },
  { key: 'proposals', testId: 'general-proposals', hint: 'Kiến nghị, đề xuất với cấp trên' },
  { key: 'nextSteps', testId: 'general-next-steps', hint: 'Phương hướng, nhiệm vụ trọng tâm kỳ tới' },
];

/**
 * The unit's report while it may still be changed: one card per task carried, the general part, and
 * "Lưu nháp" / "Nộp báo cáo". Edits stay in the page until saved; the server's draft is read once.
 */
export function ReportEditor({ report, returned }: { report: ReportView; returned: VersionSummary | null }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [content, setContent] = useState(() => formContent(report));
  const [saved, setSaved] = useState(() => snapshot(formContent(report)));
  const [version, setVersion] = useState(report.version);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = useSaveDraft(report.id);
  // The version is kept here (a save moves it on); the hook reloads and refills after a conflict.
  const saver = useVersionedSave({
    record: report,
    reload: () =>
      qc.fetchQuery({
        queryKey: reportKeys.detail(report.id),
        queryFn: ({ signal }) => fetchReport(report.id, signal),
        staleTime: 0,
      }),
    mutation: save,
    onReloaded: (latest) => {
      const c = formContent(latest);
      setContent(c);
      setSaved(snapshot(c));
      setSavedAt(null);
      setVersion(latest.version);
    },
  });
  const { conflict } = saver;
  const submit = useSubmitReport(report.id);
  const submitKey = useRef<string | null>(null);
  const busy = useRef(false);
  const [submitting, setSubmitting] = useState(false);

  const current = snapshot(content);
  const dirty = current !== saved;
  useLeaveGuard(dirty);

  // A problem shown after a refused save goes away as soon as the edit fixes it.
  const rules = useQuery(rulesQuery).data;
  const shown = useMemo(
    () => openProblems(problems, rules, content, report.tasks),
    [problems, rules, content, report.tasks],
  );
  const byTask = useMemo(() => problemsByTask(shown), [shown]);
  const update: EntryUpdate = useCallback((nodeId, fn) => {
    setContent((c) => ({ ...c, entries: { ...c.entries, [nodeId]: fn(c.entries[nodeId] ?? emptyEntry()) } }));
  }, []);
  const setGeneral = (k: keyof ReportGeneral, v: string) =>
    setContent((c) => ({ ...c, general: { ...c.general, [k]: v } }));

  const fail = (list: Problem[]) => {
    setProblems(list);
    message.error(`Báo cáo còn ${list.length} điểm cần sửa`);
    setTimeout(() => scrollToProblem(list), 50);
  };

  /** Saves the draft; true when it is stored. */
  const saveDraft = async (): Promise<boolean> => {
    const rules = await qc.ensureQueryData(rulesQuery);
    const local = draftProblems(rules, content);
    if (local.length) {
      fail(local);
      return false;
    }
    const body = pruned(content);
    try {
      const r = await save.mutateAsync({ version, content: body });
      setVersion(r.version);
      setSaved(JSON.stringify(body));
      setSavedAt(new Date().toISOString());
      setProblems([]);
      saver.clearConflict();
      return true;
    } catch (e) {
      if (await saver.recover(e)) return false;
      const sp = serverProblems(e);
      if (sp.length) fail(sp);
      if (isApiError(e, 'REPORT_READ_ONLY') || isApiError(e, 'PERIOD_CLOSED'))
        void qc.invalidateQueries({ queryKey: reportKeys.detail(report.id) });
      return false;
    }
  };

  const onSave = async () => {
    if (await saveDraft()) message.success('Đã lưu nháp báo cáo');
  };

  const onSubmit = async () => {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    try {
      submitKey.current ??= newIdempotencyKey();
      const rules = await qc.ensureQueryData(rulesQuery);
      const local = submissionProblems(rules, pruned(content), report.tasks);
      if (local.length) {
        submitKey.current = null;
        fail(local);
        return;
      }
      if (dirty && !(await saveDraft())) return;
      const r = await submit.mutateAsync(submitKey.current);
      submitKey.current = null;
      message.success(
        `Đã nộp báo cáo, phiên bản ${r.number}${r.late ? ' (nộp muộn)' : ''}. Báo cáo chờ cán bộ theo dõi xem xét.`,
      );
    } catch (e) {
      // A refused submission made no version: the next click is a new one. After a lost
      // connection the version may exist, so a retry keeps the key and finds it.
      if (isApiError(e) && e.status >= 400 && e.status < 500) submitKey.current = null;
      // If the version was made after all, the reloaded report shows it (read-only).
      else void qc.invalidateQueries({ queryKey: reportKeys.detail(report.id) });
      const sp = serverProblems(e);
      if (sp.length) fail(sp);
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const due = dueText(report.period.dueDate);
  const whole = byTask.get(null) ?? [];
  const pending = save.isPending || submitting;
  const actionError = submit.isError ? submit.error : save.isError ? save.error : null;
  const coop = report.cooperating;

  return (
    <Flex vertical gap={16} data-testid="report-editor">
      {conflict && (
        <div className="report-anchor" style={{ marginBottom: -16 }}>
          <ConflictAlert text={conflict} />
        </div>
      )}
      {report.tasks.length === 0 && (
        <Alert type="info" showIcon title="Đơn vị không có nhiệm vụ nào trong kỳ này; chỉ cần phần chung." />
      )}
      {report.tasks.map((t) => {
        const comment = returned?.taskComments[t.nodeId];
        const inputs = t.role === 'lead' ? (coop[t.nodeId] ?? []) : [];
        const side =
          comment || inputs.length ? (
            <>
              {comment && <MonitorComment text={comment} version={returned!.number} />}
              {inputs.length > 0 && <CooperatingInputs inputs={inputs} statuses={report.statuses} />}
            </>
          ) : null;
        const own = byTask.get(t.nodeId) ?? NO_PROBLEMS;
        return (
          <TaskCard key={t.nodeId} task={t} statuses={report.statuses} side={side} highlight={own.length > 0}>
            <EntryEditor
              reportId={report.id}
              nodeId={t.nodeId}
              entry={content.entries[t.nodeId] ?? emptyEntry()}
              statuses={report.statuses}
              evidence={report.evidence}
              problems={own}
              update={update}
            />
          </TaskCard>
        );
      })}
      <Card size="small" title="Phần chung của báo cáo" data-testid="report-general">
        <Form layout="vertical" component={false}>
          <Row gutter={12}>
            {GENERAL_FIELDS.map((f) => (
              <Col xs={24} md={12} key={f.key}>
                <Form.Item
                  label={GENERAL_FIELD_LABELS[f.key]}
                  htmlFor={`general-${f.key}`}
                  style={{ marginBottom: 12 }}
                >
                  <CountedTextArea
                    id={`general-${f.key}`}
                    value={content.general[f.key]}
                    max={GENERAL_LIMITS[f.key]}
                    autoSize={{ minRows: 3, maxRows: 10 }}
                    placeholder={f.hint}
                    onChange={(e) => setGeneral(f.key, e.target.value)}
                    data-testid={f.testId}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
      </Card>
      {whole.length > 0 && (
        <div id="report-problems">
          <Alert
            type="error"
            showIcon
            title={whole.map((p) => p.message).join('; ')}
            data-testid="report-problems"
          />
        </div>
      )}
      {shown.length > whole.length && (
        <Alert
          type="error"
          showIcon
          data-testid="report-problem-list"
          title="Còn điểm cần sửa ở các nhiệm vụ:"
          description={
            <ul className="report-lines">
              {report.tasks
                .filter((t) => byTask.has(t.nodeId))
                .map((t) => (
                  <li key={t.nodeId}>
                    <a
                      href={`#task-${t.nodeId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(`task-${t.nodeId}`)?.scrollIntoView({ behavior: 'smooth' });
                      }}
                    >
                      Nhiệm vụ {t.label}
                    </a>
                    :{' '}
                    {byTask
                      .get(t.nodeId)!
                      .map((p) => p.message)
                      .join('; ')}
                  </li>
                ))}
            </ul>
          }
        />
      )}
      <div className="report-action-bar">
        {actionError && serverProblems(actionError).length === 0 && !conflict && (
          <ApiErrorAlert error={actionError} style={{ marginBottom: 8 }} />
        )}
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="report-unsaved">
            {dirty
              ? 'Có thay đổi chưa lưu'
              : savedAt
                ? `Đã lưu nháp lúc ${formatDateTime(savedAt).slice(11)}`
                : report.status === 'not_started'
                  ? 'Chưa lưu nháp lần nào'
                  : `Cập nhật lần cuối lúc ${formatDateTime(report.updatedAt)}`}
          </Typography.Text>
          <Flex wrap gap={8}>
            <Button
              icon={<SaveOutlined />}
              onClick={() => void onSave()}
              loading={save.isPending && !submitting}
              disabled={pending || !dirty}
              data-testid="report-save"
            >
              Lưu nháp
            </Button>
            <Popconfirm
              title="Nộp báo cáo?"
              description={
                <div style={{ maxWidth: 320 }}>
                  Sau khi nộp, báo cáo chỉ được xem; đơn vị sửa được khi cán bộ theo dõi trả lại.
                  {dirty && ' Các thay đổi chưa lưu sẽ được lưu trước khi nộp.'}
                  {due.late && ` Hạn gửi đã qua (${due.text}): báo cáo được ghi nhận nộp muộn.`}
                </div>
              }
              okText="Nộp báo cáo"
              cancelText="Hủy"
              placement="topRight"
              onConfirm={() => void onSubmit()}
              disabled={pending}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submitting}
                disabled={pending && !submitting}
                data-testid="report-submit"
              >
                Nộp báo cáo
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      </div>
    </Flex>
  );
}
