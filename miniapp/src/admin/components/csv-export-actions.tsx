import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RouteContract } from '@fangxin/shared'
import { toApiError } from '@/api/client'
import type { Notice } from '@/components/state-views'
import { exportCsv, saveCsv, shareCsv, type CsvExport } from '../csv-export'
import './csv-export-actions.css'

/**
 * 导出 CSV for a staff list (`className` on the button, for tests), and in WeChat, once the file is there,
 * 发送到聊天. What happened is told through `onNotice`, for the page to show above its content.
 */
export function CsvExportActions({
  route,
  params,
  rows,
  fileName,
  className,
  label = '导出 CSV',
  onNotice
}: {
  /** A route of the contract that answers with a CSV file… */
  route?: RouteContract
  /** …with these path parameters… */
  params?: Record<string, string>
  /** …or a table the page shows, header first, written as CSV here. */
  rows?: () => ReadonlyArray<ReadonlyArray<string | number>>
  /** The file's name as the person sees it (a date in it helps), computed at the tap. */
  fileName: () => string
  className: string
  label?: string
  onNotice: (notice: Notice | undefined) => void
}) {
  const [exporting, setExporting] = useState(false)
  const [file, setFile] = useState<Extract<CsvExport, { kind: 'file' }>>()

  const run = async () => {
    if (exporting) return
    setExporting(true)
    onNotice(undefined)
    try {
      const result = rows ? await saveCsv(rows(), fileName()) : await exportCsv(route!, fileName(), params)
      if (result.kind === 'file') {
        setFile(result)
        onNotice({ kind: 'success', text: '已生成 CSV 文件。点「发送到聊天」转发给自己（文件传输助手），在电脑上用表格软件打开。' })
      } else {
        onNotice({ kind: 'success', text: `已下载 ${result.fileName}` })
      }
    } catch (error) {
      onNotice({ kind: 'error', text: toApiError(error).message })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className='csv-export-actions'>
      <Button className={className} type='primary' size='small' loading={exporting} onClick={() => void run()}>
        {label}
      </Button>
      {file ? (
        <Button
          className='share-csv'
          size='small'
          fill='outline'
          onClick={() => void shareCsv(file).catch(() => onNotice({ kind: 'error', text: '未能发送文件，请重试' }))}
        >
          发送到聊天
        </Button>
      ) : null}
    </View>
  )
}
