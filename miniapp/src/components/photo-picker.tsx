import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Image } from '@nutui/nutui-react-taro'
import { toApiError } from '@/api/client'
import { tapName } from '@/lib/a11y'
import { photoUploadProblem } from '@/lib/photo-uploads'
import { pickPhotos, uploadPhoto, type PickedPhoto } from '@/lib/upload'
import { PrivacyConsentDialog } from './privacy-consent'
import './photo-picker.css'

interface Slot {
  id: number
  picked: PickedPhoto
  status: 'uploading' | 'done' | 'failed'
  key?: string
  error?: string
}

/**
 * Photos for a form (an inspection item, a rectification answer, a re-check): each uploads as soon as it is
 * picked (presigned, as complaint photos), can be retried or removed, and the form sends the keys of the
 * uploaded ones — only once `problem` is gone: none on its way, none failed (a failed one would otherwise be
 * left out of the evidence unnoticed). Nothing picked is lost when sending fails: the slots stay.
 */
export function usePhotoUploads(max: number) {
  const [slots, setSlots] = useState<Slot[]>([])
  const nextId = useRef(0)

  const start = (slot: Slot) => {
    uploadPhoto(slot.picked).then(
      (key) => setSlots((all) => all.map((s) => (s.id === slot.id ? { ...s, status: 'done', key } : s))),
      (error: unknown) => setSlots((all) => all.map((s) => (s.id === slot.id ? { ...s, status: 'failed', error: toApiError(error).message } : s)))
    )
  }

  const add = async () => {
    const picked = await pickPhotos(max - slots.length)
    const fresh: Slot[] = picked.map((photo) => ({ id: nextId.current++, picked: photo, status: 'uploading' }))
    setSlots((all) => [...all, ...fresh].slice(0, max))
    fresh.forEach(start)
  }

  return {
    slots,
    max,
    add,
    retry: (slot: Slot) => {
      setSlots((all) => all.map((s) => (s.id === slot.id ? { id: s.id, picked: s.picked, status: 'uploading' } : s)))
      start(slot)
    },
    remove: (slot: Slot) => setSlots((all) => all.filter((s) => s.id !== slot.id)),
    clear: () => setSlots([]),
    keys: slots.filter((s) => s.status === 'done' && s.key).map((s) => s.key!),
    /** Why the form may not be sent yet (see photoUploadProblem); undefined when every photo is uploaded. */
    problem: photoUploadProblem(slots)
  }
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>

/** The picked photos as thumbnails (上传中 / 上传失败 with 重试), and 添加照片 (`.add-photo`) while there is room. */
export function PhotoPicker({ uploads, label = '添加照片' }: { uploads: PhotoUploads; label?: string }) {
  const failure = uploads.slots.find((slot) => slot.error)
  return (
    <View className='photo-picker'>
      {uploads.slots.length > 0 ? (
        <View className='photo-slots'>
          {uploads.slots.map((slot, index) => (
            <View key={slot.id} className={`photo-slot photo-slot--${slot.status}`}>
              <Image src={slot.picked.path} width='100%' height='100%' mode='aspectFill' radius={8} />
              {slot.status !== 'done' ? <Text className='photo-slot-status'>{slot.status === 'uploading' ? '上传中…' : '上传失败'}</Text> : null}
              <View className='photo-slot-actions'>
                {slot.status === 'failed' ? (
                  <Text className='fx-tap photo-retry' {...tapName(`重新上传第 ${index + 1} 张照片`)} onClick={() => uploads.retry(slot)}>
                    重试
                  </Text>
                ) : null}
                <Text className='fx-tap photo-remove' {...tapName(`删除第 ${index + 1} 张照片`)} onClick={() => uploads.remove(slot)}>
                  删除
                </Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {failure ? <Text className='field-hint'>{failure.error}</Text> : null}
      {uploads.slots.length < uploads.max ? (
        <Button className='add-photo' size='small' fill='outline' onClick={() => void uploads.add()}>
          {label}（{uploads.slots.length}/{uploads.max}）
        </Button>
      ) : null}
      {/* Choosing photos is a privacy API: WeChat may first ask for the person's agreement, here. */}
      <PrivacyConsentDialog />
    </View>
  )
}

/** Photos already stored (a finding, an answer), as thumbnails that open full size. */
export function StoredPhotos({ photos, className = '' }: { photos: ReadonlyArray<{ key: string; url: string }>; className?: string }) {
  if (photos.length === 0) return null
  return (
    <View className={`photo-slots stored-photos ${className}`}>
      {photos.map((photo) => (
        <View key={photo.key} className='photo-slot stored-photo'>
          <Image src={photo.url} width='100%' height='100%' mode='aspectFill' radius={8} />
        </View>
      ))}
    </View>
  )
}

/**
 * A self-contained photo field for a form with several (one per checklist item): it owns its uploads and tells
 * the form the uploaded keys, and why it may not be sent yet (a photo on its way or failed: see
 * photoUploadProblem), whenever they change — and, when it goes (the item no longer asks for photos), that
 * it holds none.
 */
export function PhotoField({
  max,
  label,
  onChange
}: {
  max: number
  label?: string
  onChange: (keys: string[], problem: string | undefined) => void
}) {
  const uploads = usePhotoUploads(max)
  const signature = `${uploads.keys.join(',')}|${uploads.problem ?? ''}`
  const report = useRef(onChange)
  report.current = onChange
  useEffect(() => {
    report.current(uploads.keys, uploads.problem)
  }, [signature])
  useEffect(() => () => report.current([], undefined), [])
  return <PhotoPicker uploads={uploads} {...(label ? { label } : {})} />
}
