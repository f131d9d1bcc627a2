// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { stationRoutes, type LedgerLine } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PageNotice, type Notice } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime, shanghaiToday } from '@/lib/time'
import { exportCsv, shareCsv, type CsvExport } from '../../csv-export'
import { NotStationView, isStationSession } from '../../components/station-gate'
import '../../station.css'

type Line = LedgerLine & { id: string }

/**
 * 台账: what the station took in, newest first, with where each case stands, whether the consumer has
 * claimed it and rated it (names and phones masked); 导出 CSV gives the whole ledger. A line opens the case.
 */
export default function StationLedgerPage() {
  const session = useRequiredSession()
  const member = isStationSession(session)
  const [notice, setNotice] = useState<Notice>()
  const [exporting, setExporting] = useState(false)
  const [file, setFile] = useState<Extract<CsvExport, { kind: 'file' }>>()
  const list = usePagedList<Line>(
    async (cursor) => {
      const page = await call(stationRoutes.stationLedger, { query: pageQuery(cursor) })
      return { items: page.items.map((line) => ({ ...line, id: line.complaintId })), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
    },
    session?.user.id ?? '',
    member
  )

  const runExport = async () => {
    if (exporting) return
    setExporting(true)
    setNotice(undefined)
    try {
      const result = await exportCsv(stationRoutes.stationLedgerCsv, `投诉站台账-${shanghaiToday(new Date())}.csv`)
      if (result.kind === 'file') {
        setFile(result)
        setNotice({ kind: 'success', text: '已生成 CSV 文件。点「发送到聊天」转发给自己（文件传输助手），在电脑上用表格软件打开。' })
      } else {
        setNotice({ kind: 'success', text: `已下载 ${result.fileName}` })
      }
    } catch (error) {
      setNotice({ kind: 'error', text: toApiError(error).message })
    } finally {
      setExporting(false)
    }
  }

  if (!isStationSession(session)) return <NotStationView session={session} />

  return (
    <View className='station-page station-ledger'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='station-actions'>
        <Button className='export-ledger' type='primary' size='small' loading={exporting} onClick={() => void runExport()}>
          导出 CSV
        </Button>
        {file ? (
          <Button className='share-csv' size='small' fill='outline' onClick={() => void shareCsv(file).catch(() => setNotice({ kind: 'error', text: '未能发送文件，请重试' }))}>
            发送到聊天
          </Button>
        ) : null}
      </View>
      <PagedListView
        list={list}
        className='ledger-list'
        loadingText='正在加载台账…'
        emptyTitle='本站还没有受理投诉'
        emptyDescription='消费者到站或来电投诉时，在工作台点「代为登记投诉」'
        emptyAction={
          <Button type='primary' onClick={() => void Taro.navigateTo({ url: PAGES.stationFile })}>
            代为登记投诉
          </Button>
        }
      >
        {(items) =>
          items.map((line) => (
            <View
              key={line.id}
              className={`ledger-item ledger-item-${line.id}`}
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.stationCase, { id: line.complaintId }) })}
            >
              <View className='ledger-item-head'>
                <Text className='ledger-item-title'>{line.merchantName}</Text>
                <Text className='ledger-item-status'>{line.statusLabel}</Text>
              </View>
              <Text className='station-line'>
                {line.channelLabel} · {formatShanghaiTime(line.filedAt)} · {line.categoryLabel}
              </Text>
              <Text className='station-line'>
                消费者 {line.consumerName} {line.consumerPhone}
              </Text>
              <View className='ledger-tags'>
                <Tag className={line.claimed ? 'tag-claimed' : 'tag-unclaimed'} plain background={line.claimed ? '#1b7d3a' : '#a66a00'}>
                  {line.claimed ? '消费者已认领' : '未认领'}
                </Tag>{' '}
                {line.rated ? (
                  <Tag className='tag-rated' plain background='#1677ff'>
                    已评价
                  </Tag>
                ) : null}
              </View>
            </View>
          ))
        }
      </PagedListView>
    </View>
  )
}
