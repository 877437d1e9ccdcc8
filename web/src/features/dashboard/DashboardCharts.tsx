/**
 * The dashboard's charts (ECharts core with only bar, pie, grid, tooltip, legend and canvas). Loaded
 * on its own so the rest of the period page does not wait for the chart library.
 */
import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useNavigate } from 'react-router';
import { EChart, type ChartOption } from './EChart';
import type { Dashboard } from './api';
import type { ReportingRules } from '../periods/api';
import { percentText } from './labels';
import { useIsPhone, useWindowWidth } from '../../lib/useMediaQuery';

type Option = ChartOption;

const STATUS_COLORS: Record<string, string> = {
  not_started: '#bfbfbf',
  in_progress: '#1677ff',
  done: '#52c41a',
  paused: '#fa8c16',
  obsolete: '#8c8c8c',
};

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

function barColor(p: number): string {
  return p >= 100 ? '#52c41a' : p >= 50 ? '#1677ff' : p > 0 ? '#faad14' : '#d9d9d9';
}

/**
 * Horizontal bars of percentages, first item at the top. Names sit left of the bars in `leftWidth`
 * pixels, or with `leftWidth` null (a phone) above each bar across the whole width, so a long name
 * neither overlaps its neighbours nor squeezes the bars.
 */
function percentBars(
  items: { name: string; full: string; value: number; detail: string }[],
  leftWidth: number | null,
  width = 0,
): Option {
  const above = leftWidth === null;
  return {
    textStyle: { fontFamily: FONT },
    grid: {
      left: 8,
      right: above ? 48 : 56,
      top: above ? 20 : 8,
      bottom: 24,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        const it = items[i];
        return it
          ? `<div style="max-width:320px;white-space:normal"><b>${escapeHtml(it.full)}</b><br/>Hoàn thành: ${percentText(it.value)}<br/>${escapeHtml(it.detail)}</div>`
          : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      ...(above ? { interval: 25 } : {}),
      axisLabel: { formatter: '{value}%', hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((x) => x.name),
      axisTick: { show: !above },
      axisLabel: above
        ? {
            inside: true,
            verticalAlign: 'bottom',
            align: 'left',
            padding: [0, 0, 10, 0],
            width: Math.max(120, width - 24),
            overflow: 'truncate',
            color: 'rgba(0,0,0,0.75)',
          }
        : { width: leftWidth, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: above ? 12 : 18,
        data: items.map((x) => ({ value: x.value, itemStyle: { color: barColor(x.value) } })),
        label: { show: true, position: 'right', formatter: (p) => percentText(Number(p.value)) },
      },
    ],
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rows of 30 px, or 44 px when each name is written above its bar. */
const heightFor = (n: number, above = false) => Math.max(160, (above ? 52 : 40) + n * (above ? 44 : 30));

export default function DashboardCharts({
  data,
  rules,
}: {
  data: Dashboard;
  rules: ReportingRules | undefined;
}) {
  const navigate = useNavigate();
  const phone = useIsPhone();
  const width = useWindowWidth();
  const groups = useMemo(
    () =>
      data.byGroup.map((g) => ({
        name: g.label ?? 'Khác',
        full: `${g.label ?? ''} ${g.title ?? 'Nhiệm vụ không thuộc nhóm'}`.trim(),
        value: g.percent,
        detail: `${g.tasks} nhiệm vụ, ${g.done} đã hoàn thành, ${g.late} quá hạn`,
      })),
    [data],
  );
  const units = useMemo(
    () =>
      data.byUnit.map((u) => ({
        name: u.unitName,
        full: u.unitName,
        value: u.percent,
        detail: `Chủ trì ${u.tasks} nhiệm vụ, ${u.done} đã hoàn thành, ${u.late} quá hạn`,
      })),
    [data],
  );
  const statuses = useMemo(() => Object.entries(data.statusCounts).filter(([, n]) => n > 0), [data]);
  const groupOption = useMemo(() => percentBars(groups, 64), [groups]);
  // On a phone the chart spans the screen less the page's and the card's padding.
  const unitOption = useMemo(() => percentBars(units, phone ? null : 220, width - 48), [units, phone, width]);
  const pie = useMemo<Option>(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'item', formatter: '{b}: {c} nhiệm vụ ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: { formatter: '{c}' },
          data: statuses.map(([s, n]) => ({
            name: rules?.statuses[s]?.label ?? s,
            value: n,
            itemStyle: { color: STATUS_COLORS[s] ?? '#13c2c2' },
          })),
        },
      ],
    }),
    [statuses, rules],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title="Tỷ lệ hoàn thành theo nhóm nhiệm vụ" data-testid="chart-groups">
          {groups.length ? (
            <EChart
              option={groupOption}
              height={heightFor(groups.length)}
              label={`Tỷ lệ hoàn thành theo nhóm nhiệm vụ: ${groups.map((g) => `${g.name} ${percentText(g.value)}`).join('; ')}`}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có nhóm nhiệm vụ" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="Tình trạng các nhiệm vụ" data-testid="chart-statuses">
          {statuses.length ? (
            <EChart
              option={pie}
              height={280}
              label={`Tình trạng các nhiệm vụ: ${statuses.map(([s, n]) => `${rules?.statuses[s]?.label ?? s} ${n}`).join('; ')}`}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có nhiệm vụ" />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title="Tỷ lệ hoàn thành theo đơn vị chủ trì"
          extra={
            phone ? undefined : (
              <span style={{ fontSize: 12, opacity: 0.65 }}>Bấm vào cột để mở báo cáo của đơn vị</span>
            )
          }
          data-testid="chart-units"
        >
          {units.length ? (
            <EChart
              option={unitOption}
              height={heightFor(units.length, phone)}
              label={`Tỷ lệ hoàn thành theo đơn vị chủ trì: ${units.map((u) => `${u.name} ${percentText(u.value)}`).join('; ')}`}
              onClick={(p) => {
                const ob = data.byUnit[p.dataIndex]?.obligationId;
                if (ob) navigate(`/bao-cao/${ob}`);
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có đơn vị chủ trì" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
