import { Text, View } from '@tarojs/components'
import { INDICATOR_KEYS, type DashboardRow } from '@fangxin/shared'
import type { Notice } from '@/components/state-views'
import { SHORT_LABELS, breakdownCsv } from '../campaign'
import { CsvExportActions } from './csv-export-actions'
import './campaign.css'

/**
 * A breakdown (months, towns, sectors) as a table: received, handled and the four indicators, each rate 「—」
 * for an empty period and red when short of its target; with 导出 CSV of the same rows (`exportClass`).
 */
export function BreakdownTable({
  rows,
  first,
  className,
  exportClass,
  fileName,
  onNotice,
  label = (row) => row.label
}: {
  rows: readonly DashboardRow[]
  /** The first column's heading (月份, 乡镇（街道）, 行业). */
  first: string
  className: string
  exportClass: string
  fileName: () => string
  onNotice: (notice: Notice | undefined) => void
  label?: (row: DashboardRow) => string
}) {
  return (
    <View className={`breakdown ${className}`}>
      <View className='table-wrap'>
        <View className='table-row table-row--head'>
          <Text className='table-cell table-cell--name'>{first}</Text>
          <Text className='table-cell'>受理</Text>
          <Text className='table-cell'>已处理</Text>
          {INDICATOR_KEYS.map((key) => (
            <Text key={key} className='table-cell'>
              {SHORT_LABELS[key]}
            </Text>
          ))}
        </View>
        {rows.map((row) => (
          <View key={row.code} className={`table-row breakdown-row breakdown-row--${row.code}`}>
            <Text className='table-cell table-cell--name'>{label(row)}</Text>
            <Text className='table-cell'>{row.received}</Text>
            <Text className='table-cell'>{row.handled}</Text>
            {INDICATOR_KEYS.map((key) => (
              <Text key={key} className={`table-cell rate-${key} ${row.rates[key].meets === false ? 'table-cell--short' : ''}`}>
                {row.rates[key].text}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <View className='table-actions'>
        <CsvExportActions
          rows={() => breakdownCsv(first, rows, label)}
          fileName={fileName}
          className={exportClass}
          label='导出此表（CSV）'
          onNotice={onNotice}
        />
      </View>
    </View>
  )
}
