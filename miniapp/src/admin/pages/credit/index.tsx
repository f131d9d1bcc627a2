// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { routes, type MerchantRegistryView } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PageNotice, type Notice } from '@/components/state-views'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { CsvExportActions } from '../../components/csv-export-actions'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

/**
 * 联合惩戒名单: shops in the person's jurisdiction with violations on record (they cannot be awarded or
 * recommended for 文明单位 and the like), each with its records, and the whole list as a CSV file for the
 * joint-meeting members.
 */
export default function CreditListPage() {
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const list = usePagedList<MerchantRegistryView>(
    (cursor) => call(routes.creditList, { query: pageQuery(cursor) }),
    session?.user.id ?? '',
    isStaffUser(session?.user)
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看联合惩戒名单。' />

  return (
    <View className='page credit-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='page-intro'>
        <Text className='page-intro-text'>
          列入名单的店铺有经查实的违法违规记录，不得评为放心消费示范单位，不得推荐参评文明单位等荣誉。
        </Text>
        <CsvExportActions
          route={routes.creditListCsv}
          fileName={() => `联合惩戒名单-${shanghaiToday(new Date())}.csv`}
          className='export-credit-csv'
          onNotice={setNotice}
        />
      </View>

      <PagedListView list={list} className='credit-list' loadingText='正在加载名单…' emptyTitle='名单为空' emptyDescription='辖区内暂无有违法违规记录的店铺'>
        {(items) =>
          items.map((shop) => (
            <View key={shop.id} className='card credit-item'>
              <View className='credit-item-head small-tags'>
                <Text className='card-title'>{shop.name}</Text>
                <Tag className='credit-item-status' plain background='#666666'>
                  {shop.statusLabel}
                </Tag>
              </View>
              <Text className='credit-item-line'>统一社会信用代码：{shop.uscc || '（未登记）'}</Text>
              <Text className='credit-item-line'>
                {shop.townName} · {shop.sectorLabel}
              </Text>
              {shop.creditFlags.map((flag) => (
                <View key={flag.recordedAt} className='credit-flag'>
                  <Text className='credit-flag-head'>
                    {flag.date} · {flag.source}
                  </Text>
                  <Text className='credit-flag-text'>{flag.description}</Text>
                </View>
              ))}
            </View>
          ))
        }
      </PagedListView>
    </View>
  )
}
