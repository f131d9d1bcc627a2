// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useScaledRoot } from '@/components/font-scale'
import '../../info.css'

/** Every recall and delisting notice in force across the county, newest first. */
export default function RecallsPage() {
  const list = usePagedList((cursor) => call(routes.recalls, { query: pageQuery(cursor) }), 'recalls')
  return (
    <View {...useScaledRoot('info-page')}>
      <PagedListView list={list} className='recall-list' loadingText='正在加载召回信息…' emptyTitle='目前没有召回或退市信息'>
        {(items) =>
          items.map((recall) => (
            <Cell
              key={recall.id}
              className='recall-item'
              title={`【${recall.kindLabel}】${recall.product}`}
              description={`${recall.merchant ? recall.merchant.name : '全县'} · ${recall.fromDate} 起`}
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.recall, { id: recall.id }) })}
            />
          ))
        }
      </PagedListView>
    </View>
  )
}
