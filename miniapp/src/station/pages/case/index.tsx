// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro'
import { stationRoutes, type ComplaintView } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { CommandPanel } from '@/components/command-form'
import { ComplaintDetail } from '@/components/complaint-detail'
import { ComplaintScreen } from '@/components/complaint-screen'
import type { CommandDeclaration } from '@/lib/command-draft'
import { FOLLOW_UP_FORM, ratingSourceText } from '@/lib/follow-up'
import { newIdempotencyKey } from '@/lib/ids'
import { answerMayBeLost } from '@/lib/repeat-submission'
import { PAGES, pageUrl } from '@/lib/navigation'
import { holdReceipt } from '../../receipt-memory'
import { isClaimed } from '../../station-form'
import '../../station.css'

/** What a station may do on a case it took in: answer for the consumer until claimed, and the 回访 after closing. */
const STATION_ACTIONS = ['accept_proposal', 'reject_proposal', 'escalate', 'withdraw', 'follow_up'] as const
type StationAction = (typeof STATION_ACTIONS)[number]

const FOR_THE_CONSUMER = '由投诉站代消费者操作，请先电话或当面征得消费者同意。'

const STATION_COMMANDS: Record<StationAction, CommandDeclaration> = {
  accept_proposal: { fields: [], submit: '代消费者接受方案', note: `${FOR_THE_CONSUMER}接受后商家按方案履行。`, done: '已代消费者接受方案' },
  reject_proposal: {
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '不接受的理由（选填）', maxLength: 500 }],
    submit: '代消费者不接受方案',
    note: `${FOR_THE_CONSUMER}不接受后转交监管部门。`,
    done: '已转交监管部门'
  },
  escalate: {
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '申请说明（选填）', maxLength: 500 }],
    submit: '代消费者申请监管部门介入',
    note: FOR_THE_CONSUMER,
    done: '已申请监管部门介入'
  },
  withdraw: {
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '撤回原因（选填）', maxLength: 200 }],
    submit: '代消费者撤回投诉',
    note: `${FOR_THE_CONSUMER}撤回后投诉结束。`,
    danger: true,
    done: '投诉已撤回'
  },
  follow_up: FOLLOW_UP_FORM
}

/**
 * A case the station took in: how it came in (channel, consumer, consent), what the station may do now —
 * answer for the consumer until they claim it, 记录电话回访 after it closes — and the complaint itself.
 * While the consumer has not claimed it, 重新生成认领码 issues a new code (the old one stops working).
 */
export default function StationCasePage() {
  const { params } = useRouter()
  const replayed = params.replayed === '1'
  return (
    <ComplaintScreen
      className='station-case-page'
      missingId='缺少投诉编号，请从投诉站台账进入'
      askForUpdatesOn={[]}
      whereToLook='进度请在投诉站「台账」查看'
    >
      {(loaded) => (
        <>
          {replayed ? (
            <View className='station-card'>
              <Text className='station-line replayed-note'>
                这件投诉已经登记过了（上次提交已成功），没有重复登记。认领码只在首次提交时显示；如果消费者没有拿到，请点下方「重新生成认领码」。
              </Text>
            </View>
          ) : null}
          <IntakeCard complaint={loaded.complaint} />
          <CommandPanel title='投诉站可以' order={STATION_ACTIONS} commands={STATION_COMMANDS} loaded={loaded} idle='投诉站暂时没有可办理的事项。' />
          <ComplaintDetail complaint={loaded.complaint} />
        </>
      )}
    </ComplaintScreen>
  )
}

function IntakeCard({ complaint }: { complaint: ComplaintView }) {
  const claimed = isClaimed(complaint.timeline)
  const source = ratingSourceText(complaint)
  return (
    <CellGroup title='受理信息' className='station-intake'>
      {complaint.intake ? <Cell title='受理方式' extra={complaint.intake.channelLabel} /> : null}
      {complaint.intake?.consumerName ? <Cell title='消费者' extra={complaint.intake.consumerName} /> : null}
      {complaint.intake?.spokenConsent ? <Cell title='个人信息处理' extra='已取得口头同意' /> : null}
      <Cell className={claimed ? 'intake-claimed' : 'intake-unclaimed'} title='消费者认领' extra={claimed ? '已认领，消费者本人在小程序中跟进' : '未认领'} />
      {source ? <Cell className='rating-source' title='满意度' extra={source} /> : null}
      {claimed ? null : <ReissueCode complaint={complaint} />}
    </CellGroup>
  )
}

/** 重新生成认领码: a new code for the consumer's slip (and SMS); the old one stops working. */
function ReissueCode({ complaint }: { complaint: ComplaintView }) {
  const [sendBySms, setSendBySms] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const inFlight = useRef(false)
  // One key per new code: a retry after a lost answer gets the same code, and no second SMS.
  const idempotencyKey = useRef<string>()

  const reissue = async () => {
    if (inFlight.current) return
    const { confirm } = await Taro.showModal({
      title: '重新生成认领码？',
      content: '原认领码将立即失效。新认领码只显示一次，请打印回执或告诉消费者。',
      confirmText: '重新生成'
    }).catch(() => ({ confirm: false }))
    if (!confirm) return
    inFlight.current = true
    setBusy(true)
    setError(undefined)
    try {
      idempotencyKey.current ??= newIdempotencyKey()
      const issued = await call(stationRoutes.reissueClaimCode, { params: { id: complaint.id }, body: { sendBySms }, idempotencyKey: idempotencyKey.current })
      idempotencyKey.current = undefined
      holdReceipt({
        complaintId: complaint.id,
        merchantName: complaint.merchant.name,
        consumerName: complaint.intake?.consumerName ?? '',
        channelLabel: complaint.intake?.channelLabel ?? '',
        filedAt: complaint.filedAt,
        ...issued,
        reissued: true
      })
      void Taro.navigateTo({ url: pageUrl(PAGES.stationReceipt, { id: complaint.id }) })
    } catch (raw) {
      const failure = toApiError(raw)
      // Sent again only when its answer may have been lost; a refusal ends the request.
      if (!answerMayBeLost(failure)) idempotencyKey.current = undefined
      if (failure.code !== 'UNAUTHENTICATED') setError(failure.message)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <>
      <Cell
        className='reissue-sms'
        title='同时短信发送新认领码'
        extra={
          <Switch
            checked={sendBySms}
            onChange={(checked) => {
              // Another request: a key already sent stays with the request it was sent with.
              idempotencyKey.current = undefined
              setSendBySms(checked)
            }}
          />
        }
      />
      <Cell>
        <View className='reissue-block'>
          <Button className='reissue-claim-code' fill='outline' type='primary' block loading={busy} onClick={() => void reissue()}>
            重新生成认领码
          </Button>
          {error ? <Text className='field-error reissue-error'>{error}</Text> : null}
        </View>
      </Cell>
    </>
  )
}
