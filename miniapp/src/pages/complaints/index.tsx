import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { ComplaintList, usePagedComplaints } from '@/components/complaint-list'
import { pageQuery } from '@/components/paged-list'
import { LoadingView } from '@/components/state-views'
import { useScaledRoot } from '@/components/font-scale'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import './index.css'

const PAGE_SIZE = 20

/** The signed-in person's own complaints, newest first; pull down to refresh. */
export default function MyComplaintsPage() {
  const session = useRequiredSession()
  const list = usePagedComplaints(
    (cursor) => call(routes.myComplaints, { query: pageQuery(cursor, PAGE_SIZE) }),
    session?.user.id ?? '',
    Boolean(session)
  )
  // The claim-code link above the list follows the text scale too (the list carries its own).
  const root = useScaledRoot('my-complaints-page')

  if (!session) return <LoadingView text='正在登录…' />
  return (
    <View {...root}>
      <Button className='open-claim' size='small' fill='none' type='primary' onClick={() => void Taro.navigateTo({ url: PAGES.claimComplaint })}>
        在投诉站投诉过？输入认领码认领投诉 ›
      </Button>
      <ComplaintList
        list={list}
        onOpen={(item) => void Taro.navigateTo({ url: pageUrl(PAGES.complaint, { id: item.id }) })}
        emptyTitle='还没有投诉记录'
        emptyDescription='在店铺页面点「投诉」即可提交；提交后可在这里查看处理进度'
        emptyAction={
          <Button type='primary' onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
            去首页找店铺
          </Button>
        }
      />
    </View>
  )
}
