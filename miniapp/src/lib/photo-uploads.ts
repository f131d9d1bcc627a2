/**
 * Photos picked for a form, as far as sending it cares: each uploads on its own as soon as it is picked.
 * No Taro here, so unit tests can run it.
 */

/** A picked photo's upload: on its way, done (with its key), or failed (retry or remove it). */
export interface PhotoUpload {
  status: 'uploading' | 'done' | 'failed'
  key?: string
}

/**
 * Why a form with these photos may not be sent yet, in the words the form shows; undefined when every photo
 * is uploaded. A failed photo blocks too: sending without it would leave evidence out without anyone
 * noticing, so the person retries or removes it.
 */
export function photoUploadProblem(photos: readonly Pick<PhotoUpload, 'status'>[]): string | undefined {
  if (photos.some((photo) => photo.status === 'uploading')) return '照片还在上传，请稍候再提交'
  if (photos.some((photo) => photo.status === 'failed')) return '有照片上传失败，请点「重试」或删除后再提交'
  return undefined
}
