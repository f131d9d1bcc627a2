// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes, type PartyNoticeView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { useScaledRoot } from '@/components/font-scale'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { PrivacyConsentDialog } from '@/components/privacy-consent'
import { decodedParam } from '@/lib/decode'
import { chineseDate } from '@/lib/dates-in-words'
import { GROUND_HEADINGS, noticeText } from '@/lib/notice-text'
import { useRequiredSession } from '@/lib/sign-in'
import './index.css'

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; notice: PartyNoticeView }

/**
 * The written notice of a refusal (不予受理告知书) or of the end of mediation (终止调解告知书), laid out as a
 * document to read and keep: what was decided, when, on which ground and article, by whom, and what the
 * consumer can do next. The complainant, the shop's people and staff open it from the complaint; a party
 * opening it is how the server knows it has reached them. There is nothing to download in a mini-program,
 * so the page says how to keep it: a screenshot, or in WeChat 复制全文 into a chat or a note.
 */
export default function PartyNoticePage() {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const session = useRequiredSession()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  const [notice, setNotice] = useState<Notice>()
  const [attempt, setAttempt] = useState(0)
  const root = useScaledRoot('page notice-page')

  useEffect(() => {
    if (!id || !session) return
    let current = true
    setState({ kind: 'loading' })
    call(routes.partyNotice, { params: { id } })
      .then((loaded) => current && setState({ kind: 'loaded', notice: loaded }))
      .catch((error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) }))
    return () => {
      current = false
    }
  }, [id, session, attempt])

  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少投诉编号，请从投诉详情进入')} />
  if (!session) return <LoadingView text='正在登录…' />
  if (state.kind === 'loading') return <LoadingView text='正在加载告知书…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />

  const paper = state.notice
  const copy = () =>
    void Taro.setClipboardData({ data: noticeText(paper) })
      .then(() => setNotice({ kind: 'success', text: '已复制告知书全文，可粘贴到聊天或备忘录中保存' }))
      .catch(() => setNotice({ kind: 'error', text: '未能复制，请截图保存' }))

  return (
    <View {...root}>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className={`party-notice party-notice--${paper.kind}`}>
        <Text className='party-notice-title'>{paper.title}</Text>
        <View className='party-notice-facts'>
          <Fact className='notice-complaint-id' label='投诉编号' value={paper.complaintId} />
          <Fact className='notice-merchant' label='被投诉人' value={paper.merchantName} />
          {paper.case12315 ? <Fact className='notice-case12315' label='12315编号' value={paper.case12315} /> : null}
          <Fact className='notice-decided-on' label='决定日期' value={chineseDate(paper.decidedOn)} />
        </View>
        <View className='party-notice-ground'>
          <Text className='party-notice-heading'>{GROUND_HEADINGS[paper.kind]}</Text>
          <Text className='party-notice-ground-label'>{paper.ground.label}</Text>
          {paper.ground.article ? <Text className='party-notice-article'>依据：{paper.ground.article}</Text> : null}
        </View>
        {paper.note ? (
          <View className='party-notice-note'>
            <Text className='party-notice-heading'>说明</Text>
            <Text className='party-notice-paragraph'>{paper.note}</Text>
          </View>
        ) : null}
        <View className='party-notice-next-steps'>
          <Text className='party-notice-heading'>您可以：</Text>
          {paper.nextSteps.map((step, index) => (
            <Text key={step} className='party-notice-step'>
              {index + 1}. {step}
            </Text>
          ))}
        </View>
        <View className='party-notice-signature'>
          <Text className='party-notice-issuer'>作出单位：{paper.issuer}</Text>
          <Text className='party-notice-date'>{chineseDate(paper.decidedOn)}</Text>
        </View>
      </View>

      <View className='notice-keep'>
        <Text className='notice-keep-hint'>请妥善保存本告知书：可以截图保存{process.env.TARO_ENV === 'weapp' ? '，或复制全文后粘贴到聊天、备忘录中' : ''}。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='copy-notice' type='primary' block onClick={copy}>
            复制全文
          </Button>
        ) : null}
      </View>
      <PrivacyConsentDialog />
    </View>
  )
}

function Fact({ className, label, value }: { className: string; label: string; value: string }) {
  return (
    <View className={`party-notice-fact ${className}`}>
      <Text className='party-notice-fact-label'>{label}：</Text>
      <Text className='party-notice-fact-value' userSelect>
        {value}
      </Text>
    </View>
  )
}
