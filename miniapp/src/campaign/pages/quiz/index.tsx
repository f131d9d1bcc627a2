// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { campaignRoutes, type QuizResult, type QuizView, type TownCode } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { ChoiceField } from '@/components/choices'
import { EmptyView, ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { PAGES, goToSignIn } from '@/lib/navigation'
import { useSession } from '@/lib/session'
import { TownChoice } from '../../components/town-choice'
import { UNANSWERED_MESSAGE, periodEnded, questionClass, sendFailedToast, unansweredPositions, unansweredToast } from '../../answers'
import { useScaledRoot } from '@/components/font-scale'
import '../../campaign.css'

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; quiz: QuizView }

/**
 * The awareness quiz (知晓率): one scrolling form of single-choice questions, then the result — the score,
 * passed or not, and (signed in) every wrong answer with the right one and the article it rests on. Anyone may
 * try it; signed in, the first attempt of the period counts for the town (the scanned shop's, or the one chosen).
 */
export default function QuizPage() {
  const { params } = useRouter()
  const merchantId = decodedParam(params.merchantId)
  const session = useSession()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [townCode, setTownCode] = useState<TownCode>()
  const [townError, setTownError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const [notice, setNotice] = useState<Notice>()
  // The quiz on screen is last period's (409 on 交卷): offer 「重新加载本期」 by the notice.
  const [stale, setStale] = useState(false)
  // Set by the first 交卷/提交 with questions left open: from then on each open question says so.
  const [showMissing, setShowMissing] = useState(false)
  const [result, setResult] = useState<QuizResult>()

  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    setNotice(undefined)
    setStale(false)
    call(campaignRoutes.currentQuiz, {})
      .then((quiz) => current && setState({ kind: 'loaded', quiz }))
      .catch((error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) }))
    return () => {
      current = false
    }
  }, [attempt])

  const scaled = useScaledRoot('campaign-page')
  if (state.kind === 'loading') return <LoadingView text='正在加载本期测试…' />
  if (state.kind === 'failed') {
    if (state.error.code === 'NOT_FOUND') {
      return (
        <View {...scaled}>
          <EmptyView title='本期测试尚未发布' description={state.error.message}>
            <Button fill='outline' onClick={() => void Taro.reLaunch({ url: PAGES.home })}>返回首页</Button>
          </EmptyView>
        </View>
      )
    }
    return <ErrorView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
  }

  const quiz = state.quiz
  if (result) return <ResultView result={result} signedIn={Boolean(session)} onAgain={() => { setResult(undefined); setAnswers({}) }} />

  const missing = unansweredPositions(quiz.questions, answers)
  const submit = async () => {
    setNotice(undefined)
    setStale(false)
    const townMissing = Boolean(session) && !merchantId && !townCode
    if (townMissing) setTownError('请选择您所在的乡镇（街道），成绩将计入该乡镇的知晓率')
    if (missing.length > 0) {
      setShowMissing(true)
      void Taro.showToast({ title: unansweredToast(missing.length, '道题'), icon: 'none' })
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
      const graded = await call(campaignRoutes.attemptQuiz, {
        params: { period: quiz.period },
        body: {
          answers: quiz.questions.map((question) => ({ questionId: question.id, optionId: answers[question.id]! })),
          ...(merchantId ? { merchantId } : townCode ? { townCode } : {})
        }
      })
      setResult(graded)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (error) {
      const failure = toApiError(error)
      if (failure.field === 'townCode') {
        setTownError(failure.message)
        void Taro.pageScrollTo({ selector: '.field-town', duration: 200 }).catch(() => undefined)
      } else {
        setNotice({ kind: 'error', text: failure.message })
        setStale(periodEnded(failure))
        void Taro.showToast({ title: sendFailedToast(failure.code, '交卷'), icon: 'none' })
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className={`${scaled.className} quiz-page`} style={scaled.style}>
      <Text className='campaign-title quiz-title'>{quiz.title}</Text>
      <Text className='campaign-intro'>
        共 {quiz.questions.length} 题，答对 {quiz.passMark} 题及格。交卷后可看到每道错题的正确答案和法律依据。
      </Text>
      {session ? null : (
        <View className='sign-in-hint'>
          <Text className='sign-in-hint-text'>未登录也可以答题自测，但成绩不计入统计。登录后作答，每人每期第一次成绩计入本县「法律法规知晓率」。</Text>
          <Button className='quiz-sign-in' size='small' type='primary' onClick={() => goToSignIn(undefined, { over: true })}>
            登录后作答
          </Button>
        </View>
      )}
      {merchantId ? <Text className='campaign-where'>成绩将计入您扫码店铺所在乡镇（街道）的统计。</Text> : null}
      {quiz.questions.map((question, index) => (
        <View key={question.id} className={`campaign-question quiz-question ${questionClass(index)}`}>
          <Text className='campaign-question-law'>{question.law}</Text>
          <ChoiceField
            className={`field-question-${index + 1}`}
            label={`${index + 1}. ${question.text}`}
            vertical
            options={question.options.map((option) => ({ value: option.id, label: `${option.id.toUpperCase()}. ${option.text}`, code: option.id }))}
            value={answers[question.id]}
            onChange={(optionId) => setAnswers((given) => ({ ...given, [question.id]: optionId }))}
            error={showMissing && !answers[question.id] ? UNANSWERED_MESSAGE : undefined}
          />
        </View>
      ))}
      {session && !merchantId ? (
        <TownChoice
          value={townCode}
          onChange={(town) => {
            setTownCode(town)
            setTownError(undefined)
          }}
          error={townError}
        />
      ) : null}
      <View className='campaign-submit'>
        {/* By the button, where the person is looking when it fails. */}
        <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
        {stale ? (
          <Button className='reload-period' fill='outline' block onClick={() => setAttempt((n) => n + 1)}>
            重新加载本期
          </Button>
        ) : null}
        <Button className='submit-quiz' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          {submitting ? '正在判分…' : '交卷'}
        </Button>
      </View>
    </View>
  )
}

/** The result: score, pass or fail, whether it counted, and (signed in) each wrong answer with the right one and its article. */
function ResultView({ result, signedIn, onAgain }: { result: QuizResult; signedIn: boolean; onAgain: () => void }) {
  const scaled = useScaledRoot('campaign-page')
  return (
    <View style={scaled.style} className={`${scaled.className} quiz-result quiz-result--${result.passed ? 'passed' : 'failed'} count-${result.countStatus}`}>
      <Text className='campaign-title'>{result.passed ? '恭喜，测试合格' : '本次测试未合格'}</Text>
      <Text className='quiz-score'>
        {result.score} / {result.total}
      </Text>
      <Text className='campaign-intro'>答对 {result.passMark} 题及格</Text>
      <Text className={`count-status count-status--${result.countStatus}`}>{result.countMessage}</Text>
      {!signedIn ? (
        <Button className='quiz-sign-in' size='small' fill='outline' onClick={() => goToSignIn(undefined, { over: true })}>
          登录后再答一次，计入统计
        </Button>
      ) : null}
      {result.wrong.length > 0 ? (
        <View className='wrong-answers'>
          <Text className='campaign-title'>错题解析</Text>
          {result.wrong.map((wrong) => (
            <View key={wrong.questionId} className={`wrong-answer wrong-${wrong.questionId}`}>
              <Text className='wrong-answer-question'>{wrong.question}</Text>
              <Text className='wrong-answer-chosen'>您的答案：{wrong.chosen ? wrong.chosen.text : '未作答'}</Text>
              {wrong.answer ? <Text className='wrong-answer-right'>正确答案：{wrong.answer.text}</Text> : null}
              <Text className='wrong-answer-article'>依据：{wrong.article}</Text>
            </View>
          ))}
        </View>
      ) : result.score === result.total ? (
        <Text className='campaign-intro all-right'>全部答对！</Text>
      ) : null}
      <View className='campaign-submit'>
        <Button className='quiz-again' fill='outline' block onClick={onAgain}>
          再做一次
        </Button>
        <Button className='quiz-home' fill='none' block onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
          返回首页
        </Button>
      </View>
    </View>
  )
}
