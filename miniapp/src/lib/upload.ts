import Taro from '@tarojs/taro'
import { routes } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'

/** A photo picked on the device, not yet uploaded. */
export interface PickedPhoto {
  /** Temp path (weapp) or blob: URL (H5); also what the thumbnail shows. */
  path: string
  size: number
  contentType: 'image/jpeg' | 'image/png' | undefined
  /** The browser's File, on H5. */
  file?: Blob
}

const NOT_AN_IMAGE = '只能上传 JPG 或 PNG 图片'
const UPLOAD_FAILED = '照片上传失败，请检查网络后重试'

function contentTypeOf(path: string, declared?: string): PickedPhoto['contentType'] {
  if (declared === 'image/jpeg' || declared === 'image/png') return declared
  if (/\.png$/i.test(path)) return 'image/png'
  if (/\.jpe?g$/i.test(path)) return 'image/jpeg'
  return undefined
}

/**
 * Lets the person pick up to `max` photos (camera or album). WeChat is asked for compressed copies: a
 * receipt stays readable and the upload stays small on a mobile network.
 */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return []
  let result: Taro.chooseImage.SuccessCallbackResult
  try {
    result = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return [] // cancelled
  }
  return result.tempFiles.slice(0, max).map((picked) => {
    const h5File = (picked as { originalFileObj?: File }).originalFileObj
    return {
      path: picked.path,
      size: picked.size,
      contentType: contentTypeOf(h5File?.name ?? picked.path, h5File?.type ?? (picked as { type?: string }).type),
      ...(h5File ? { file: h5File } : {})
    }
  })
}

async function bytesOf(photo: PickedPhoto): Promise<Blob | ArrayBuffer> {
  if (process.env.TARO_ENV === 'h5') {
    if (photo.file) return photo.file
    const response = await fetch(photo.path)
    return response.blob()
  }
  return new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: photo.path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject
    })
  })
}

async function put(url: string, headers: Record<string, string>, bytes: Blob | ArrayBuffer): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { method: 'PUT', headers, body: bytes as Blob })
    return response.ok
  }
  const response = await Taro.request({ url, method: 'PUT', header: headers, data: bytes, dataType: '其他', responseType: 'text' })
  return response.statusCode >= 200 && response.statusCode < 300
}

/**
 * Uploads one photo: asks the API for a ticket (`{contentType,size}` → presigned URL + headers), PUTs the
 * bytes straight to storage, and returns the object key the complaint will refer to.
 */
export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  if (!photo.contentType) throw new ApiError('INVALID', NOT_AN_IMAGE, undefined, 'photos')
  const ticket = await call(routes.requestUpload, { body: { contentType: photo.contentType, size: photo.size } })
  let ok = false
  try {
    ok = await put(ticket.uploadUrl, ticket.headers, await bytesOf(photo))
  } catch (error) {
    console.warn('photo upload failed', error)
    throw new ApiError('NETWORK', UPLOAD_FAILED)
  }
  if (!ok) throw new ApiError('UNAVAILABLE', UPLOAD_FAILED)
  return ticket.key
}
