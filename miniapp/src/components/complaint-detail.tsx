import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup, Image, Step, Steps, Tag } from '@nutui/nutui-react-taro'
import type { ComplaintView } from '@fangxin/shared'
import { tapName } from '@/lib/a11y'
import { PAGES, pageUrl } from '@/lib/navigation'
import { formatYuan } from '@/lib/money'
import { formatShanghaiTime } from '@/lib/time'
import { ModerationNote, isPlaceholder } from './moderation-note'
import './complaint-detail.css'

type TimelineEntry = ComplaintView['timeline'][number]

/** Terminal, good-for-the-consumer and waiting statuses get their own colour; the words come from the server. */
function statusTone(status: ComplaintView['status']): 'done' | 'closed' | 'open' {
  if (status === 'settled_in_shop' || status === 'mediated') return 'done'
  if (status === 'withdrawn' || status === 'not_accepted' || status === 'mediation_failed') return 'closed'
  return 'open'
}

/** The text's own class, greyed when it is the placeholder for words held back from this viewer. */
const textClass = (base: string, moderation: TimelineEntry['moderation'], shown: string | undefined) =>
  isPlaceholder(moderation, shown) ? `${base} moderation-placeholder` : base

/** The flag of the last event of a type: the proposal and the rating in force repeat that event's words. */
const lastFlagOf = (timeline: readonly TimelineEntry[], type: string) => [...timeline].reverse().find((entry) => entry.type === type)?.moderation

/**
 * A complaint as the server tailored it for the viewer: status, the running deadline in words (marked 预计
 * when it is an estimate), the written notice of a refusal or of the end of mediation when there is one, the
 * facts (with the 12315 number once staff recorded it), photos, the merchant's proposal, the rating and the
 * timeline. Used by the consumer's detail
 * page and by the merchant's and staff's pages; the server has already left out what the viewer may not
 * see (internal notes for non-staff, a masked phone, a placeholder for the other party's words while
 * content security holds them). `forStaff` (the staff case page) words the content-security notes for
 * a reviewer.
 */
export function ComplaintDetail({
  complaint,
  forStaff = false,
  aboutNotice
}: {
  complaint: ComplaintView
  forStaff?: boolean
  /** What the viewer's own page adds under the written notice's link (staff: whether it has reached both parties). */
  aboutNotice?: ReactNode
}) {
  return (
    <View className='complaint-detail'>
      <View className='complaint-head'>
        <View className='complaint-head-row'>
          <Text className={`complaint-status complaint-status--${statusTone(complaint.status)}`}>{complaint.statusLabel}</Text>
          <Text className='complaint-id'>编号 {complaint.id}</Text>
        </View>
        <Text className='complaint-merchant'>{complaint.merchant.name}</Text>
        {complaint.deadline ? <DeadlineLine deadline={complaint.deadline} /> : null}
      </View>

      {complaint.notice ? (
        <CellGroup className='complaint-notice'>
          <NoticeLink complaintId={complaint.id} title={complaint.notice.title} />
          {aboutNotice}
        </CellGroup>
      ) : null}

      <CellGroup title='投诉内容' className='complaint-facts'>
        <Cell title='投诉类别' extra={complaint.categoryLabel} />
        {complaint.breachedCommitment ? <Cell title='涉及承诺' extra={complaint.breachedCommitment.title} /> : null}
        <Cell title='购买日期' extra={complaint.purchaseDate} />
        {complaint.amount ? <Cell title='涉及金额' extra={formatYuan(complaint.amount)} /> : null}
        <Cell title='诉求' extra={complaint.wantedOutcomeLabel} />
        {complaint.phone ? <Cell title='联系电话' extra={complaint.phone} /> : null}
        <Cell title='提交时间' extra={formatShanghaiTime(complaint.filedAt)} />
        {complaint.case12315 ? <Cell className='complaint-case12315' title='12315编号' extra={complaint.case12315} /> : null}
        <Cell
          className='complaint-description'
          title='问题描述'
          description={
            <View>
              <Text className={textClass('complaint-description-text', complaint.descriptionModeration, complaint.description)}>
                {complaint.description}
              </Text>
              <ModerationNote moderation={complaint.descriptionModeration} shownText={complaint.description} forStaff={forStaff} />
            </View>
          }
        />
      </CellGroup>

      {complaint.photos.length > 0 ? <Photos photos={complaint.photos} /> : null}

      {complaint.proposal ? (
        <CellGroup title='商家和解方案' className='complaint-proposal'>
          <Cell title='处理方式' extra={complaint.proposal.outcomeLabel} />
          {complaint.proposal.amount ? <Cell title='金额' extra={formatYuan(complaint.proposal.amount)} /> : null}
          <Cell title='履行日期' extra={`${complaint.proposal.dueDate} 前`} />
          <Cell
            title='方案说明'
            description={
              <View>
                <Text className={textClass('complaint-proposal-text', lastFlagOf(complaint.timeline, 'propose'), complaint.proposal.text)}>
                  {complaint.proposal.text}
                </Text>
                <ModerationNote moderation={lastFlagOf(complaint.timeline, 'propose')} shownText={complaint.proposal.text} forStaff={forStaff} />
              </View>
            }
          />
          {complaint.fulfilledAt ? <Cell title='商家已履行' extra={formatShanghaiTime(complaint.fulfilledAt)} /> : null}
        </CellGroup>
      ) : null}

      {complaint.rating ? (
        <CellGroup title='消费者评价' className='complaint-rating'>
          <Cell
            title='满意度'
            className='complaint-rating-value'
            extra={complaint.rating.sourceLabel ? `${complaint.rating.ratingLabel}（${complaint.rating.sourceLabel}）` : complaint.rating.ratingLabel}
          />
          {complaint.rating.comment ? (
            <Cell
              title='评价内容'
              description={
                <View>
                  <Text className={textClass('complaint-rating-text', lastFlagOf(complaint.timeline, 'rate'), complaint.rating.comment)}>
                    {complaint.rating.comment}
                  </Text>
                  <ModerationNote moderation={lastFlagOf(complaint.timeline, 'rate')} shownText={complaint.rating.comment} forStaff={forStaff} />
                </View>
              }
            />
          ) : null}
        </CellGroup>
      ) : null}

      <Timeline entries={complaint.timeline} forStaff={forStaff} />
    </View>
  )
}

/**
 * The running deadline in the server's words. One counted partly on Monday–Friday (a year's holidays not yet
 * published) says so in its text and carries a 预计 tag: it may still move when the year is entered.
 */
function DeadlineLine({ deadline }: { deadline: NonNullable<ComplaintView['deadline']> }) {
  return (
    <View
      className={`complaint-deadline ${deadline.overdue ? 'complaint-deadline--overdue' : ''} ${deadline.estimated ? 'complaint-deadline--estimated' : ''}`}
    >
      {deadline.estimated ? (
        <Tag className='deadline-estimated-tag' plain background='#a66a00'>
          预计
        </Tag>
      ) : null}
      <Text className='complaint-deadline-text'>
        {deadline.overdue ? '已超期：' : ''}
        {deadline.text}
      </Text>
    </View>
  )
}

/** The written notice of a refusal or of the end of mediation (`.open-notice`): its own page, to read and keep. */
function NoticeLink({ complaintId, title }: { complaintId: string; title: string }) {
  return (
    <Cell
      className='open-notice'
      title={`查看${title}`}
      description='决定、依据和后续途径，可截图保存'
      extra='打开'
      clickable
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.partyNotice, { id: complaintId }) })}
    />
  )
}

/**
 * Tapping a photo opens the platform's own viewer (WeChat's: pinch to zoom, swipe, long-press to save).
 * Not NutUI's ImagePreview: it brings the Taro Swiper and Video components, and on H5 every page shares
 * one module of Taro components, so the scan page would download and run a 330 KB carousel it never shows.
 */
function Photos({ photos }: { photos: ComplaintView['photos'] }) {
  const urls = photos.map((photo) => photo.url)
  const open = (index: number) => {
    Taro.previewImage({ current: urls[index], urls }).catch((error: unknown) => console.warn('photo preview failed', error))
  }
  return (
    <CellGroup title={`照片（${photos.length}）`} className='complaint-photos'>
      <View className='photo-grid'>
        {photos.map((photo, index) => (
          <View key={photo.key} className='photo-cell' {...tapName(`查看第 ${index + 1} 张照片（共 ${photos.length} 张）`)} onClick={() => open(index)}>
            <Image className='complaint-photo' src={photo.url} width='100%' height='100%' mode='aspectFill' radius={8} />
          </View>
        ))}
      </View>
    </CellGroup>
  )
}

/** Newest first: what happened last is what the reader came for. Internal notes are marked as such. */
function Timeline({ entries, forStaff }: { entries: readonly TimelineEntry[]; forStaff: boolean }) {
  const newestFirst = [...entries].reverse()
  return (
    <View className='complaint-timeline'>
      <Text className='section-title'>处理进度</Text>
      <Steps direction='vertical' type='dot' value={newestFirst.length}>
        {newestFirst.map((entry, index) => (
          <Step
            key={`${entry.at}-${index}`}
            value={index + 1}
            className={`timeline-entry ${entry.internal ? 'timeline-entry--internal' : ''}`}
            title={
              <View className='timeline-heading'>
                <Text className='timeline-title'>{entry.title}</Text>
                {entry.internal ? (
                  <Tag className='timeline-internal-tag' background='#7a5af8'>内部备注 · 仅工作人员可见</Tag>
                ) : null}
              </View>
            }
            description={
              <View className='timeline-body'>
                <Text className='timeline-meta'>
                  {entry.actorLabel} · {formatShanghaiTime(entry.at)}
                </Text>
                {entry.text ? <Text className={textClass('timeline-text', entry.moderation, entry.text)}>{entry.text}</Text> : null}
                <ModerationNote moderation={entry.moderation} shownText={entry.text} forStaff={forStaff} />
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  )
}
