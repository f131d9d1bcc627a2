import { Cell } from '@nutui/nutui-react-taro'
import type { ComplaintView } from '@fangxin/shared'
import { noticeDeliveryText } from '@/lib/notice-delivery'
import './notice-delivery-cell.css'

/**
 * Under the written notice's link on the case page: by when it must reach both parties and whom it has
 * reached (`.notice-delivery`), red once that time has passed with a party not reached.
 */
export function NoticeDeliveryCell({ notice }: { notice: NonNullable<ComplaintView['notice']> }) {
  const text = noticeDeliveryText(notice, new Date())
  if (!text) return null
  return (
    <Cell
      className={`notice-delivery ${notice.overdue ? 'notice-delivery--overdue' : ''}`}
      title={notice.overdue ? '告知书送达已超期' : '告知书送达情况'}
      description={text}
    />
  )
}
