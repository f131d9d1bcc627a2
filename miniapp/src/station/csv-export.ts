import Taro from '@tarojs/taro'
import type { RouteContract } from '@fangxin/shared'
import { ApiError, fileRequestError, signedFileRequest } from '@/api/client'

const FAILED = '导出失败，请检查网络后重试'

/** What an export left behind: nothing more to do (H5 downloaded it), or a file to forward (WeChat). */
export type CsvExport = { kind: 'downloaded'; fileName: string } | { kind: 'file'; fileName: string; filePath: string }

/**
 * The station's ledger as the CSV file the server writes (formula-safe, names and phones masked), the way
 * the admin subpackage exports its lists (admin/csv-export.ts; a role's subpackage does not import another's):
 * H5 downloads it; WeChat saves it to the mini-program's files, to be forwarded to a chat.
 * @throws ApiError worded for the person
 */
export async function exportCsv(route: RouteContract, fileName: string): Promise<CsvExport> {
  const { url, header } = signedFileRequest(route)
  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(url, { headers: { ...header, Accept: 'text/csv' } })
    } catch {
      throw new ApiError('NETWORK', FAILED)
    }
    if (!response.ok) throw fileRequestError(response.status, await response.json().catch(() => undefined))
    const href = URL.createObjectURL(await response.blob())
    const link = document.createElement('a')
    link.href = href
    link.download = fileName
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    document.body.removeChild(link)
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return { kind: 'downloaded', fileName }
  }
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url, header, filePath: `${Taro.env.USER_DATA_PATH}/${route.path.split('/').pop()}` })
  } catch {
    throw new ApiError('NETWORK', FAILED)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) throw fileRequestError(result.statusCode, undefined)
  return { kind: 'file', fileName, filePath: result.filePath }
}

/** Forwards the saved CSV to a WeChat chat (must run in a tap handler). */
export async function shareCsv(file: Extract<CsvExport, { kind: 'file' }>): Promise<void> {
  await Taro.shareFileMessage({ filePath: file.filePath, fileName: file.fileName })
}
