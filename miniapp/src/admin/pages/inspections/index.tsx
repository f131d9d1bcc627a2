// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { TOWNS, routes, type InspectionSummaryView, type MerchantRegistryView, type TownCode } from '@fangxin/shared'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'
import './index.css'

const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code
type Tab = 'shops' | 'records'
const TABS: ChoiceOption<Tab>[] = [
  { value: 'shops', label: '选择店铺检查', code: 'tab-shops' },
  { value: 'records', label: '检查记录', code: 'tab-records' }
]

/**
 * 明查暗访: the shops of a town in the person's jurisdiction to inspect (open or mystery, on the next page), the
 * town's inspections of the year, and the way to the rectification orders (整改通知) awaiting the shop or a re-check.
 * `?tab=records` opens on the inspections (where the inspection form sends someone to check what was recorded).
 */
export default function InspectionsPage() {
  const session = useRequiredSession()
  const staff = session?.user.roles.staff
  const towns = !staff ? [] : staff.jurisdiction === 'county' ? Object.keys(TOWNS) : staff.jurisdiction
  const [town, setTown] = useState<string>()
  const chosenTown = town ?? towns[0] ?? ''
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'records' ? 'records' : 'shops')
  const year = Number(shanghaiToday(new Date()).slice(0, 4))
  const enabled = isStaffUser(session?.user) && Boolean(chosenTown)

  const shops = usePagedList<MerchantRegistryView>(
    (cursor) => call(routes.registry, { query: { status: 'active', town: chosenTown as TownCode, ...pageQuery(cursor) } }),
    `shops|${session?.user.id ?? ''}|${chosenTown}`,
    enabled && tab === 'shops'
  )
  const records = usePagedList<InspectionSummaryView>(
    (cursor) => call(routes.inspections, { query: { town: chosenTown as keyof typeof TOWNS, year, ...pageQuery(cursor) } }),
    `records|${session?.user.id ?? ''}|${chosenTown}`,
    enabled && tab === 'records'
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以开展明查暗访。' />
  const mayInspect = session.user.roles.staff.role !== 'mediator'

  return (
    <View className='campaign-page inspections-page'>
      <CellGroup className='inspection-entries'>
        <Cell
          className='entry-rectifications'
          title='整改通知'
          description='待店铺整改、待复查和已超期的整改通知'
          clickable
          onClick={() => void Taro.navigateTo({ url: PAGES.rectifications })}
        />
      </CellGroup>
      <View className='filter-row inspection-town'>
        <Choices options={towns.map((code) => ({ value: code, label: townName(code), code: `town-${code}` }))} value={chosenTown} onChange={setTown} />
      </View>
      <View className='filter-row inspection-tabs'>
        <Choices options={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'shops' ? (
        <PagedListView list={shops} className='inspect-shops' loadingText='正在加载店铺…' emptyTitle='该乡镇（街道）暂无参创店铺'>
          {(items) =>
            items.map((shop) => (
              <View key={shop.id} className={`card inspect-shop inspect-shop--${shop.id}`}>
                <Text className='card-title'>{shop.name}</Text>
                <Text className='inspect-shop-line'>
                  {shop.sectorLabel} · {shop.address}
                </Text>
                <View className='card-actions'>
                  {mayInspect ? (
                    <Button
                      className='start-inspection'
                      type='primary'
                      size='small'
                      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.inspect, { merchantId: shop.id }) })}
                    >
                      开始检查
                    </Button>
                  ) : null}
                  <Button
                    className='shop-inspections'
                    size='small'
                    fill='outline'
                    onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectifications, { view: 'shop', merchantId: shop.id }) })}
                  >
                    整改记录
                  </Button>
                </View>
              </View>
            ))
          }
        </PagedListView>
      ) : (
        <PagedListView
          list={records}
          className='inspection-records'
          loadingText='正在加载检查记录…'
          emptyTitle={`${year}年暂无检查记录`}
          emptyDescription='在「选择店铺检查」中选择店铺开始检查'
        >
          {(items) => items.map((item) => <InspectionCard key={item.id} item={item} />)}
        </PagedListView>
      )}
    </View>
  )
}

function InspectionCard({ item }: { item: InspectionSummaryView }) {
  return (
    <View className='card inspection-item' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.inspection, { id: item.id }) })}>
      <View className='card-head small-tags'>
        <Text className='card-title'>{item.merchant.name}</Text>
        <Tag plain background={item.mode === 'mystery' ? '#722ed1' : '#1677ff'}>
          {item.modeLabel}
        </Tag>
      </View>
      <Text className='inspection-item-line'>
        {item.inspectedOn} · 检查 {item.checked} 项：合格 {item.passed}，不合格 {item.failed}，不适用 {item.notApplicable}
      </Text>
      {item.rectifications > 0 ? <Text className='inspection-item-line'>下达整改通知 {item.rectifications} 项</Text> : null}
      {item.bottomLineFailures > 0 ? <Text className='inspection-item-line inspection-bottom-line'>触及考核底线 {item.bottomLineFailures} 项</Text> : null}
    </View>
  )
}
