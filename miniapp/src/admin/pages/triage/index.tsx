import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { SECTORS, TOWNS, routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { ComplaintList, usePagedComplaints } from '@/components/complaint-list'
import { pageQuery } from '@/components/paged-list'
import { UpdatesBanner } from '@/components/updates-banner'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

type QueueView = 'escalated' | 'accepted' | 'mediating' | 'overdue'

const VIEWS: ChoiceOption<QueueView>[] = [
  { value: 'escalated', label: '待受理' },
  { value: 'accepted', label: '已受理' },
  { value: 'mediating', label: '调解中' },
  { value: 'overdue', label: '已超期' }
]

const ALL = 'all'
const SECTOR_OPTIONS: ChoiceOption<string>[] = [
  { value: ALL, label: '全部行业' },
  ...Object.entries(SECTORS).map(([value, label]) => ({ value, label }))
]
const AGE_OPTIONS: ChoiceOption<string>[] = [
  { value: ALL, label: '不限', code: 'age-any' },
  { value: '3', label: '3 天以上', code: 'age-3' },
  { value: '7', label: '7 天以上', code: 'age-7' },
  { value: '30', label: '30 天以上', code: 'age-30' }
]

/** A town's name from the county's list, or its code when the list does not know it. */
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

const EMPTY_TEXT: Record<QueueView, string> = {
  escalated: '没有待受理的投诉',
  accepted: '没有已受理待调解的投诉',
  mediating: '没有调解中的投诉',
  overdue: '没有超期的投诉'
}

/** The staff workbench's other pages, above the triage queue. */
const STAFF_ENTRIES = [
  { className: 'entry-registry', title: '商户名录', description: '参创申请审核、暂停、摘牌、违法违规记录', url: PAGES.registry },
  { className: 'entry-credit-list', title: '联合惩戒名单', description: '有经查实违法违规记录的店铺，可导出 CSV', url: PAGES.creditList },
  {
    className: 'entry-notification-problems',
    title: '通知发送失败',
    description: '没送到的微信提醒，请电话告知店铺或消费者',
    url: PAGES.notificationProblems
  },
  { className: 'entry-moderation', title: '内容审核', description: '微信内容安全检测拦下的文字，阅读后放行或屏蔽', url: PAGES.moderation }
] as const

/**
 * Bureau triage: complaints in the person's jurisdiction by queue (待受理 / 已受理 / 调解中 / 已超期), nearest
 * deadline first as the server orders them, narrowed by town, sector and age.
 */
export default function TriagePage() {
  const session = useRequiredSession()
  const [view, setView] = useState<QueueView>('escalated')
  const [town, setTown] = useState(ALL)
  const [sector, setSector] = useState(ALL)
  const [age, setAge] = useState(ALL)
  const [showFilters, setShowFilters] = useState(false)

  const list = usePagedComplaints(
    (cursor) =>
      call(routes.triageQueue, {
        query: {
          view,
          ...pageQuery(cursor),
          ...(town !== ALL ? { town } : {}),
          ...(sector !== ALL ? { sector } : {}),
          ...(age !== ALL ? { minAgeDays: Number(age) } : {})
        }
      }),
    [session?.user.id, view, town, sector, age].join('|'),
    isStaffUser(session?.user)
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以使用监管工作台。' />
  const { staff } = session.user.roles

  const towns = staff.jurisdiction === 'county' ? Object.keys(TOWNS) : staff.jurisdiction
  const filtered = town !== ALL || sector !== ALL || age !== ALL

  return (
    <View className='triage-page'>
      {/* The town's next escalation is announced to its staff: each tap here allows one such message. */}
      <UpdatesBanner title='待受理投诉微信提醒' about='待受理的投诉' whereToLook='待受理的投诉请在「监管工作台」查看' />
      <CellGroup className='staff-entries'>
        {STAFF_ENTRIES.map((entry) => (
          <Cell
            key={entry.className}
            className={entry.className}
            title={entry.title}
            description={entry.description}
            clickable
            onClick={() => void Taro.navigateTo({ url: entry.url })}
          />
        ))}
      </CellGroup>
      <View className='triage-views filter-view'>
        <Choices options={VIEWS} value={view} onChange={setView} />
      </View>
      <View className='triage-filter-toggle'>
        <Text className='triage-scope'>
          管辖范围：{staff.jurisdiction === 'county' ? '全县' : staff.jurisdiction.map(townName).join('、')}
        </Text>
        <Button className='toggle-filters' size='small' fill='none' onClick={() => setShowFilters((shown) => !shown)}>
          {showFilters ? '收起筛选' : filtered ? '筛选（已启用）' : '筛选'}
        </Button>
      </View>
      {showFilters ? (
        <View className='triage-filters'>
          <View className='filter-block filter-town'>
            <Text className='filter-label'>乡镇（街道）</Text>
            <Choices
              options={[{ value: ALL, label: '全部' }, ...towns.map((code) => ({ value: code, label: townName(code) }))]}
              value={town}
              onChange={setTown}
            />
          </View>
          <View className='filter-block filter-sector'>
            <Text className='filter-label'>行业</Text>
            <Choices options={SECTOR_OPTIONS} value={sector} onChange={setSector} />
          </View>
          <View className='filter-block filter-age'>
            <Text className='filter-label'>投诉时长</Text>
            <Choices options={AGE_OPTIONS} value={age} onChange={setAge} />
          </View>
        </View>
      ) : null}
      <ComplaintList
        list={list}
        onOpen={(item) => void Taro.navigateTo({ url: pageUrl(PAGES.adminCase, { id: item.id }) })}
        showPlace
        emptyTitle={EMPTY_TEXT[view]}
        {...(filtered ? { emptyDescription: '可以放宽筛选条件再看看' } : {})}
      />
    </View>
  )
}
