/**
 * "Kiểm điểm, đánh giá hằng năm" (/kiem-diem): for a program and a year, every unit's figures, its
 * score from the configured weights, its rating and its rank; each number opens its evidence (the
 * program's tasks filtered to the unit, the unit's reports, the obstacles register, the
 * recommendations and the directions of the unit).
 */
import { useMemo } from 'react';
import { Alert, Button, Card, Flex, Popover, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useReview } from './hooks';
import { DocumentPublication } from '../portal/DocumentPublication';
import { reviewFileUrl, type AnnualReview, type ReviewUnit } from './api';
import { usePrograms } from '../programs/hooks';
import { readableTitle } from '../document/labels';
import { PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { ListTable } from '../../layout/ListTable';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { usePatchSearchParams } from '../../lib/useAddressParams';
import { formatIsoDate } from '../../lib/format';
import { NO_DATA, NO_SCORE, RENORMALISATION_RULE, CRITERION_RULES, scoreText } from '../../shared/review';

const TITLE = 'Kiểm điểm, đánh giá hằng năm';
const thisYear = () => Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));

/** A figure that opens its evidence; "x/y" when it is a rate. */
function Evidence({ to, children, testId }: { to: string; children: React.ReactNode; testId?: string }) {
  return (
    <Link to={to} data-testid={testId}>
      {children}
    </Link>
  );
}

const ofTotal = (num: number, den: number) => (den ? `${num}/${den}` : '—');

function columns(r: AnnualReview): TableColumnsType<ReviewUnit> {
  const p = r.program.id;
  const tasks = (u: ReviewUnit, role: 'lead' | 'cooperating') =>
    `/chuong-trinh/${p}?xem=nhiem-vu&don-vi=${u.unitId}&vai-tro=${role}`;
  const obstacles = r.periods[0] ? `/ky-bao-cao/${r.periods[0].id}?xem=kho-khan` : null;
  return [
    { title: 'Hạng', dataIndex: 'rank', width: 64, align: 'center', render: (v: number | null) => v ?? '—' },
    {
      title: 'Cơ quan, đơn vị',
      dataIndex: 'unitName',
      minWidth: 200,
      render: (v: string, u) => <Link to={`/don-vi/${u.unitId}`}>{v}</Link>,
    },
    {
      title: 'Điểm',
      dataIndex: 'score',
      width: 90,
      align: 'center',
      render: (v: number | null, u) => (
        <Popover
          title="Điểm theo tiêu chí"
          content={
            <Flex vertical gap={2} style={{ maxWidth: 360 }}>
              {u.criteria.map((c) => {
                const label = r.criteria.find((x) => x.key === c.key)!.label;
                return (
                  <Typography.Text key={c.key} type={c.rate === null ? 'secondary' : undefined}>
                    {label}:{' '}
                    {c.rate === null
                      ? 'không tính (chưa có số liệu)'
                      : `đạt ${scoreText(Math.round(c.rate * 1000) / 10)}%, ${scoreText(c.points)} điểm`}
                  </Typography.Text>
                );
              })}
            </Flex>
          }
        >
          <strong data-testid={`review-score-${u.unitId}`}>{v === null ? '—' : scoreText(v)}</strong>
        </Popover>
      ),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'rating',
      minWidth: 150,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{NO_SCORE}</Typography.Text>,
    },
    {
      title: 'Nhiệm vụ chủ trì',
      align: 'center',
      render: (_: unknown, u) => <Evidence to={tasks(u, 'lead')}>{u.figures.tasksLed}</Evidence>,
    },
    {
      title: 'Phối hợp',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={tasks(u, 'cooperating')}>{u.figures.tasksCooperated}</Evidence>
      ),
    },
    {
      title: 'Hoàn thành đúng hạn / quá hạn',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={tasks(u, 'lead')} testId={`review-done-${u.unitId}`}>
          {u.figures.doneOnTime} / {u.figures.doneLate}
        </Evidence>
      ),
    },
    {
      title: 'Quá hạn chưa hoàn thành',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={tasks(u, 'lead')}>
          {u.figures.overdue ? <Tag color="red">{u.figures.overdue}</Tag> : 0}
        </Evidence>
      ),
    },
    {
      title: 'Chưa đến hạn',
      align: 'center',
      render: (_: unknown, u) => <Evidence to={tasks(u, 'lead')}>{u.figures.notDue}</Evidence>,
    },
    {
      title: 'Sản phẩm',
      align: 'center',
      render: (_: unknown, u) =>
        u.figures.productNumbers.length ? (
          <Popover
            title="Số, ký hiệu văn bản"
            content={
              <Flex vertical>
                {u.figures.productNumbers.map((n) => (
                  <span key={n}>{n}</span>
                ))}
              </Flex>
            }
          >
            <Link to={`/bao-cao?don-vi=${u.unitId}`}>{u.figures.products}</Link>
          </Popover>
        ) : (
          <Evidence to={`/bao-cao?don-vi=${u.unitId}`}>{u.figures.products}</Evidence>
        ),
    },
    {
      title: 'Báo cáo đúng hạn',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={`/bao-cao?don-vi=${u.unitId}`}>
          {ofTotal(u.figures.reportsOnTime, u.figures.reportsDue)}
        </Evidence>
      ),
    },
    {
      title: 'Khó khăn đã giải quyết',
      align: 'center',
      render: (_: unknown, u) => {
        const text = ofTotal(u.figures.obstaclesResolved, u.figures.obstaclesRaised);
        return obstacles ? <Evidence to={obstacles}>{text}</Evidence> : text;
      },
    },
    {
      title: 'Kiến nghị đã khắc phục',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={`/kien-nghi?unitId=${u.unitId}`}>
          {ofTotal(u.figures.recommendationsClosed, u.figures.recommendationsReceived)}
          {u.figures.recommendationsOverdue > 0 && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {u.figures.recommendationsOverdue} quá hạn
            </Tag>
          )}
        </Evidence>
      ),
    },
    {
      title: 'Ý kiến chỉ đạo trả lời đúng hạn',
      align: 'center',
      render: (_: unknown, u) => (
        <Evidence to={`/y-kien-chi-dao?unitId=${u.unitId}`}>
          {ofTotal(u.figures.directionsOnTime, u.figures.directionsDue)}
        </Evidence>
      ),
    },
    {
      title: 'Sự hài lòng của người dân',
      align: 'center',
      render: (_: unknown, u) =>
        u.figures.citizenSatisfaction === null ? (
          <Typography.Text type="secondary">{NO_DATA}</Typography.Text>
        ) : (
          scoreText(u.figures.citizenSatisfaction)
        ),
    },
  ];
}

function Review({ programId, year }: { programId: string; year: number }) {
  const q = useReview(programId, year);
  const cols = useMemo(() => (q.data ? columns(q.data) : []), [q.data]);
  if (q.isPending) return <PageSpin />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={`Số liệu đến ngày ${formatIsoDate(r.asOf)}, lấy từ báo cáo đã duyệt, sổ khó khăn, vướng mắc, kiến nghị và ý kiến chỉ đạo; không nhập tay.`}
        description={
          <Flex vertical gap={4}>
            <Flex wrap gap={4}>
              {r.criteria
                .filter((c) => c.weight > 0)
                .map((c) => (
                  <Tag key={c.key} title={CRITERION_RULES[c.key]}>
                    {c.label}: {c.weight}
                  </Tag>
                ))}
            </Flex>
            <Typography.Text type="secondary">{RENORMALISATION_RULE}</Typography.Text>
          </Flex>
        }
      />
      <Card size="small" title={`Xếp hạng năm ${r.year}`}>
        <ListTable<ReviewUnit>
          rows={r.units}
          rowKey="unitId"
          columns={cols}
          pageSize={50}
          empty="Chưa có cơ quan, đơn vị nào được giao nhiệm vụ của chương trình này"
          data-testid="review-table"
        />
      </Card>
    </Flex>
  );
}

export default function ReviewPage() {
  const programs = usePrograms();
  const [sp] = useSearchParams();
  const patch = usePatchSearchParams<'chuong-trinh' | 'nam'>();
  const now = thisYear();
  const year = Number(sp.get('nam')) || now;
  const list = (programs.data?.items ?? []).filter((p) => p.status === 'implementing');
  const programId = sp.get('chuong-trinh') ?? list[0]?.id;
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageHeader
        title={TITLE}
        subTitle="Kết quả thực hiện nhiệm vụ được giao bằng sản phẩm cụ thể của từng cơ quan, đơn vị"
        extra={
          programId && (
            <Flex wrap gap={8}>
              <Button
                icon={<FileWordOutlined />}
                href={reviewFileUrl(programId, year, 'docx')}
                download
                data-testid="review-download-docx"
              >
                Báo cáo kiểm điểm .docx
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                href={reviewFileUrl(programId, year, 'xlsx')}
                download
                data-testid="review-download-xlsx"
              >
                Bảng đánh giá .xlsx
              </Button>
            </Flex>
          )
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="review-program">Chương trình</label>
        <Select
          id="review-program"
          style={{ minWidth: 320, maxWidth: '100%' }}
          loading={programs.isPending}
          value={programId}
          onChange={(v: string) => patch({ 'chuong-trinh': v })}
          options={list.map((p) => ({ value: p.id, label: readableTitle(p.title) }))}
          placeholder="Chọn chương trình đang triển khai"
          data-testid="review-program"
        />
        <label htmlFor="review-year">Năm</label>
        <Select
          id="review-year"
          style={{ width: 110 }}
          value={year}
          onChange={(v: number) => patch({ nam: v === now ? null : String(v) })}
          options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))}
          data-testid="review-year"
        />
      </Flex>
      {programs.isError && <ApiErrorAlert error={programs.error} />}
      {programId && year <= now && (
        <DocumentPublication
          programId={programId}
          input={{ kind: 'review', year, programId }}
          matches={(d) => d.kind === 'review' && d.year === year}
          what={`báo cáo kiểm điểm năm ${year}`}
        />
      )}
      {programId ? (
        <Review programId={programId} year={year} />
      ) : (
        !programs.isPending && (
          <Alert
            type="info"
            showIcon
            title="Chưa có chương trình nào đang triển khai để kiểm điểm, đánh giá."
          />
        )
      )}
    </>
  );
}
