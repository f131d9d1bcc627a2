import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Empty, NoticeBar, Skeleton, Tag } from '@nutui/nutui-react-taro'
import type { MerchantPublicView, PublicCommitment, PublicTrackRecord } from '@fangxin/shared'
import { ApiError, getMerchant, isApiError } from '@/api/client'
import { PAGES, pageUrl } from '@/lib/navigation'
import { shopIdFromParams } from '@/lib/shop-id'
import '@/components/common.css'
import './index.css'

type PageState =
  | { kind: 'loading' }
  | { kind: 'loaded'; merchant: MerchantPublicView }
  | { kind: 'failed'; error: ApiError }

const HOME = '/pages/index/index'

/** The merchant page is often the first page (opened by a scan), so "back" means a fresh home page. */
function goHome() {
  void Taro.reLaunch({ url: HOME })
}

const BADGE_COLORS = {
  model: { background: '#fff4d6', color: '#a66a00' },
  participant: { background: '#e6f6ec', color: '#1b7d3a' }
} as const

/**
 * The consumer page reached by scanning a shop's code: who the shop is, whether it is in good
 * standing, and the commitments it has made in public.
 */
export default function MerchantPage() {
  const { params } = useRouter()
  const shopId = shopIdFromParams(params)
  const [state, setState] = useState<PageState>({ kind: 'loading' })
  // Bumped by 重试 to run the request again.
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!shopId) return
    let current = true
    setState({ kind: 'loading' })
    getMerchant(shopId).then(
      (merchant) => {
        if (current) setState({ kind: 'loaded', merchant })
      },
      (error: unknown) => {
        if (!current) return
        if (isApiError(error)) {
          setState({ kind: 'failed', error })
        } else {
          console.error('unexpected error loading merchant', error)
          setState({ kind: 'failed', error: new ApiError('INTERNAL', '页面出错了，请稍后重试') })
        }
      }
    )
    return () => {
      current = false
    }
  }, [shopId, attempt])

  const shopName = state.kind === 'loaded' ? state.merchant.name : undefined
  useEffect(() => {
    if (shopName) void Taro.setNavigationBarTitle({ title: shopName })
  }, [shopName])

  if (!shopId) {
    return (
      <ShopState className='state-error state-missing-id' glyph='?' title='没有店铺编号' description='请扫描店铺张贴的放心消费二维码，或在首页输入店铺编号' />
    )
  }

  switch (state.kind) {
    case 'loading':
      return <LoadingView />
    case 'failed':
      return <FailedView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
    case 'loaded':
      return <MerchantView merchant={state.merchant} />
  }
}

function LoadingView() {
  return (
    <View className='merchant-page state-loading'>
      <Text className='state-loading-text'>正在加载店铺信息…</Text>
      <Skeleton rows={2} animated visible={false} />
      <Skeleton rows={4} animated visible={false} />
    </View>
  )
}

/** A whole-page state of the shop page (no id, not found, bad id, failure), always with a way home. */
function ShopState(props: { className: string; glyph: string; title: string; description: string; children?: ReactNode; onRetry?: () => void }) {
  return (
    <View className='merchant-page merchant-page--state'>
      <Empty className={props.className} imageSize={80} image={<View className='state-glyph'>{props.glyph}</View>} title={props.title} description={props.description}>
        {props.children}
        <View className='state-actions'>
          {props.onRetry ? <Button type='primary' onClick={props.onRetry}>重试</Button> : null}
          <Button type={props.onRetry ? 'default' : 'primary'} fill={props.onRetry ? 'outline' : undefined} onClick={goHome}>返回首页</Button>
        </View>
      </Empty>
    </View>
  )
}

function FailedView({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.code === 'NOT_FOUND') {
    return <ShopState className='state-not-found' glyph='?' title='未找到该店铺' description='请确认二维码是否完整，或在首页搜索店铺' />
  }
  if (error.code === 'INVALID') {
    // The id itself is wrong: retrying cannot help, the message says what to do.
    return <ShopState className='state-error state-invalid' glyph='!' title='店铺编号有误' description={error.message} />
  }
  const network = error.code === 'NETWORK'
  return (
    <ShopState
      className={network ? 'state-error state-network' : 'state-error'}
      glyph='!'
      title={network ? '网络不可用' : '加载失败'}
      description={error.message}
      onRetry={onRetry}
    >
      {error.correlationId ? <Text className='state-correlation'>错误编号：{error.correlationId}</Text> : null}
    </ShopState>
  )
}

function MerchantView({ merchant }: { merchant: MerchantPublicView }) {
  const { badge } = merchant
  return (
    <View className='merchant-page'>
      {merchant.statusNotice ? (
        <NoticeBar className='merchant-status-notice' content={merchant.statusNotice} wrap />
      ) : null}

      <View className='merchant-header'>
        <Text className='merchant-name'>{merchant.name}</Text>
        <View className='merchant-tags'>
          {badge.kind !== 'none' ? (
            <Tag
              className={`merchant-badge merchant-badge--${badge.kind}`}
              background={BADGE_COLORS[badge.kind].background}
              color={BADGE_COLORS[badge.kind].color}
            >
              {badge.label}
            </Tag>
          ) : null}
          <Tag className='merchant-type' plain background='#666666'>{merchant.typeLabel}</Tag>
          <Tag className='merchant-sector' plain background='#666666'>{merchant.sectorLabel}</Tag>
        </View>
      </View>

      <CellGroup title='店铺信息'>
        <Cell className='merchant-address' title='地址' description={`${merchant.townName} ${merchant.address}`} />
      </CellGroup>

      <TrackRecordView record={merchant.trackRecord} />

      <CellGroup title='本店承诺'>
        {merchant.commitments.length > 0 ? (
          merchant.commitments.map((commitment) => (
            <CommitmentCell
              key={commitment.key}
              commitment={commitment}
              record={merchant.trackRecord.complaints > 0 ? recordOf(merchant.trackRecord, commitment.key) : undefined}
            />
          ))
        ) : (
          <Cell className='commitments-empty' title='该店暂未公示承诺' />
        )}
      </CellGroup>

      <Text className='commitments-since'>以上承诺自 {merchant.commitmentsSince} 起生效</Text>

      <View className='complain-box'>
        <Text className='complain-hint'>在本店消费遇到问题？先和商家沟通；商家不处理时，可以在这里投诉，监管部门会跟进。</Text>
        <Button
          className='file-complaint'
          type='danger'
          fill='outline'
          block
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.newComplaint, { merchantId: merchant.id }) })}
        >
          投诉
        </Button>
      </View>
    </View>
  )
}

type CommitmentRecord = PublicTrackRecord['perCommitment'][number]

/** The commitment's own counts; a commitment nobody has invoked yet counts zero. */
function recordOf(record: PublicTrackRecord, key: string): Pick<CommitmentRecord, 'invoked' | 'honoured'> {
  return record.perCommitment.find((entry) => entry.key === key) ?? { invoked: 0, honoured: 0 }
}

/** A 0..1 share as a whole percentage; null (nothing to divide) as 暂无数据. */
function percent(share: number | null): string {
  return share === null ? '暂无数据' : `${Math.round(share * 100)}%`
}

/**
 * The shop's public record over the last 12 months (counters, not complaints): one honest sentence always,
 * and the rates only when there were complaints at all.
 */
function TrackRecordView({ record }: { record: PublicTrackRecord }) {
  return (
    <View className='track-record'>
      <Text className='track-record-title'>投诉处理记录</Text>
      <Text className='track-summary'>{record.summary}</Text>
      {record.complaints > 0 ? (
        <View className='track-stats'>
          <View className='track-stat track-settled'>
            <Text className='track-stat-value'>{percent(record.settledInShopShare)}</Text>
            <Text className='track-stat-label'>店内和解占比</Text>
          </View>
          <View className='track-stat track-first-response'>
            <Text className='track-stat-value'>{record.medianFirstResponse ?? '暂无数据'}</Text>
            <Text className='track-stat-label'>首次响应中位</Text>
          </View>
          <View className='track-stat track-satisfaction'>
            <Text className='track-stat-value'>{percent(record.satisfaction)}</Text>
            <Text className='track-stat-label'>{record.rated > 0 ? `满意度（${record.rated} 人评价）` : '满意度'}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function CommitmentCell({
  commitment,
  record
}: {
  commitment: PublicCommitment
  /** Shown when the shop had complaints in the last 12 months. */
  record: Pick<CommitmentRecord, 'invoked' | 'honoured'> | undefined
}) {
  return (
    <Cell
      className='commitment-item'
      title={
        <View className='commitment-heading'>
          <Text className='commitment-title'>{commitment.title}</Text>
          {commitment.custom ? (
            <Tag className='commitment-custom' plain background='#c27c0e'>商家自定承诺</Tag>
          ) : null}
        </View>
      }
      description={
        <View>
          <Text className='commitment-explanation'>{commitment.explanation}</Text>
          {commitment.legalBasis ? <Text className='commitment-legal'>{commitment.legalBasis}</Text> : null}
          {record ? (
            <Text className={`commitment-record ${record.invoked > record.honoured ? 'commitment-record--open' : ''}`}>
              被投诉 {record.invoked} 次，兑现 {record.honoured} 次
            </Text>
          ) : null}
        </View>
      }
    />
  )
}
