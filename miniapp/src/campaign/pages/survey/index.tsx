// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { campaignRoutes, type LikertOption, type SurveyResponseResult, type SurveyView, type TownCode } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { ChoiceField } from '@/components/choices'
import { EmptyView, ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { PAGES } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { TownChoice } from '../../components/town-choice'
import { UNANSWERED_MESSAGE, periodEnded, questionClass, sendFailedToast, surveyDoneTitle, unansweredPositions, unansweredToast } from '../../answers'
import { useScaledRoot } from '@/components/font-scale'
import '../../campaign.css'

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; survey: SurveyView }

/**
 * The satisfaction survey (社会测评): a few statements about the county's consumption environment on a
 * five-point scale. Signing in is required, so each person counts once per period; the answers are kept only
 * as counts per option per town.
 */
export default function SurveyPage() {
  const { params } = useRouter()
  const merchantId = decodedParam(params.merchantId)
  const session = useRequiredSession()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [townCode, setTownCode] = useState<TownCode>()
  const [townError, setTownError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const [notice, setNotice] = useState<Notice>()
  // The survey on screen is last period's (409 on 提交): offer 「重新加载本期」 by the notice.
  const [stale, setStale] = useState(false)
  // Set by the first 交卷/提交 with questions left open: from then on each open question says so.
  const [showMissing, setShowMissing] = useState(false)
  const [done, setDone] = useState<SurveyResponseResult>()

  useEffect(() => {
    if (!session) return
    let current = true
    setState({ kind: 'loading' })
    setNotice(undefined)
    setStale(false)
    call(campaignRoutes.currentSurvey, {})
      .then((survey) => current && setState({ kind: 'loaded', survey }))
      .catch((error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) }))
    return () => {
      current = false
    }
  }, [session, attempt])

  const scaled = useScaledRoot('campaign-page')
  if (!session) return <LoadingView text='正在登录…' />
  if (state.kind === 'loading') return <LoadingView text='正在加载问卷…' />
  if (state.kind === 'failed') {
    if (state.error.code === 'NOT_FOUND') {
      return (
        <View {...scaled}>
          <EmptyView title='本期测评尚未发布' description={state.error.message}>
            <Button fill='outline' onClick={() => void Taro.reLaunch({ url: PAGES.home })}>返回首页</Button>
          </EmptyView>
        </View>
      )
    }
    return <ErrorView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  const survey = state.survey
  if (done) {
    return (
      <View style={scaled.style} className={`${scaled.className} survey-done count-${done.countStatus}`}>
        <Text className='campaign-title'>{surveyDoneTitle(done.countStatus)}</Text>
        <Text className={`count-status count-status--${done.countStatus}`}>{done.countMessage}</Text>
        <Button className='survey-home' fill='outline' block onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
          返回首页
        </Button>
      </View>
    )
  }

  const missing = unansweredPositions(survey.questions, answers)
  const submit = async () => {
    setNotice(undefined)
    setStale(false)
    const townMissing = !merchantId && !townCode
    if (townMissing) setTownError('请选择您所在的乡镇（街道）')
    if (missing.length > 0) {
      setShowMissing(true)
      void Taro.showToast({ title: unansweredToast(missing.length, '个问题'), icon: 'none' })
      void Taro.pageScrollTo({ selector: `.${questionClass(missing[0]!)}`, duration: 200 }).catch(() => undefined)
      return
    }
    if (townMissing) {
      void Taro.showToast({ title: '请选择所在的乡镇（街道）', icon: 'none' })
      void Taro.pageScrollTo({ selector: '.field-town', duration: 200 }).catch(() => undefined)
      return
    }
    setSubmitting(true)
    try {
      setDone(
        await call(campaignRoutes.respondSurvey, {
          params: { period: survey.period },
          body: {
            answers: survey.questions.map((question) => ({ questionId: question.id, optionId: answers[question.id] as LikertOption })),
            ...(merchantId ? { merchantId } : { townCode })
          }
        })
      )
    } catch (error) {
      const failure = toApiError(error)
      if (failure.field === 'townCode') {
        setTownError(failure.message)
        void Taro.pageScrollTo({ selector: '.field-town', duration: 200 }).catch(() => undefined)
      } else if (failure.code !== 'UNAUTHENTICATED') {
        setNotice({ kind: 'error', text: failure.message })
        setStale(periodEnded(failure))
        void Taro.showToast({ title: sendFailedToast(failure.code, '提交'), icon: 'none' })
      }
    } finally {
      setSubmitting(false)
    }
  }

  const options = survey.options.map((option) => ({ value: option.id, label: option.text }))
  return (
    <View className={`${scaled.className} survey-page`} style={scaled.style}>
      <Text className='campaign-title survey-title'>{survey.title}</Text>
      <Text className='campaign-intro'>请根据您的亲身感受评价。结果只按乡镇统计人数，不记录您的个人信息；每人每期计入一次。</Text>
      {survey.questions.map((question, index) => (
        <View key={question.id} className={`campaign-question survey-question ${questionClass(index)}`}>
          <ChoiceField
            className={`field-question-${index + 1}`}
            label={`${index + 1}. ${question.text}`}
            vertical
            options={options}
            value={answers[question.id]}
            onChange={(optionId) => setAnswers((given) => ({ ...given, [question.id]: optionId }))}
            error={showMissing && !answers[question.id] ? UNANSWERED_MESSAGE : undefined}
          />
        </View>
      ))}
      {merchantId ? null : (
        <TownChoice
          value={townCode}
          onChange={(town) => {
            setTownCode(town)
            setTownError(undefined)
          }}
          error={townError}
        />
      )}
      <View className='campaign-submit'>
        {/* By the button, where the person is looking when it fails. */}
        <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
        {stale ? (
          <Button className='reload-period' fill='outline' block onClick={() => setAttempt((n) => n + 1)}>
            重新加载本期
          </Button>
        ) : null}
        <Button className='submit-survey' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </View>
  )
}
