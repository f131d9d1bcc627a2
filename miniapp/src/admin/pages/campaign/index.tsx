// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input } from '@nutui/nutui-react-taro'
import { isCountyAdmin, campaignRoutes, type CampaignBanksView, type StaffQuizView, type SurveyResultsView } from '@fangxin/shared'
import { call, toApiError, type ApiError } from '@/api/client'
import { ErrorView, FieldError, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

type Loaded = {
  banks: CampaignBanksView
  quiz: StaffQuizView | undefined
  survey: SurveyResultsView | undefined
}

/** A 404 means "not published yet": undefined; anything else is a failure. */
const orNone = <T,>(promise: Promise<T>): Promise<T | undefined> =>
  promise.catch((error: unknown) => {
    if (toApiError(error).code === 'NOT_FOUND') return undefined
    throw error
  })

/**
 * Staff: this period's awareness quiz and satisfaction survey. County admins publish them (choose the questions,
 * the pass mark) once per period; everyone sees what was published and the survey's counts per option per town.
 */
export default function CampaignAdminPage() {
  const session = useRequiredSession()
  const period = shanghaiToday(new Date()).slice(0, 4)
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; value: Loaded }>({ kind: 'loading' })
  const [reload, setReload] = useState(0)
  const [chosen, setChosen] = useState<string[]>([])
  const [passMark, setPassMark] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState(false)
  const staff = isStaffSession(session)

  useEffect(() => {
    if (!staff) return
    let current = true
    setState({ kind: 'loading' })
    Promise.all([
      call(campaignRoutes.campaignBanks, {}),
      orNone(call(campaignRoutes.staffQuiz, { params: { period } })),
      orNone(call(campaignRoutes.surveyResults, { params: { period } }))
    ])
      .then(([banks, quiz, survey]) => current && setState({ kind: 'loaded', value: { banks, quiz, survey } }))
      .catch((error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) }))
    return () => {
      current = false
    }
  }, [staff, period, reload])

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看' />
  if (state.kind === 'loading') return <LoadingView />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => setReload((n) => n + 1)} />
  const { banks, quiz, survey } = state.value
  const admin = isCountyAdmin(session.user.roles.staff)

  const publishQuiz = async () => {
    setErrors({})
    setBusy(true)
    try {
      await call(campaignRoutes.publishQuiz, { params: { period }, body: { questionIds: chosen, passMark: Number(passMark) } })
      setNotice({ kind: 'success', text: `已发布 ${period} 期知晓率测试` })
      setReload((n) => n + 1)
    } catch (error) {
      const failure = toApiError(error)
      const field = failure.field?.startsWith('questionIds') ? 'questionIds' : failure.field ?? ''
      if (field) setErrors({ [field]: failure.message })
      else setNotice({ kind: 'error', text: failure.message })
    } finally {
      setBusy(false)
    }
  }

  const publishSurvey = async () => {
    setBusy(true)
    try {
      await call(campaignRoutes.publishSurvey, { params: { period }, body: { questionIds: banks.survey.questions.map((question) => question.id) } })
      setNotice({ kind: 'success', text: `已发布 ${period} 期满意度测评` })
      setReload((n) => n + 1)
    } catch (error) {
      setNotice({ kind: 'error', text: toApiError(error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='campaign-admin'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <Text className='campaign-admin-heading'>{period} 期法律法规知晓率测试</Text>
      {quiz ? (
        <View className='published-quiz'>
          <Text className='campaign-admin-text'>
            已发布：{quiz.title}，共 {quiz.questions.length} 题，答对 {quiz.passMark} 题及格（题库第 {quiz.bankVersion} 版）。
          </Text>
          {quiz.questions.map((question, index) => (
            <View key={question.id} className='bank-question'>
              <Text className='campaign-admin-text'>{index + 1}. {question.text}</Text>
              <Text className='bank-question-article'>{question.article}</Text>
            </View>
          ))}
        </View>
      ) : admin ? (
        <View className='publish-quiz'>
          <Text className='campaign-admin-text'>本期尚未发布。从题库中选择题目（至少 5 题），设定及格线后发布；每期只能发布一次。</Text>
          {banks.quiz.questions.map((question) => (
            <View key={question.id} className='bank-question'>
              <Checkbox
                className={`bank-${question.id}`}
                checked={chosen.includes(question.id)}
                onChange={(checked) => setChosen((ids) => (checked ? [...ids, question.id] : ids.filter((id) => id !== question.id)))}
                label={`【${question.law}】${question.text}`}
              />
              <Text className='bank-question-article'>{question.article}</Text>
            </View>
          ))}
          <FieldError message={errors.questionIds} />
          <Text className='campaign-admin-text'>已选 {chosen.length} 题；及格线（答对题数）：</Text>
          <Input className='field-pass-mark' type='number' value={passMark} placeholder='如 8' onChange={setPassMark} />
          <FieldError message={errors.passMark} />
          <Button className='publish-quiz-button' type='primary' block loading={busy} disabled={busy} onClick={() => void publishQuiz()}>
            发布本期测试
          </Button>
        </View>
      ) : (
        <Text className='campaign-admin-text'>本期尚未发布（由县级管理员发布）。</Text>
      )}

      <Text className='campaign-admin-heading'>{period} 期消费环境满意度测评</Text>
      {survey ? (
        <View className='survey-results'>
          <Text className='campaign-admin-text'>结果只统计人数，不含个人信息。</Text>
          {survey.scopes.map((scope) => (
            <View key={scope.code} className={`survey-scope survey-scope-${scope.code}`}>
              <Text className='campaign-admin-heading'>
                {scope.label}（{scope.respondents} 人）
              </Text>
              {survey.survey.questions.map((question) => {
                const counts = scope.questions.find((entry) => entry.questionId === question.id)?.counts ?? {}
                return (
                  <View key={question.id} className='bank-question'>
                    <Text className='campaign-admin-text'>{question.text}</Text>
                    {survey.survey.options.map((option) => (
                      <View key={option.id} className='survey-table-row'>
                        <Text>{option.text}</Text>
                        <Text>{counts[option.id] ?? 0}</Text>
                      </View>
                    ))}
                  </View>
                )
              })}
            </View>
          ))}
        </View>
      ) : admin ? (
        <View className='publish-survey'>
          <Text className='campaign-admin-text'>本期尚未发布。将发布题库中的全部 {banks.survey.questions.length} 个问题（五级评价）。</Text>
          <Button className='publish-survey-button' type='primary' block loading={busy} disabled={busy} onClick={() => void publishSurvey()}>
            发布本期测评
          </Button>
        </View>
      ) : (
        <Text className='campaign-admin-text'>本期尚未发布（由县级管理员发布）。</Text>
      )}
    </View>
  )
}
