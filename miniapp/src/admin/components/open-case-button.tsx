import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PAGES, pageUrl } from '@/lib/navigation'

/** 查看投诉 on a staff list's item: opens the complaint's case page on top of the list. */
export function OpenCaseButton({ className, complaintId }: { className: string; complaintId: string }) {
  return (
    <Button
      className={className}
      size='small'
      fill='outline'
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCase, { id: complaintId }) })}
    >
      查看投诉
    </Button>
  )
}
