import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { SECTORS, TOWNS, isCountyAdmin, routes, type SectorCode, type TownCode, type TriageQuery } from '@fangxin/shared'
import type { z } from 'zod/mini'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { ComplaintList, usePagedComplaints } from '@/components/complaint-list'
import { pageQuery } from '@/components/paged-list'
import { PageNotice, type Notice } from '@/components/state-views'
import { UpdatesBanner } from '@/components/updates-banner'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { CalendarCoverageBanner } from '../../components/calendar-coverage-banner'
import { CsvExportActions } from '../../components/csv-export-actions'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import { OverdueRectificationsBanner } from '../../components/overdue-rectifications'
import './index.css'

type QueueView = z.output<typeof TriageQuery>['view']

const VIEWS: ChoiceOption<QueueView>[] = [
  { value: 'escalated', label: '待受理' },
  { value: 'accepted', label: '已受理' },
  { value: 'mediating', label: '调解中' },
  { value: 'overdue', label: '已超期' },
  { value: 'missing12315', label: '待登记12315' }
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
  overdue: '没有超期的投诉',
  missing12315: '没有待登记12315编号的投诉'
}

/** The staff workbench's other pages, above the triage queue. */
const STAFF_ENTRIES = [
  { className: 'entry-dashboard', title: '指标看板', description: '处理率、满意率、和解率、知晓率对照年度目标，分月、分乡镇、分行业', url: PAGES.dashboard },
  { className: 'entry-inspections', title: '明查暗访与整改', description: '检查店铺、下达整改通知、复查整改', url: PAGES.inspections },
  { className: 'entry-year-tasks', title: '目标与任务分解', description: '年度指标目标，各乡镇（街道）和成员单位的创建任务及进度', url: PAGES.yearTasks },
  { className: 'entry-assessment', title: '考核验收', description: '年度评分、调整、确认示范单位；示范行业、示范镇建议；不得推荐名单', url: PAGES.assessment },
  { className: 'entry-bulletin', title: '创建工作通报', description: '月度、年度通报，可打印、可导出', url: PAGES.bulletin },
  { className: 'entry-stations', title: '投诉站管理', description: '消费维权服务站（投诉站）名录、登记，为投诉站工作人员发放绑定码', url: PAGES.adminStations },
  { className: 'entry-follow-ups', title: '待回访', description: '办结后消费者未评价的投诉：电话回访并记录满意度', url: PAGES.adminFollowUps },
  { className: 'entry-registry', title: '商户名录', description: '参创申请审核、暂停、摘牌、违法违规记录', url: PAGES.registry },
  { className: 'entry-credit-list', title: '联合惩戒名单', description: '有经查实违法违规记录的店铺，可导出 CSV', url: PAGES.creditList },
  {
    className: 'entry-notification-problems',
    title: '通知发送失败',
    description: '没送到的微信提醒和未送达的告知书，请电话告知店铺或消费者',
    url: PAGES.notificationProblems
  },
  { className: 'entry-moderation', title: '内容审核', description: '微信内容安全检测拦下的文字，阅读后放行或屏蔽', url: PAGES.moderation },
  {
    className: 'entry-calendar',
    title: '节假日安排',
    description: '法定期限所依据的国务院节假日安排（含调休），由县级管理员录入',
    url: PAGES.calendar
  },
  { className: 'entry-content', title: '维权知识与宣传横幅', description: '发布、修改、下架首页的维权知识文章和 3·15 横幅（县级管理员）', url: PAGES.adminContent },
  { className: 'entry-recalls', title: '召回与退市信息', description: '发布、撤回召回信息，审核商家发布的内容', url: PAGES.adminRecalls }
] as const

/**
 * Bureau triage: complaints in the person's jurisdiction by queue (待受理 / 已受理 / 调解中 / 已超期 / 待登记12315),
 * nearest deadline first as the server orders them, narrowed by town, sector and age. The cases still
 * missing their 12315 number can be exported in the columns the 12315 platform asks for. County admins are
 * warned here when next year's holidays have not been entered.
 */
export default function TriagePage() {
  const session = useRequiredSession()
  const { params } = useRouter()
  // The dashboard's 当前超期 opens this page on the overdue view.
  const [view, setView] = useState<QueueView>(VIEWS.some((option) => option.value === params.view) ? (params.view as QueueView) : 'escalated')
  const [town, setTown] = useState(ALL)
  const [sector, setSector] = useState(ALL)
  const [age, setAge] = useState(ALL)
  const [showFilters, setShowFilters] = useState(false)
  const [notice, setNotice] = useState<Notice>()

  const list = usePagedComplaints(
    (cursor) =>
      call(routes.triageQueue, {
        query: {
          view,
          ...pageQuery(cursor),
          // The pickers offer only the county's towns and the catalogue's sectors.
          ...(town !== ALL ? { town: town as TownCode } : {}),
          ...(sector !== ALL ? { sector: sector as SectorCode } : {}),
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
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <CalendarCoverageBanner enabled={isCountyAdmin(staff)} />
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
      {view === 'overdue' ? <OverdueRectificationsBanner /> : null}
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
      {view === 'missing12315' ? (
        <View className='triage-export page-intro'>
          <Text className='page-intro-text'>
            已受理、调解中但尚未登记12315编号的投诉。可导出为 CSV，按12315平台要求的栏目逐件登记后，在投诉中「登记12315编号」。
          </Text>
          <CsvExportActions
            route={routes.export12315}
            fileName={() => `待登记12315-${shanghaiToday(new Date())}.csv`}
            className='export-12315'
            label='导出待登记清单（CSV）'
            onNotice={setNotice}
          />
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
