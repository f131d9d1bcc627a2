import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import type { MerchantPublicView } from '@fangxin/shared'
import { ApiError, isApiError } from '@/api/http'
import { getMerchant } from '@/api/public-reads'
import { dismissScanShell } from '@/lib/scan-shell'
import { shopIdFromParams } from '@/lib/shop-id'
import { ShopFailedView, ShopLoadingView, ShopState } from './components/shop-states'
import { ShopView } from './components/shop-view'
import '@/components/common.css'
import './index.css'

type PageState =
  | { kind: 'loading' }
  | { kind: 'loaded'; merchant: MerchantPublicView }
  | { kind: 'failed'; error: ApiError }

/**
 * The consumer page reached by scanning a shop's code: who the shop is, whether it is in good
 * standing, and the commitments it has made in public.
 */
export default function MerchantPage() {
  const { params } = useRouter()
  const shopId = shopIdFromParams(params)
  const [state, setState] = useState<PageState>({ kind: 'loading' })
  // Bumped by 重试 to run the request again.
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!shopId) return
    let current = true
    setState({ kind: 'loading' })
    getMerchant(shopId).then(
      (merchant) => {
        if (current) setState({ kind: 'loaded', merchant })
      },
      (error: unknown) => {
        if (!current) return
        if (isApiError(error)) {
          setState({ kind: 'failed', error })
        } else {
          console.error('unexpected error loading merchant', error)
          setState({ kind: 'failed', error: new ApiError('INTERNAL', '页面出错了，请稍后重试') })
        }
      }
    )
    return () => {
      current = false
    }
  }, [shopId, attempt])

  // The page shows something of its own (the shop, or why not): the H5 scan shell has done its part.
  const showing = !shopId || state.kind !== 'loading'
  useEffect(() => {
    if (showing) dismissScanShell()
  }, [showing])
  useEffect(() => dismissScanShell, [])

  const shopName = state.kind === 'loaded' ? state.merchant.name : undefined
  useEffect(() => {
    if (shopName) void Taro.setNavigationBarTitle({ title: shopName })
  }, [shopName])

  if (!shopId) {
    return (
      <ShopState className='state-error state-missing-id' glyph='?' title='没有店铺编号' description='请扫描店铺张贴的放心消费二维码，或在首页输入店铺编号' />
    )
  }

  switch (state.kind) {
    case 'loading':
      return <ShopLoadingView />
    case 'failed':
      return <ShopFailedView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
    case 'loaded':
      return <ShopView merchant={state.merchant} />
  }
}
