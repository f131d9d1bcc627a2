import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes, type MerchantPublicView } from '@fangxin/shared'
import { call } from '@/api/client'
import type { Notice } from '@/components/state-views'
import { renderPoster, type RenderedPoster } from '../../../poster'
import { posterFailureText } from '../../../poster-error'

type PosterState = { kind: 'drawing' } | { kind: 'failed'; message: string } | { kind: 'ready'; poster: RenderedPoster }

/** 放心消费海报: the printable A4 poster with the shop's code, drawn on the phone, to save or download. */
export function PosterSection({ shop, onNotice }: { shop: MerchantPublicView; onNotice: (notice: Notice | undefined) => void }) {
  const [poster, setPoster] = useState<PosterState>({ kind: 'drawing' })
  const [saving, setSaving] = useState(false)
  // Why the last save failed, by the save button (the page notice is out of sight at the top).
  const [saveError, setSaveError] = useState<string>()
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setPoster({ kind: 'drawing' })
    call(routes.shopQrCode, { params: { id: shop.id } })
      .then((qr) =>
        renderPoster({
          shopId: shop.id,
          name: shop.name,
          badgeLabel: shop.badge.label,
          badgeKind: shop.badge.kind,
          commitments: shop.commitments,
          qr
        })
      )
      .then(
        (rendered) => current && setPoster({ kind: 'ready', poster: rendered }),
        (error: unknown) => {
          if (!current) return
          const { text, worded } = posterFailureText(error, '海报生成失败，请点「重新生成」再试一次')
          if (!worded) console.error('poster drawing failed', error)
          setPoster({ kind: 'failed', message: text })
        }
      )
    return () => {
      current = false
    }
  }, [shop, attempt])

  const save = async () => {
    if (poster.kind !== 'ready' || saving) return
    setSaving(true)
    setSaveError(undefined)
    try {
      await poster.poster.save()
      if (process.env.TARO_ENV !== 'h5') onNotice({ kind: 'success', text: '海报已保存到相册，可以打印后张贴在店内显眼位置' })
    } catch (error) {
      const { text, worded } = posterFailureText(error, '海报保存失败，请稍后重试')
      if (!worded) console.error('poster saving failed', error)
      setSaveError(text)
      onNotice({ kind: 'error', text })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='shop-section shop-poster'>
      <Text className='shop-section-title'>放心消费海报</Text>
      <Text className='shop-poster-hint'>A4 大小，打印后张贴在店内显眼位置；顾客扫码即可查看本店承诺、投诉处理记录和评价。</Text>
      {poster.kind === 'drawing' ? <Text className='poster-drawing'>正在生成海报…</Text> : null}
      {poster.kind === 'failed' ? (
        <View className='poster-failed'>
          <Text className='poster-error'>{poster.message}</Text>
          <Button className='poster-retry' size='small' fill='outline' onClick={() => setAttempt((n) => n + 1)}>
            重新生成
          </Button>
        </View>
      ) : null}
      {poster.kind === 'ready' ? (
        <View className='poster-ready'>
          <Image className='poster-preview' src={poster.poster.previewSrc} mode='widthFix' showMenuByLongpress />
          {saveError ? (
            <View className='form-error poster-save-error'>
              <Text className='form-error-text'>{saveError}</Text>
            </View>
          ) : null}
          <Button className='download-poster' type='primary' block loading={saving} onClick={() => void save()}>
            {process.env.TARO_ENV === 'h5' ? '下载海报（PNG）' : '保存海报到相册'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
