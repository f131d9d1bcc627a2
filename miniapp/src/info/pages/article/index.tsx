// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { ErrorView, LoadingView } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { shanghaiDayOf } from '@/lib/time'
import { useLoad } from '../../use-load'
import { useScaledRoot } from '@/components/font-scale'
import '../../info.css'

/** One 维权知识 article, as the county office published it. */
export default function ArticlePage() {
  const id = decodedParam(useRouter().params.id)
  const { state, retry } = useLoad(() => call(routes.article, { params: { id: id ?? '' } }), id ?? '')
  const root = useScaledRoot('info-page')
  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少文章编号，请从首页进入')} />
  if (state.kind === 'loading') return <LoadingView text='正在加载文章…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={retry} />
  const article = state.value
  return (
    <View {...root}>
      <View className='info-doc article'>
        <Text className='info-doc-title article-title'>{article.title}</Text>
        <Text className='info-doc-meta'>清河县放心消费创建工作办公室 · {shanghaiDayOf(article.publishedAt)}</Text>
        <Text className='info-doc-body article-body'>{article.body}</Text>
      </View>
    </View>
  )
}
