// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Progress } from '@nutui/nutui-react-taro'
import {
  DEPARTMENTS,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  TASK_KINDS,
  TOWNS,
  isCountyAdmin,
  routes,
  type IndicatorKey,
  type TaskInput,
  type YearTasksView
} from '@fangxin/shared'
import type { z } from 'zod/mini'
import { call, toApiError } from '@/api/client'
import { ChoiceField, Choices, type ChoiceOption } from '@/components/choices'
import { ConfirmActionDialog, type PendingAction } from '@/components/confirm-action'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { percentTextsOf, progressPercent, targetText, targetsFromPercentTexts } from '../../campaign'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'

type KindCode = TaskInput['kind']
type TargetsView = z.output<typeof routes.targets.response>
const ASSIGNEES: ChoiceOption<string>[] = [
  ...Object.entries(TOWNS).map(([code, name]) => ({ value: `town:${code}`, label: name, code: `assignee-${code}` })),
  ...Object.entries(DEPARTMENTS).map(([code, department]) => ({ value: `department:${code}`, label: department.name, code: `assignee-${code}` }))
]
const KINDS: ChoiceOption<KindCode>[] = (Object.keys(TASK_KINDS) as KindCode[]).map((kind) => ({ value: kind, label: TASK_KINDS[kind].label }))

/**
 * 目标与任务分解: the year's targets for the four indicators (the plan's unless the office set its own) and the
 * tasks assigned to towns and member departments, each with its progress counted by the server from the data
 * (never typed in) and flagged when behind the time of year. County admins edit both.
 */
export default function YearTasksPage() {
  const session = useRequiredSession()
  const thisYear = Number(shanghaiToday(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [notice, setNotice] = useState<Notice>()
  const enabled = isStaffUser(session?.user)
  const targets = useLoad<TargetsView>(() => call(routes.targets, { params: { year } }), `${session?.user.id ?? ''}|${year}`, enabled)
  const tasks = useLoad<YearTasksView>(() => call(routes.yearTasks, { params: { year } }), `${session?.user.id ?? ''}|${year}`, enabled)
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看创建任务。' />
  const admin = isCountyAdmin(session.user.roles.staff)
  const yearOptions: ChoiceOption<string>[] = [thisYear, thisYear + 1, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年`, code: `year-${y}` }))

  return (
    <View className='campaign-page tasks-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='filter-row tasks-year'>
        <Choices options={yearOptions} value={String(year)} onChange={(value) => setYear(Number(value))} />
      </View>
      <Text className='section-title'>年度指标目标</Text>
      {targets.state.kind === 'loading' ? <LoadingView text='正在加载目标…' /> : null}
      {targets.state.kind === 'failed' ? <ErrorView error={targets.state.error} onRetry={() => void targets.reload()} /> : null}
      {targets.state.kind === 'loaded' ? (
        <TargetsSection
          key={`${year}|${targets.state.value.version}|${JSON.stringify(targets.state.value.targets)}`}
          view={targets.state.value}
          admin={admin}
          onSaved={(view) => {
            targets.set(view)
            setNotice({ kind: 'success', text: `已保存${view.year}年指标目标` })
          }}
          onStale={(text) => {
            setNotice({ kind: 'error', text })
            void targets.reload()
          }}
          onNotice={setNotice}
        />
      ) : null}

      <Text className='section-title'>创建任务分解</Text>
      {tasks.state.kind === 'loading' ? <LoadingView text='正在加载任务…' /> : null}
      {tasks.state.kind === 'failed' ? <ErrorView error={tasks.state.error} onRetry={() => void tasks.reload()} /> : null}
      {tasks.state.kind === 'loaded' ? (
        <TasksSection
          key={`${year}|${tasks.state.value.version}`}
          view={tasks.state.value}
          admin={admin}
          onSaved={(view) => {
            tasks.set(view)
            setNotice({ kind: 'success', text: '已保存任务分解，进度按实际数据计算' })
          }}
          onStale={(text) => {
            setNotice({ kind: 'error', text })
            void tasks.reload()
          }}
          onNotice={setNotice}
        />
      ) : null}
    </View>
  )
}

function TargetsSection({
  view,
  admin,
  onSaved,
  onStale,
  onNotice,
}: {
  view: TargetsView
  admin: boolean
  onSaved: (view: TargetsView) => void
  onStale: (text: string) => void
  onNotice: (notice: Notice) => void
}) {
  const [texts, setTexts] = useState<Record<IndicatorKey, string>>(percentTextsOf(view.targets))
  const [errors, setErrors] = useState<Partial<Record<IndicatorKey, string>>>({})
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const { targets, errors: found } = targetsFromPercentTexts(texts)
    setErrors(found)
    if (!targets || saving) return
    setSaving(true)
    try {
      onSaved(await call(routes.putTargets, { params: { year: view.year }, body: { ...targets, version: view.version } }))
    } catch (raw) {
      const error = toApiError(raw)
      // Another admin saved first: show theirs (the page reloads the targets) rather than overwrite it.
      if (error.code === 'CONFLICT') onStale(`${error.message}（已刷新为最新目标）`)
      else onNotice({ kind: 'error', text: error.message })
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='targets-section'>
      <Text className='section-hint'>{view.source === 'plan' ? '采用县创建实施方案的目标' : '县联席会议办公室设定的本年度目标'}</Text>
      {admin ? (
        <View className='form-page targets-form'>
          {INDICATOR_KEYS.map((key) => (
            <LineField
              key={key}
              className={`field-target-${key}`}
              label={`${INDICATOR_LABELS[key]}（%）`}
              required
              type='digit'
              value={texts[key]}
              maxLength={5}
              onChange={(value) => {
                setTexts((all) => ({ ...all, [key]: value }))
                setErrors(({ [key]: _dropped, ...rest }) => rest)
              }}
              error={errors[key]}
            />
          ))}
          <View className='form-actions'>
            <Button className='save-targets' type='primary' block loading={saving} onClick={() => void save()}>
              保存目标
            </Button>
          </View>
        </View>
      ) : (
        <View className='figure-row'>
          {INDICATOR_KEYS.map((key) => (
            <View key={key} className={`figure target-${key}`}>
              <Text className='figure-value'>{targetText(view.targets[key])}</Text>
              <Text className='figure-label'>{INDICATOR_LABELS[key]}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

const assigneeKey = (task: Pick<TaskInput, 'assignee'>) => `${task.assignee.kind}:${task.assignee.code}`

function TasksSection({
  view,
  admin,
  onSaved,
  onStale,
  onNotice
}: {
  view: YearTasksView
  admin: boolean
  onSaved: (view: YearTasksView) => void
  onStale: (text: string) => void
  onNotice: (notice: Notice) => void
}) {
  const [assignee, setAssignee] = useState<string>()
  const [kind, setKind] = useState<KindCode>()
  const [target, setTarget] = useState('')
  const [problem, setProblem] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [pending, setPending] = useState<PendingAction>()
  // State lands after the next render; a second tap in the same tick must already see the first.
  const inFlight = useRef(false)

  const put = (next: TaskInput[]) => call(routes.putYearTasks, { params: { year: view.year }, body: { version: view.version, tasks: next } })
  const save = async (next: TaskInput[]) => {
    if (inFlight.current) return
    inFlight.current = true
    setSaving(true)
    try {
      onSaved(await put(next))
      setTarget('')
    } catch (raw) {
      const error = toApiError(raw)
      if (error.code === 'CONFLICT') onStale(`${error.message}（已刷新为最新任务）`)
      else onNotice({ kind: 'error', text: error.message })
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }
  const current: TaskInput[] = view.tasks.map((task) => ({ assignee: task.assignee, kind: task.kind, target: task.target, ...(task.note ? { note: task.note } : {}) }))
  // Removing a task is asked first and sent once (the dialog guards the second tap).
  const remove = (task: YearTasksView['tasks'][number]) =>
    setPending({
      title: '删除这项任务？',
      confirmText: '删除',
      danger: true,
      className: 'remove-task-dialog',
      effect: `将删除「${task.assigneeName} · ${task.kindLabel}」（目标 ${task.progress.target} ${task.unit}），该单位不再有这项任务；需要时可在下方重新添加。`,
      run: async () => {
        onSaved(await put(current.filter((t) => !(assigneeKey(t) === assigneeKey(task) && t.kind === task.kind))))
      }
    })
  const add = () => {
    const count = Number(target)
    if (!assignee || !kind) return setProblem('请选择承担单位和任务类型')
    if (!target.trim() || !Number.isInteger(count) || count < 0) return setProblem('目标数应为不小于 0 的整数')
    const [assigneeKind, code] = assignee.split(':') as ['town' | 'department', string]
    const task = { assignee: { kind: assigneeKind, code }, kind, target: count } as TaskInput
    setProblem(undefined)
    void save([...current.filter((t) => !(assigneeKey(t) === assignee && t.kind === kind)), task])
  }

  return (
    <View className='tasks-section'>
      {view.tasks.length === 0 ? <Text className='section-hint tasks-empty'>{view.year}年尚未分解任务{admin ? '，可在下方添加' : ''}。</Text> : null}
      {view.tasks.map((task) => {
        const percent = progressPercent(task.progress)
        const state = task.progress.complete ? 'complete' : task.progress.behind ? 'behind' : 'on-track'
        return (
          <View key={`${assigneeKey(task)}:${task.kind}`} className={`progress-item task-item task-item--${task.assignee.code}-${task.kind} progress-item--${state}`}>
            <View className='progress-head'>
              <Text>
                {task.assigneeName} · {task.kindLabel}
              </Text>
              <Text className='task-progress-text'>
                {task.progress.done} / {task.progress.target} {task.unit}
              </Text>
            </View>
            <Progress percent={percent} showText={false} color={state === 'behind' ? '#d93026' : state === 'complete' ? '#1b7d3a' : '#1677ff'} />
            <Text className='progress-note progress-state'>
              {task.progress.complete ? '已完成' : task.progress.behind ? '进度落后于时间进度' : '进度正常'}（{percent}%）
              {task.note ? ` · ${task.note}` : ''}
            </Text>
            {admin ? (
              <Button className='remove-task' size='small' fill='none' disabled={saving} onClick={() => remove(task)}>
                删除此项
              </Button>
            ) : null}
          </View>
        )
      })}
      {admin ? (
        <View className='form-page add-task'>
          <Text className='section-title'>添加或修改任务</Text>
          <ChoiceField className='field-assignee' label='承担单位' required options={ASSIGNEES} value={assignee} onChange={setAssignee} error={undefined} />
          <ChoiceField className='field-task-kind' label='任务类型' required options={KINDS} value={kind} onChange={setKind} error={undefined} />
          <LineField className='field-task-target' label='目标数' required type='number' value={target} maxLength={5} onChange={setTarget} error={problem} />
          <View className='form-actions'>
            <Button className='save-task' type='primary' block loading={saving} onClick={add}>
              保存任务
            </Button>
          </View>
        </View>
      ) : null}
      {pending ? <ConfirmActionDialog action={pending} onClose={() => setPending(undefined)} onStale={(message) => onStale(`${message}（已刷新为最新任务）`)} /> : null}
    </View>
  )
}
