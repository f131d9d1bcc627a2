import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { HomeContent } from '@fangxin/shared'
import { toApiError } from '@/api/http'
import { homeContent } from '@/api/public-reads'
import { tapName } from '@/lib/a11y'
import { PAGES, pageUrl } from '@/lib/navigation'
import './campaign-strip.css'

const open = (url: string) => void Taro.navigateTo({ url })

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; content: HomeContent }

/**
 * The home page's campaign section: today's 3·15 banners, the newest 维权知识 articles and recall notices,
 * and the way to the public statistics — one request. Everything it opens lives in the `info` subpackage,
 * so this is all the main package carries of it. It never blocks the page: a failure is one line with 重试.
 */
export function CampaignStrip() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    homeContent()
      .then((content) => current && setState({ kind: 'loaded', content }))
      .catch((error: unknown) => current && setState({ kind: 'failed', message: toApiError(error).message }))
    return () => {
      current = false
    }
  }, [attempt])

  if (state.kind === 'loading') return <Text className='campaign-loading'>正在加载维权知识和召回信息…</Text>
  if (state.kind === 'failed') {
    return (
      <View className='campaign-failed'>
        <Text>维权知识和召回信息暂时无法加载：{state.message}</Text>
        <Text className='fx-tap campaign-retry' {...tapName('重新加载维权知识和召回信息')} onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Text>
      </View>
    )
  }
  const { banners, articles, recalls } = state.content
  return (
    <View className='campaign-strip'>
      {banners.map((banner) => (
        <View
          key={banner.id}
          className={`campaign-banner${banner.articleId ? ' campaign-banner--link' : ''}`}
          {...(banner.articleId ? tapName(`打开文章：${banner.title}`) : {})}
          onClick={banner.articleId ? () => open(pageUrl(PAGES.article, { id: banner.articleId })) : undefined}
        >
          <Text className='campaign-banner-title'>{banner.title}</Text>
          {banner.subtitle ? <Text className='campaign-banner-subtitle'>{banner.subtitle}</Text> : null}
        </View>
      ))}

      <CellGroup title='维权知识'>
        {articles.length > 0 ? (
          articles.map((article) => (
            <Cell
              key={article.id}
              className='home-article'
              title={article.title}
              description={article.summary ?? ''}
              clickable
              onClick={() => open(pageUrl(PAGES.article, { id: article.id }))}
            />
          ))
        ) : (
          <Cell className='home-articles-empty' title='暂无文章' />
        )}
        {articles.length > 0 ? <Cell className='home-articles-more' title='更多维权知识' clickable onClick={() => open(PAGES.articles)} /> : null}
      </CellGroup>

      <CellGroup title='召回与退市信息'>
        {recalls.length > 0 ? (
          recalls.map((recall) => (
            <Cell
              key={recall.id}
              className='home-recall'
              title={`【${recall.kindLabel}】${recall.product}`}
              description={recall.merchant ? `${recall.merchant.name} · ${recall.fromDate} 起` : `全县 · ${recall.fromDate} 起`}
              clickable
              onClick={() => open(pageUrl(PAGES.recall, { id: recall.id }))}
            />
          ))
        ) : (
          <Cell className='home-recalls-empty' title='目前没有召回或退市信息' />
        )}
        {recalls.length > 0 ? <Cell className='home-recalls-more' title='全部召回与退市信息' clickable onClick={() => open(PAGES.recalls)} /> : null}
      </CellGroup>

      <CellGroup title='数据公开'>
        <Cell
          className='entry-statistics'
          title='投诉处理数据公开'
          description='各乡镇（街道）、各行业每月受理、办结、店内和解和满意情况'
          clickable
          onClick={() => open(PAGES.statistics)}
        />
      </CellGroup>
    </View>
  )
}
