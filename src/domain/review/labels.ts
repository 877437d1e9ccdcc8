/**
 * The words of the annual review, shared by the page, the .xlsx and the .docx: each figure's label in
 * the order they are shown, and how each criterion's rate is counted. Pure.
 */
import type { Criterion, UnitFigures } from './scoring.js';

/** The counted figures, in the order of the table (document numbers and satisfaction apart). */
export const FIGURE_COLUMNS = [
  ['tasksLed', 'Nhiệm vụ chủ trì'],
  ['tasksCooperated', 'Nhiệm vụ phối hợp'],
  ['doneOnTime', 'Hoàn thành đúng hạn'],
  ['doneLate', 'Hoàn thành quá hạn'],
  ['overdue', 'Quá hạn chưa hoàn thành'],
  ['notDue', 'Chưa đến hạn'],
  ['products', 'Sản phẩm đã hoàn thành'],
  ['reportsDue', 'Báo cáo phải gửi'],
  ['reportsOnTime', 'Báo cáo gửi đúng hạn'],
  ['obstaclesRaised', 'Khó khăn, vướng mắc đã nêu'],
  ['obstaclesResolved', 'Khó khăn, vướng mắc đã giải quyết'],
  ['recommendationsReceived', 'Kiến nghị phải thực hiện'],
  ['recommendationsClosed', 'Kiến nghị đã khắc phục xong'],
  ['recommendationsOverdue', 'Kiến nghị quá hạn chưa khắc phục'],
  ['directionsReceived', 'Ý kiến chỉ đạo cần thực hiện'],
  ['directionsDue', 'Ý kiến chỉ đạo đã đến hạn'],
  ['directionsOnTime', 'Ý kiến chỉ đạo trả lời đúng hạn'],
] as const satisfies readonly (readonly [keyof UnitFigures, string])[];

export type CountedFigure = (typeof FIGURE_COLUMNS)[number][0];

export const PRODUCT_NUMBERS_LABEL = 'Số, ký hiệu văn bản sản phẩm';
export const SATISFACTION_LABEL = 'Sự hài lòng của người dân';
export const NO_DATA = 'chưa có dữ liệu';
export const NO_SCORE = 'Chưa đủ dữ liệu đánh giá';

/** How a criterion's rate is counted (numerator / denominator). */
export const CRITERION_RULES: Record<Criterion, string> = {
  tasksOnTime:
    'Nhiệm vụ chủ trì hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn thành); nhiệm vụ chưa đến hạn không tính',
  reportsOnTime: 'Báo cáo gửi đúng hạn / báo cáo phải gửi (các kỳ báo cáo trong năm đã đến hạn hoặc đã gửi)',
  recommendationsClosed: 'Kiến nghị đã khắc phục xong / kiến nghị phải thực hiện trong năm',
  directionsOnTime: 'Ý kiến chỉ đạo trả lời đúng hạn / ý kiến chỉ đạo đã đến hạn hoặc đã trả lời',
  obstaclesResolved: 'Khó khăn, vướng mắc đã giải quyết / khó khăn, vướng mắc nêu ra trong năm',
  citizenSatisfaction: 'Điểm hài lòng của người dân (0–100); chưa tính khi chưa có dữ liệu',
};

export const RENORMALISATION_RULE =
  'Tiêu chí không có số liệu để tính (mẫu số bằng 0) được bỏ qua; trọng số của các tiêu chí còn lại được chia lại theo tỷ lệ để tổng bằng 100%. Điểm = 100 × Σ(trọng số × tỷ lệ đạt) / Σ(trọng số), làm tròn một chữ số thập phân.';

/** "83,3" */
export const scoreText = (s: number | null) =>
  s === null ? NO_SCORE : s.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
