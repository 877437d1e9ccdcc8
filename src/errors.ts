/**
 * Stable error codes. Every error a client sees is `{ code, message, details? }` with one of these
 * codes and a Vietnamese message. Codes never change meaning; add new ones instead.
 */
export const ERRORS = {
  // request shape
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'Invalid request data' },
  INVALID_JSON: { status: 400, vi: 'Nội dung JSON không đọc được', en: 'Malformed JSON body' },
  BODY_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ',
    en: 'Unsupported media type',
  },
  CROSS_SITE_REQUEST: {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không được gửi từ trang của ứng dụng; hãy mở ứng dụng từ địa chỉ chính thức rồi thử lại',
    en: "Refused: a state-changing request must come from the app's own pages (Origin / Sec-Fetch-Site)",
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Đường dẫn API không tồn tại', en: 'No such API route' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  // authentication
  AUTH_REQUIRED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Login required' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  AUTH_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
    en: 'Too many failed logins, try again later',
  },
  AUTH_USER_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa', en: 'Account disabled' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu dùng một lần trước khi tiếp tục',
    en: 'Change your one-time password first',
  },
  PASSWORD_WRONG: { status: 400, vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
  PASSWORD_WEAK: {
    status: 400,
    vi: 'Mật khẩu mới phải dài ít nhất 10 ký tự, có chữ và số, và khác mật khẩu cũ',
    en: 'New password must be at least 10 characters, with letters and digits, and differ from the old one',
  },
  // authorization
  FORBIDDEN_ROLE: {
    status: 403,
    vi: 'Vai trò của bạn không được phép thực hiện thao tác này',
    en: 'Your role may not do this',
  },
  FORBIDDEN_UNIT_SCOPE: {
    status: 403,
    vi: 'Bạn chỉ được thao tác trên dữ liệu của đơn vị mình',
    en: "You may act only on your own unit's data",
  },
  FORBIDDEN_BODY_SCOPE: {
    status: 403,
    vi: 'Bạn chỉ được thao tác trên kế hoạch kiểm tra, giám sát của cơ quan mình',
    en: "You may act only on your own body's inspection plans",
  },
  // state
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi, vui lòng tải lại',
    en: 'Changed by someone else; reload',
  },
  // units
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  UNIT_CODE_TAKEN: { status: 409, vi: 'Mã đơn vị đã được dùng', en: 'Unit code already in use' },
  UNIT_PARENT_INVALID: {
    status: 400,
    vi: 'Đơn vị cấp trên không hợp lệ (không tồn tại hoặc tạo vòng lặp)',
    en: 'Invalid parent unit (missing or cyclic)',
  },
  UNIT_CSV_INVALID: {
    status: 400,
    vi: 'Tệp CSV có lỗi, chưa có dòng nào được nhập',
    en: 'The CSV has errors; nothing was imported',
  },
  // users
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người dùng', en: 'User not found' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã được dùng', en: 'Username already in use' },
  USER_UNIT_REQUIRED: {
    status: 400,
    vi: 'Người dùng vai trò đơn vị phải thuộc một đơn vị đang hoạt động',
    en: 'A unit user must belong to an active unit',
  },
  USER_SELF_DISABLE: {
    status: 400,
    vi: 'Không thể tự khóa tài khoản của mình',
    en: 'You cannot disable yourself',
  },
  LAST_ADMIN: {
    status: 400,
    vi: 'Phải còn ít nhất một quản trị đang hoạt động',
    en: 'At least one active administrator must remain',
  },
  // importing documents
  IMPORT_EMPTY: { status: 400, vi: 'Văn bản trống, không có gì để nhập', en: 'The document is empty' },
  IMPORT_NOT_TEXT: {
    status: 400,
    vi: 'Tệp không phải văn bản UTF-8 hoặc .docx; hãy lưu lại dưới dạng UTF-8 hoặc .docx',
    en: 'Not UTF-8 text or .docx',
  },
  IMPORT_TOO_LARGE: { status: 413, vi: 'Văn bản lớn hơn giới hạn 10 MB', en: 'Document larger than 10 MB' },
  IMPORT_NO_STRUCTURE: {
    status: 400,
    vi: 'Không nhận ra cấu trúc văn bản (phần, mục, gạch đầu dòng hay bảng nhiệm vụ)',
    en: 'No structure found in the document',
  },
  IMPORT_BAD_DOCX: { status: 400, vi: 'Tệp .docx không hợp lệ hoặc bị hỏng', en: 'Invalid or damaged .docx' },
  IMPORT_DOCX_LIMIT: {
    status: 413,
    vi: 'Tệp .docx giải nén ra quá lớn, có quá nhiều phần hoặc tỷ lệ nén bất thường',
    en: 'The .docx inflates beyond the limits (size, entries or ratio)',
  },
  IMPORT_TOO_COMPLEX: {
    status: 422,
    vi: 'Văn bản quá lớn hoặc quá phức tạp để đọc trong thời gian cho phép',
    en: 'The document is too large or complex to read in the time allowed',
  },
  IMPORT_BUSY: {
    status: 503,
    vi: 'Máy chủ đang đọc nhiều văn bản cùng lúc; hãy thử lại sau ít phút',
    en: 'Too many documents being read at once; try again shortly',
  },
  IMPORT_BAD_PDF: {
    status: 400,
    vi: 'Tệp PDF không hợp lệ, bị hỏng hoặc đã đặt mật khẩu',
    en: 'Invalid, damaged or password-protected PDF',
  },
  IMPORT_OCR_UNAVAILABLE: {
    status: 422,
    vi: 'Văn bản là bản quét (ảnh), máy chủ chưa cài công cụ nhận dạng chữ (OCR)',
    en: 'A scanned PDF, and no OCR (tesseract with Vietnamese data) is installed on the server',
  },
  IMPORT_OCR_TOO_LONG: {
    status: 422,
    vi: 'Bản quét có quá nhiều trang hoặc một trang đọc quá lâu để nhận dạng chữ (OCR)',
    en: 'The scan has too many pages, or a page took too long to OCR',
  },
  IMPORT_INTERRUPTED: {
    status: 422,
    vi: 'Việc đọc văn bản bị gián đoạn; hãy tải lên lại',
    en: 'Reading the document was interrupted; upload it again',
  },
  IMPORT_EDIT_INVALID: {
    status: 400,
    vi: 'Không thực hiện được thao tác sửa cấu trúc',
    en: 'Invalid correction',
  },
  IMPORT_DRAFT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản nhập', en: 'Import draft not found' },
  IMPORT_DRAFT_CLOSED: {
    status: 409,
    vi: 'Bản nhập đã được ban hành hoặc đã hủy, không sửa được nữa',
    en: 'The draft was already published or discarded',
  },
  IMPORT_NO_TASKS: {
    status: 400,
    vi: 'Văn bản chưa có nhiệm vụ nào; hãy sửa cấu trúc trước khi ban hành',
    en: 'No tasks in the document',
  },
  PROGRAM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chương trình', en: 'Program not found' },
  // the public portal (issue 14)
  PORTAL_PLAN_NOT_PUBLISHABLE: {
    status: 400,
    vi: 'Chỉ công khai chương trình, kế hoạch chung; kế hoạch riêng của đơn vị không công khai ở đây',
    en: 'Only programs, not units’ own plans, are published on the portal',
  },
  PUBLIC_NOT_FOUND: {
    status: 404,
    vi: 'Không có thông tin công khai này (chưa công khai hoặc không tồn tại)',
    en: 'No such public record',
  },
  PUBLIC_READ_ONLY: {
    status: 405,
    vi: 'Cổng công khai chỉ cho phép xem, không nhận dữ liệu gửi lên',
    en: 'The public portal is read-only',
  },
  PUBLIC_RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu từ địa chỉ của bạn; vui lòng thử lại sau ít phút',
    en: 'Too many requests; try again shortly',
  },
  PUBLIC_FILE_NOT_CITED: {
    status: 404,
    vi: 'Báo cáo này không có tệp minh chứng do đơn vị tải lên với mã này',
    en: 'The report’s unit uploaded no such evidence file',
  },
  PUBLIC_PROGRAM_NOT_PUBLIC: {
    status: 409,
    vi: 'Chương trình chưa được công khai trên cổng thông tin; hãy công khai chương trình trước khi công bố tài liệu',
    en: 'The program is not public on the portal',
  },
  PUBLIC_CONSOLIDATION_NOT_APPROVED: {
    status: 409,
    vi: 'Chỉ công bố báo cáo tổng hợp đã được ký duyệt',
    en: 'Only an approved consolidated report can be published',
  },
  PUBLIC_DOCUMENT_ALREADY_PUBLISHED: {
    status: 409,
    vi: 'Tài liệu này đang được công bố trên cổng công khai; hãy thu hồi bản đang công bố trước khi công bố lại',
    en: 'This document is already published',
  },
  PUBLIC_DOCUMENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tài liệu đã công bố',
    en: 'Published document not found',
  },
  PUBLIC_REVIEW_YEAR_NOT_STARTED: {
    status: 400,
    vi: 'Năm kiểm điểm chưa bắt đầu; chỉ công bố kiểm điểm của năm hiện tại hoặc các năm trước',
    en: 'The review year has not started',
  },
  // assignments
  TASK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhiệm vụ', en: 'Task not found' },
  ASSIGN_TWO_LEADS: {
    status: 400,
    vi: 'Một việc chỉ giao cho một cơ quan chủ trì',
    en: 'A task has exactly one lead unit',
  },
  ASSIGN_LEAD_IS_COOPERATING: {
    status: 400,
    vi: 'Cơ quan chủ trì không thể đồng thời là cơ quan phối hợp',
    en: 'The lead unit cannot also cooperate',
  },
  ASSIGN_DUPLICATE_COOPERATING: {
    status: 400,
    vi: 'Cơ quan phối hợp bị lặp lại',
    en: 'A cooperating unit is listed twice',
  },
  ASSIGN_UNIT_OUT_OF_SCOPE: {
    status: 403,
    vi: 'Đơn vị chỉ được giao nhiệm vụ cho chính mình và các đơn vị cấp dưới trực thuộc',
    en: 'A unit may assign tasks only to itself and to the units below it',
  },
  ASSIGN_UNIT_INACTIVE: {
    status: 400,
    vi: 'Không giao nhiệm vụ cho đơn vị đã ngừng hoạt động',
    en: 'Cannot assign a disabled unit',
  },
  ASSIGN_DEADLINE_INVALID: { status: 400, vi: 'Thời hạn không hợp lệ', en: 'Invalid deadline' },
  ASSIGN_DEADLINE_BEFORE_PROGRAM: {
    status: 400,
    vi: 'Thời hạn không được trước ngày ban hành chương trình',
    en: 'The deadline is before the program date',
  },
  ASSIGN_PRODUCT_INVALID: {
    status: 400,
    vi: 'Sản phẩm không hợp lệ (thiếu mô tả hoặc sai ngày)',
    en: 'Invalid product',
  },
  ASSIGN_FOCAL_INVALID: {
    status: 400,
    vi: 'Người đầu mối phải là người dùng của đơn vị chủ trì',
    en: 'The focal user must belong to the lead unit',
  },
  ASSIGN_REASON_REQUIRED: {
    status: 400,
    vi: 'Chương trình đã triển khai: thay đổi cơ quan chủ trì, thời hạn hoặc sản phẩm phải nêu lý do',
    en: 'A reason is required to change a lead, deadline or product after implementation started',
  },
  ASSIGN_BULK_FAILED: {
    status: 400,
    vi: 'Không lưu được: có nhiệm vụ không hợp lệ, không nhiệm vụ nào được thay đổi',
    en: 'Some tasks are invalid; no task was changed',
  },
  ASSIGN_BULK_CONFLICT: {
    status: 409,
    vi: 'Có nhiệm vụ đã được người khác thay đổi, không nhiệm vụ nào được lưu. Vui lòng tải lại rồi thử lại',
    en: 'Some tasks were changed meanwhile; no task was changed',
  },
  ASSIGN_BULK_EMPTY: {
    status: 400,
    vi: 'Chọn ít nhất một nội dung cần đặt cho các nhiệm vụ',
    en: 'Nothing to set',
  },
  PROGRAM_INCOMPLETE: {
    status: 400,
    vi: 'Chưa thể triển khai: còn nhiệm vụ chưa có cơ quan chủ trì hoặc thời hạn',
    en: 'Some tasks have no lead or no deadline',
  },
  PROGRAM_ALREADY_IMPLEMENTING: {
    status: 409,
    vi: 'Chương trình đã được triển khai',
    en: 'Already in implementation',
  },
  // unit plans
  PLAN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kế hoạch của đơn vị', en: 'Unit plan not found' },
  PLAN_UNIT_HAS_NO_TASKS: {
    status: 400,
    vi: 'Đơn vị không chủ trì hay phối hợp nhiệm vụ nào của chương trình này',
    en: 'The unit carries no task of this program',
  },
  PLAN_TASK_NOT_CARRIED: {
    status: 400,
    vi: 'Mục kế hoạch chỉ gắn được với nhiệm vụ mà đơn vị chủ trì hoặc phối hợp',
    en: 'A plan item can only link to tasks the unit carries',
  },
  PLAN_EXISTS: {
    status: 409,
    vi: 'Đơn vị đã có kế hoạch thực hiện chương trình này',
    en: 'The unit already has a plan',
  },
  // reporting
  PROGRAM_NOT_IMPLEMENTING: {
    status: 409,
    vi: 'Chương trình chưa được triển khai: hãy "Triển khai" trước khi mở kỳ báo cáo',
    en: 'Put the program into implementation before opening a reporting period',
  },
  PERIOD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kỳ báo cáo', en: 'Reporting period not found' },
  PERIOD_EXISTS: {
    status: 409,
    vi: 'Kỳ báo cáo này đã được mở',
    en: 'This reporting period is already open',
  },
  PERIOD_INVALID: { status: 400, vi: 'Kỳ báo cáo không hợp lệ', en: 'Invalid reporting period' },
  PERIOD_CLOSED: {
    status: 409,
    vi: 'Kỳ báo cáo đã đóng, không nhận thêm báo cáo',
    en: 'The reporting period is closed',
  },
  OBLIGATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo của đơn vị', en: 'Unit report not found' },
  REPORT_READ_ONLY: {
    status: 409,
    vi: 'Báo cáo đã nộp chỉ được xem; chỉ có thể thay bằng phiên bản mới khi bị trả lại',
    en: 'A submitted report is read-only',
  },
  REPORT_TASK_NOT_CARRIED: {
    status: 400,
    vi: 'Đơn vị không chủ trì hoặc phối hợp nhiệm vụ này trong kỳ',
    en: 'The unit does not carry this task in the period',
  },
  REPORT_STATUS_UNKNOWN: { status: 400, vi: 'Trạng thái không có trong danh mục', en: 'Unknown status' },
  REPORT_PERCENT_OUT_OF_RANGE: {
    status: 400,
    vi: 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100',
    en: 'Percent must be an integer from 0 to 100',
  },
  REPORT_REASON_REQUIRED: {
    status: 400,
    vi: 'Trạng thái "Tạm dừng" hoặc "Không còn phù hợp" cần nêu lý do',
    en: 'A reason is required for paused or obsolete tasks',
  },
  REPORT_DONE_NEEDS_RESULT: {
    status: 400,
    vi: 'Nhiệm vụ "Đã hoàn thành" phải có kết quả đạt được hoặc ít nhất một sản phẩm',
    en: 'A done task needs a result or a product',
  },
  REPORT_INCOMPLETE: {
    status: 400,
    vi: 'Báo cáo chưa đủ: còn nhiệm vụ chủ trì chưa có trạng thái',
    en: 'Some led tasks have no status',
  },
  REPORT_NOT_PENDING: {
    status: 409,
    vi: 'Chỉ xem xét được báo cáo đã nộp và đang chờ duyệt',
    en: 'Only a submitted report awaiting review can be reviewed',
  },
  REPORT_VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên bản báo cáo',
    en: 'Report version not found',
  },
  REPORT_RETURN_NEEDS_COMMENT: {
    status: 400,
    vi: 'Trả lại báo cáo cần có ý kiến chung hoặc ý kiến cho từng nhiệm vụ',
    en: 'Returning a report needs a comment',
  },
  FILE_TYPE_FORBIDDEN: {
    status: 415,
    vi: 'Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx) và ảnh (PNG, JPEG)',
    en: 'Only PDF, Word, Excel and PNG/JPEG images are accepted',
  },
  FILE_TOO_LARGE: { status: 413, vi: 'Tệp vượt quá dung lượng cho phép', en: 'File too large' },
  FILE_EMPTY: { status: 400, vi: 'Tệp rỗng', en: 'Empty file' },
  FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp', en: 'File not found' },
  FILE_EXTENSION_MISMATCH: {
    status: 415,
    vi: 'Phần mở rộng của tên tệp không khớp với nội dung tệp; hãy đổi tên tệp cho đúng loại',
    en: "The file name's extension does not match the file's content",
  },
  FILE_NOT_UPLOADED_BY_UNIT: {
    status: 400,
    vi: 'Chỉ đính kèm được tệp do chính đơn vị tải lên; hãy tải tệp lên trong báo cáo của đơn vị',
    en: 'A report may reference only files its own unit uploaded',
  },
  FILE_REPORT_ACCEPTED: {
    status: 409,
    vi: 'Báo cáo đã được duyệt, không tải thêm tệp minh chứng',
    en: 'The report is accepted: no more evidence files',
  },
  FILE_QUOTA_EXCEEDED: {
    status: 413,
    vi: 'Đơn vị đã dùng hết dung lượng tệp minh chứng cho kỳ báo cáo này',
    en: "The unit's evidence quota for this period is used up",
  },
  OBSTACLE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khó khăn, vướng mắc', en: 'Obstacle not found' },
  OBSTACLE_INVALID_STEP: {
    status: 409,
    vi: 'Không thể chuyển khó khăn, vướng mắc sang trạng thái này',
    en: 'Invalid obstacle transition',
  },
  CONSOLIDATION_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có dự thảo báo cáo tổng hợp của kỳ này',
    en: 'No consolidated report draft for this period',
  },
  CONSOLIDATION_AWAITING_APPROVAL: {
    status: 409,
    vi: 'Báo cáo tổng hợp đang chờ lãnh đạo duyệt nên không sửa, lập lại hay trình lại được; hãy chờ lãnh đạo ký duyệt hoặc trả lại',
    en: 'The consolidated report awaits approval: it cannot be edited, regenerated or sent again',
  },
  CONSOLIDATION_APPROVED: {
    status: 409,
    vi: 'Báo cáo tổng hợp đã được ký duyệt nên chỉ được xem; muốn sửa, hãy tạo bản sửa đổi',
    en: 'The consolidated report is approved and read-only; start a revision to correct it',
  },
  CONSOLIDATION_NOT_SENT: {
    status: 409,
    vi: 'Báo cáo tổng hợp chưa được trình duyệt nên không ký duyệt hay trả lại được',
    en: 'The consolidated report has not been sent for approval',
  },
  CONSOLIDATION_CHANGED_SINCE_SENT: {
    status: 409,
    vi: 'Bản báo cáo tổng hợp đang xem không phải bản đã trình duyệt (dự thảo đã thay đổi từ khi trình); hãy tải lại để xem bản mới nhất',
    en: 'The version shown is not the one sent for approval',
  },
  CONSOLIDATION_NOT_APPROVED: {
    status: 409,
    vi: 'Chỉ tạo bản sửa đổi từ báo cáo tổng hợp đã được ký duyệt',
    en: 'Only an approved consolidated report can be revised',
  },
  NOTIFICATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thông báo', en: 'Notification not found' },
  REPORT_ALREADY_STARTED: {
    status: 409,
    vi: 'Báo cáo đã có bản nháp hoặc đã nộp; không sao chép từ kỳ trước được nữa',
    en: 'The report already has a draft or a version',
  },
  REPORT_NOTHING_TO_COPY: {
    status: 409,
    vi: 'Đơn vị chưa có báo cáo kỳ trước được chấp nhận để sao chép',
    en: 'No earlier accepted report to copy',
  },
  // ---- inspections: plans, visits, conclusions (issue 13, points 1–3) ----
  INSPECTION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy kế hoạch kiểm tra, giám sát',
    en: 'Inspection plan not found',
  },
  INSPECTION_PLAN_NOT_DRAFT: {
    status: 409,
    vi: 'Kế hoạch kiểm tra, giám sát đã được ban hành nên không sửa được nữa',
    en: 'The inspection plan is no longer a draft',
  },
  INSPECTION_PLAN_NOT_ACTIVE: {
    status: 409,
    vi: 'Kế hoạch kiểm tra, giám sát không ở trạng thái đang thực hiện',
    en: 'The inspection plan is not active',
  },
  INSPECTION_PLAN_INVALID: {
    status: 400,
    vi: 'Kế hoạch kiểm tra, giám sát chưa hợp lệ',
    en: 'The inspection plan is not valid',
  },
  INSPECTION_SUBJECT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đối tượng kiểm tra, giám sát trong kế hoạch',
    en: 'Inspection subject not found',
  },
  INSPECTION_VISIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đợt làm việc',
    en: 'Inspection visit not found',
  },
  INSPECTION_DOCUMENT_INVALID: {
    status: 400,
    vi: 'Tài liệu được xem xét không thuộc đơn vị được kiểm tra, giám sát',
    en: 'The examined document is not of the inspected unit',
  },
  INSPECTION_FILE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tệp đính kèm',
    en: 'Attached file not found',
  },
  CONCLUSION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kết luận', en: 'Conclusion not found' },
  CONCLUSION_ISSUED: {
    status: 409,
    vi: 'Kết luận đã ban hành nên chỉ được xem; muốn sửa, hãy tạo bản sửa đổi',
    en: 'The conclusion is issued and read-only; start a revision to correct it',
  },
  CONCLUSION_NOT_ISSUED: {
    status: 409,
    vi: 'Chỉ tạo bản sửa đổi từ kết luận đang có hiệu lực (đã ban hành)',
    en: 'Only an issued conclusion can be revised',
  },
  CONCLUSION_DRAFT_EXISTS: {
    status: 409,
    vi: 'Kế hoạch đã có một dự thảo kết luận; hãy hoàn thiện dự thảo đó',
    en: 'The plan already has a draft conclusion',
  },
  CONCLUSION_NO_FINDING: {
    status: 400,
    vi: 'Kết luận phải có ít nhất một nội dung kết luận (phát hiện) mới ban hành được',
    en: 'A conclusion needs at least one finding',
  },
  CONCLUSION_FINDING_INVALID: {
    status: 400,
    vi: 'Nội dung kết luận phải gắn với một đơn vị là đối tượng của kế hoạch',
    en: 'A finding must concern a subject unit of the plan',
  },
  RECOMMENDATION_INVALID: {
    status: 400,
    vi: 'Kiến nghị phải có nội dung, đơn vị chịu trách nhiệm và thời hạn',
    en: 'A recommendation needs a text, a responsible unit and a deadline',
  },
  RECOMMENDATION_DUE_BEFORE_ISSUE: {
    status: 400,
    vi: 'Thời hạn thực hiện kiến nghị không được trước ngày ban hành kết luận',
    en: "A recommendation's deadline is before the conclusion's date",
  },
  // the leader's directions (issue 13 point 5)
  DIRECTION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ý kiến chỉ đạo', en: 'Direction not found' },
  DIRECTION_TARGET_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nhiệm vụ, báo cáo, khó khăn vướng mắc, đơn vị hoặc chương trình được chỉ đạo',
    en: 'The target of the direction was not found',
  },
  DIRECTION_UNITS_REQUIRED: {
    status: 400,
    vi: 'Hãy chọn ít nhất một đơn vị nhận ý kiến chỉ đạo',
    en: 'Choose at least one unit to address the direction to',
  },
  DIRECTION_DUE_REQUIRED: {
    status: 400,
    vi: 'Ý kiến chỉ đạo yêu cầu thực hiện phải có thời hạn',
    en: 'A direction that asks for action needs a due date',
  },
  DIRECTION_DUE_PAST: {
    status: 400,
    vi: 'Thời hạn thực hiện ý kiến chỉ đạo không được trước ngày hôm nay',
    en: 'The due date of a direction cannot be before today',
  },
  DIRECTION_TEXT_REQUIRED: {
    status: 400,
    vi: 'Hãy nhập nội dung (ý kiến chỉ đạo, nội dung trả lời hoặc ý kiến khi trả lại)',
    en: 'The text is required',
  },
  DIRECTION_INVALID_STEP: {
    status: 409,
    vi: 'Không thể chuyển việc thực hiện ý kiến chỉ đạo của đơn vị sang trạng thái này',
    en: 'Invalid step for this follow-up of the direction',
  },
  // corrective actions on recommendations (issue 13, point 4)
  RECOMMENDATION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy kiến nghị',
    en: 'Recommendation not found',
  },
  RECOMMENDATION_NOT_ISSUED: {
    status: 409,
    vi: 'Kết luận chứa kiến nghị này chưa được ban hành (hoặc đã được thay thế)',
    en: 'The conclusion of this recommendation is not issued',
  },
  RECOMMENDATION_CLOSED: {
    status: 409,
    vi: 'Kiến nghị đã hoàn thành khắc phục; không báo cáo thêm được nữa',
    en: 'The recommendation is closed',
  },
  RECOMMENDATION_AWAITING_DECISION: {
    status: 409,
    vi: 'Báo cáo khắc phục trước đang chờ cơ quan kiểm tra, giám sát xem xét',
    en: 'The last remediation report awaits the decision of the inspecting body',
  },
  REMEDIATION_NOTHING_TO_DECIDE: {
    status: 409,
    vi: 'Không có báo cáo khắc phục nào đang chờ xem xét',
    en: 'No remediation report awaits a decision',
  },
  REMEDIATION_RESULT_REQUIRED: {
    status: 400,
    vi: 'Cần nêu kết quả khắc phục',
    en: 'The remediation result is required',
  },
  REMEDIATION_RETURN_COMMENT_REQUIRED: {
    status: 400,
    vi: 'Trả lại báo cáo khắc phục phải kèm ý kiến',
    en: 'Returning a remediation report needs a comment',
  },
  // server
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được',
    en: 'Database unavailable',
  },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].vi);
    this.status = ERRORS[code].status;
  }
}

export function appError(code: ErrorCode, details?: unknown, message?: string): AppError {
  return new AppError(code, details, message);
}
