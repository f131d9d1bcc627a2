import Taro from '@tarojs/taro'
import { toCsv, type RouteContract } from '@fangxin/shared'
import { ApiError, fileRequestError, signedFileRequest } from '@/api/client'

const FAILED = '导出失败，请检查网络后重试'

/** What an export left behind: nothing more to do (H5 downloaded it), or a file to forward (WeChat). */
export type CsvExport = { kind: 'downloaded'; fileName: string } | { kind: 'file'; fileName: string; filePath: string }

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/**
 * A staff list as a CSV file the server writes (safe against formula injection): the 联合惩戒 list, the cases
 * awaiting their 12315 number. H5: fetched with the session's token and handed to the browser as a download
 * named `fileName`. WeChat has no downloads folder and cannot open a CSV in place: the file is downloaded to
 * the mini-program (under the last, ASCII, segment of the route's path), to be forwarded to a chat (and opened on a
 * computer) with {@link shareCsv}, where it is called `fileName`.
 * @throws ApiError worded for the person
 */
export async function exportCsv(route: RouteContract, fileName: string, params: Record<string, string> = {}): Promise<CsvExport> {
  const { url, header } = signedFileRequest(route, params)
  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(url, { headers: { ...header, Accept: 'text/csv' } })
    } catch {
      throw new ApiError('NETWORK', FAILED)
    }
    if (!response.ok) throw fileRequestError(response.status, await bodyOf(response))
    downloadInBrowser(await response.blob(), fileName)
    return { kind: 'downloaded', fileName }
  }

  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url, header, filePath: `${Taro.env.USER_DATA_PATH}/${route.path.split('/').pop()}` })
  } catch {
    throw new ApiError('NETWORK', FAILED)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) {
    let body: unknown
    try {
      body = JSON.parse(String(Taro.getFileSystemManager().readFileSync(result.filePath, 'utf8')))
    } catch {
      body = undefined
    }
    throw fileRequestError(result.statusCode, body)
  }
  return { kind: 'file', fileName, filePath: result.filePath }
}

/** H5: hands a file to the browser as a download named `fileName`. */
function downloadInBrowser(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/**
 * A table the page already shows (the dashboard's breakdowns) as a CSV file, written here with the same
 * helper the server uses (`toCsv`: UTF-8 with BOM, every cell quoted, formula triggers neutralised with an
 * apostrophe). H5: downloaded; WeChat: written to the mini-program's files, to be forwarded with {@link shareCsv}.
 * @throws ApiError worded for the person
 */
export async function saveCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, fileName: string): Promise<CsvExport> {
  const text = toCsv(rows)
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName)
    return { kind: 'downloaded', fileName }
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/table-${Date.now()}.csv`
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  } catch {
    throw new ApiError('INTERNAL', '未能生成文件，请重试')
  }
  return { kind: 'file', fileName, filePath }
}

/** Forwards the downloaded CSV to a WeChat chat (must run in a tap handler). */
export async function shareCsv(file: Extract<CsvExport, { kind: 'file' }>): Promise<void> {
  await Taro.shareFileMessage({ filePath: file.filePath, fileName: file.fileName })
}
