import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import type { MerchantPublicView, PublicCommitment, PublicTrackRecord } from '@fangxin/shared'
import { BADGE_COLORS } from '@/components/badge-colors'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useScaledRoot } from '@/components/font-scale'
import { ShopRecalls } from './shop-recalls'

/** The shop as a consumer sees it: standing, address, record, commitments, and the way to complain. */
export function ShopView({ merchant }: { merchant: MerchantPublicView }) {
  const { badge } = merchant
  return (
    <View {...useScaledRoot('page merchant-page')}>
      {merchant.statusNotice ? (
        // A plain banner, not NutUI's NoticeBar: its scrolling machinery is ~8 KB of the main package for one line.
        <View className='merchant-status-notice' role='alert'>
          <Text>{merchant.statusNotice}</Text>
        </View>
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

      {merchant.recallsInForce > 0 ? <ShopRecalls merchantId={merchant.id} total={merchant.recallsInForce} /> : null}

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

      <View className='quiz-box'>
        <Text className='complain-hint'>了解消费维权法律，参加本县法律法规知晓率测试（约 3 分钟）。</Text>
        <Button className='take-quiz' fill='outline' block onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.quiz, { merchantId: merchant.id }) })}>
          维权知识测试
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
