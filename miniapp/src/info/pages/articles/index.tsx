// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PAGES, pageUrl } from '@/lib/navigation'
import { shanghaiDayOf } from '@/lib/time'
import { useScaledRoot } from '@/components/font-scale'
import '../../info.css'

/** Every published 维权知识 article, newest first. */
export default function ArticlesPage() {
  const list = usePagedList((cursor) => call(routes.articles, { query: pageQuery(cursor) }), 'articles')
  return (
    <View {...useScaledRoot('info-page')}>
      <PagedListView list={list} className='article-list' loadingText='正在加载维权知识…' emptyTitle='暂无文章' emptyDescription='县放心消费办公室发布的维权知识会显示在这里'>
        {(items) =>
          items.map((article) => (
            <Cell
              key={article.id}
              className='article-item'
              title={article.title}
              description={[article.summary, shanghaiDayOf(article.publishedAt)].filter(Boolean).join(' · ')}
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.article, { id: article.id }) })}
            />
          ))
        }
      </PagedListView>
    </View>
  )
}
