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
  const [done, setDone] = useState<SurveyResponseResult>()

  useEffect(() => {
    if (!session) return
    let current = true
    setState({ kind: 'loading' })
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
    if (state.error.code === 'NOT_FOUND') return <EmptyView title='本期测评尚未发布' description={state.error.message} />
    return <ErrorView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  const survey = state.survey
  if (done) {
    return (
      <View style={scaled.style} className={`${scaled.className} survey-done count-${done.countStatus}`}>
        <Text className='campaign-title'>{done.countStatus === 'counted' ? '提交成功' : '您本期已参加过测评'}</Text>
        <Text className={`count-status count-status--${done.countStatus}`}>{done.countMessage}</Text>
        <Button className='survey-home' fill='outline' block onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
          返回首页
        </Button>
      </View>
    )
  }

  const unanswered = survey.questions.filter((question) => !answers[question.id]).length
  const submit = async () => {
    setNotice(undefined)
    if (unanswered > 0) {
      setNotice({ kind: 'error', text: `还有 ${unanswered} 个问题未作答` })
      return
    }
    if (!merchantId && !townCode) {
      setTownError('请选择您所在的乡镇（街道）')
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
      if (failure.field === 'townCode') setTownError(failure.message)
      else setNotice({ kind: 'error', text: failure.message })
    } finally {
      setSubmitting(false)
    }
  }

  const options = survey.options.map((option) => ({ value: option.id, label: option.text }))
  return (
    <View className={`${scaled.className} survey-page`} style={scaled.style}>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <Text className='campaign-title survey-title'>{survey.title}</Text>
      <Text className='campaign-intro'>请根据您的亲身感受评价。结果只按乡镇统计人数，不记录您的个人信息；每人每期计入一次。</Text>
      {survey.questions.map((question, index) => (
        <View key={question.id} className={`campaign-question survey-question question-${index + 1}`}>
          <ChoiceField
            className={`field-question-${index + 1}`}
            label={`${index + 1}. ${question.text}`}
            vertical
            options={options}
            value={answers[question.id]}
            onChange={(optionId) => setAnswers((given) => ({ ...given, [question.id]: optionId }))}
            error={undefined}
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
        <Button className='submit-survey' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </View>
  )
}
