import { useMemo } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useCreatePlan, useUnitTasks } from './hooks';
import { PlanImportButton, useOpenPlanDrafts } from './PlanImport';
import type { UnitTask } from './api';
import { DeadlineText, ProgramStatusTag, RoleTag, taskLabelColumn, taskTextColumn } from '../tasks/TaskBits';
import { readableTitle } from '../document/labels';
import { useMe } from '../auth/hooks';
import { UnitChooser, useChosenUnit } from '../units/UnitChooser';
import { useUnitLookup } from '../units/useUnitNames';
import { canWritePlan } from '../../lib/permissions';
import { errorMessage, isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { useIsPhone } from '../../lib/useMediaQuery';
import { ListTable } from '../../layout/ListTable';

interface ProgramGroup {
  programId: string;
  title: string;
  status: string;
  planId: string | null;
  tasks: UnitTask[];
}

function ProgramTasks({
  group,
  unitId,
  openDraftId,
}: {
  group: ProgramGroup;
  unitId: string;
  openDraftId: string | undefined;
}) {
  const me = useMe();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreatePlan(group.programId);
  const lead = group.tasks.filter((t) => t.role === 'lead').length;

  const columns: TableColumnsType<UnitTask> = [
    taskLabelColumn(),
    taskTextColumn('Nhiệm vụ', {
      minWidth: phone ? 200 : 300,
      rows: 2,
      facts:
        phone &&
        ((t) => (
          <Flex wrap gap={6} align="center" className="task-facts-inline">
            <RoleTag role={t.role} />
            <span>
              <Typography.Text type="secondary">Thời hạn: </Typography.Text>
              <DeadlineText deadline={t.deadline} />
            </span>
          </Flex>
        )),
    }),
    {
      title: 'Vai trò',
      dataIndex: 'role',
      responsive: ['sm'],
      render: (v: UnitTask['role']) => <RoleTag role={v} />,
    },
    {
      title: 'Thời hạn',
      key: 'deadline',
      minWidth: 130,
      responsive: ['sm'],
      render: (_, t) => <DeadlineText deadline={t.deadline} />,
    },
  ];

  const start = () =>
    create.mutate(
      { unitId },
      {
        onSuccess: (p) => {
          message.success('Đã lập kế hoạch của đơn vị');
          navigate(`/ke-hoach/${p.id}`);
        },
        onError: (e) => {
          const planId = isApiError(e, 'PLAN_EXISTS')
            ? (e.details as { planId?: string } | undefined)?.planId
            : undefined;
          if (planId) navigate(`/ke-hoach/${planId}`);
        },
      },
    );

  return (
    <Card size="small" data-testid="unit-program" style={{ marginBottom: 16 }}>
      <Flex wrap justify="space-between" gap={12} align="flex-start" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Link to={`/chuong-trinh/${group.programId}`}>
            <Typography.Paragraph
              strong
              ellipsis={{ rows: 2, tooltip: group.title }}
              style={{ margin: 0, color: 'inherit' }}
            >
              {readableTitle(group.title)}
            </Typography.Paragraph>
          </Link>
          <Flex wrap gap={8} align="center" style={{ marginTop: 4 }}>
            <ProgramStatusTag status={group.status} />
            <Typography.Text type="secondary">
              {group.tasks.length} nhiệm vụ: {lead} chủ trì, {group.tasks.length - lead} phối hợp
            </Typography.Text>
          </Flex>
        </div>
        {group.planId ? (
          <Button icon={<FileTextOutlined />} onClick={() => navigate(`/ke-hoach/${group.planId}`)}>
            Xem kế hoạch
          </Button>
        ) : canWritePlan(me, unitId) ? (
          <Flex wrap gap={8}>
            <Button type="primary" icon={<FileAddOutlined />} loading={create.isPending} onClick={start}>
              Lập kế hoạch
            </Button>
            <PlanImportButton programId={group.programId} unitId={unitId} openDraftId={openDraftId} />
          </Flex>
        ) : (
          <Tag color="orange">Chưa lập kế hoạch</Tag>
        )}
      </Flex>
      {create.isError && <ApiErrorAlert error={create.error} />}
      <ListTable<UnitTask> rowKey="nodeId" columns={columns} rows={group.tasks} />
    </Card>
  );
}

function UnitTasks({ unitId }: { unitId: string }) {
  const q = useUnitTasks(unitId);
  const me = useMe();
  // A unit's own open drafts of plan documents (other roles import from "Nhập văn bản").
  const drafts = useOpenPlanDrafts(me.role === 'unit');
  const groups = useMemo(() => {
    const items = q.data?.items ?? [];
    // A unit's own plan is a program too, and the unit leads its items: they are shown on the plan.
    const ownPlans = new Set(items.map((t) => t.planId).filter(Boolean));
    const out = new Map<string, ProgramGroup>();
    for (const t of items) {
      if (ownPlans.has(t.programId)) continue;
      const g = out.get(t.programId) ?? {
        programId: t.programId,
        title: t.programTitle,
        status: t.programStatus,
        planId: t.planId,
        tasks: [],
      };
      g.tasks.push(t);
      out.set(t.programId, g);
    }
    return [...out.values()];
  }, [q.data]);

  if (q.isPending) return <PageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  if (groups.length === 0)
    return (
      <Card>
        <Empty description="Đơn vị chưa được giao nhiệm vụ nào (chủ trì hoặc phối hợp)" />
      </Card>
    );
  const total = groups.reduce((n, g) => n + g.tasks.length, 0);
  const withoutPlan = groups.filter((g) => !g.planId).length;
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <span className="program-count">
          <strong>{total}</strong> nhiệm vụ
        </span>
        <span className="program-count">
          <strong>{groups.length}</strong> chương trình
        </span>
        {withoutPlan > 0 && (
          <span className="program-count warn">
            <strong>{withoutPlan}</strong> chương trình chưa có kế hoạch của đơn vị
          </span>
        )}
      </Flex>
      {groups.map((g) => (
        <ProgramTasks key={g.programId} group={g} unitId={unitId} openDraftId={drafts.get(g.programId)} />
      ))}
    </>
  );
}

/**
 * "Nhiệm vụ của đơn vị": every task a unit leads or cooperates on, by program, with its plan. A unit's
 * own users see their unit; monitors and admins choose one.
 */
export default function UnitTasksPage() {
  const me = useMe();
  const units = useUnitLookup();
  const chosen = useChosenUnit();
  const { own, unitId } = chosen;
  const unitName = unitId ? units.byId(unitId)?.name : undefined;

  return (
    <>
      <PageHeader
        title="Nhiệm vụ của đơn vị"
        subTitle={
          own
            ? `Nhiệm vụ ${me.unitName ?? 'đơn vị'} chủ trì hoặc phối hợp thực hiện, và kế hoạch của đơn vị cho từng chương trình.`
            : 'Chọn đơn vị để xem nhiệm vụ đơn vị chủ trì, phối hợp và kế hoạch thực hiện của đơn vị.'
        }
      />
      <UnitChooser
        chosen={chosen}
        id="unit-tasks-unit"
        label="Đơn vị:"
        extra={unitId && unitName && <Link to={`/don-vi/${unitId}`}>Thông tin đơn vị</Link>}
      />
      {unitId ? (
        <UnitTasks key={unitId} unitId={unitId} />
      ) : (
        !own && (
          <Card>
            <Empty description="Chọn một đơn vị để xem nhiệm vụ" />
          </Card>
        )
      )}
    </>
  );
}
