/** dayjs configured for Vietnamese and the Asia/Ho_Chi_Minh time zone. Import dayjs from here. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.locale('vi');

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export default dayjs;
