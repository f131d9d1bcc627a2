// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Switch, Tag } from '@nutui/nutui-react-taro'
import { ArticleInput, BannerInput, isCountyAdmin, contentRoutes, type ArticleView, type BannerView } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { newIdempotencyKey } from '@/lib/ids'
import { isRepeatedSubmission, repeatedSubmissionText } from '@/lib/repeat-submission'
import { Choices } from '@/components/choices'
import { ConfirmActionDialog, type PendingAction } from '@/components/confirm-action'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PageNotice, type Notice } from '@/components/state-views'
import { LineField, TextField } from '@/components/text-field'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

type Kind = 'article' | 'banner'
const KINDS = [
  { value: 'article' as const, label: '维权知识文章' },
  { value: 'banner' as const, label: '3·15 宣传横幅' }
]

/**
 * 维权知识 articles and 3·15 banners for the consumer home page: county admins write, edit, publish and
 * unpublish them (each change audited). A banner shows from its first to its last day.
 */
export default function ContentPage() {
  const session = useRequiredSession()
  const [kind, setKind] = useState<Kind>('article')
  const [notice, setNotice] = useState<Notice>()
  const [editing, setEditing] = useState<ArticleView | BannerView>()
  const [pending, setPending] = useState<PendingAction>()
  // Bumped by every save from the form, which is then drawn afresh (blank, with a key of its own for the
  // next new one): a second 保存 after a create cannot publish the same article twice.
  const [saves, setSaves] = useState(0)
  const allowed = isStaffSession(session) && isCountyAdmin(session.user.roles.staff)
  const list = usePagedList(
    async (cursor) => {
      const page = await call(contentRoutes.staffContent, { query: { kind, ...pageQuery(cursor) } })
      return { items: kind === 'article' ? page.articles : page.banners, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } as { items: Array<ArticleView | BannerView>; nextCursor?: string }
    },
    kind,
    allowed
  )

  if (!allowed) return <NotStaffView session={session} forbidden='维权知识和宣传横幅由县级管理员管理。' />

  const saved = (text: string) => {
    setNotice({ kind: 'success', text })
    setEditing(undefined)
    void list.refresh()
  }

  // Saved from the form: it is drawn afresh; the notice and the blank form are at the top, the person at 保存
  // further down. (Publishing from the list leaves a form being written alone, new or an edit of another item.)
  const savedFromForm = (text: string) => {
    saved(text)
    setSaves((count) => count + 1)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  // Publishing and unpublishing change the home page at once: asked first, sent once.
  const togglePublished = (item: ArticleView | BannerView) => {
    const what = 'body' in item ? '文章' : '横幅'
    setPending({
      title: item.published ? `从首页下架这篇${what}？` : `发布这篇${what}到首页？`,
      confirmText: item.published ? '下架' : '发布',
      danger: item.published,
      className: item.published ? 'unpublish-content-dialog' : 'publish-content-dialog',
      effect: item.published
        ? `「${item.title}」下架后，小程序首页不再显示，可以随时重新发布。`
        : `「${item.title}」发布后，${'from' in item ? `在 ${item.from} 至 ${item.to} 展示期内` : ''}显示在小程序首页，所有人都能看到。`,
      run: async () => {
        if ('body' in item) {
          const { title, summary, body, version } = item
          await call(contentRoutes.updateArticle, { params: { id: item.id }, body: { title, ...(summary ? { summary } : {}), body, published: !item.published, version } })
        } else {
          const { title, subtitle, articleId, from, to, version } = item
          await call(contentRoutes.updateBanner, { params: { id: item.id }, body: { title, ...(subtitle ? { subtitle } : {}), ...(articleId ? { articleId } : {}), from, to, published: !item.published, version } })
        }
        setNotice({ kind: 'success', text: item.published ? '已下架，首页不再显示' : '已发布到首页' })
        void list.refresh()
        // A form open on this very item now holds its old version: closed. Any other form keeps what is typed.
        setEditing((current) => (current?.id === item.id ? undefined : current))
      }
    })
  }

  return (
    <View className='page page--form content-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='content-kinds'>
        <Choices options={KINDS} value={kind} onChange={(next) => { setKind(next); setEditing(undefined) }} optionClassPrefix='kind-' />
      </View>
      {kind === 'article' ? (
        <ArticleForm
          key={`${editing?.id ?? 'new-article'}-${saves}`}
          editing={editing && 'body' in editing ? editing : undefined}
          onSaved={savedFromForm}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <BannerForm
          key={`${editing?.id ?? 'new-banner'}-${saves}`}
          editing={editing && !('body' in editing) ? editing : undefined}
          onSaved={savedFromForm}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <Text className='content-list-title'>{kind === 'article' ? '全部文章' : '全部横幅'}</Text>
      <PagedListView list={list} className='content-list' loadingText='正在加载…' emptyTitle={kind === 'article' ? '还没有文章' : '还没有横幅'}>
        {(items) =>
          items.map((item) => (
            <View key={item.id} className={`content-card content-card--${item.published ? 'published' : 'draft'}`}>
              <Text className='content-card-title'>{item.title}</Text>
              <Tag className='content-card-status'>{item.published ? ('active' in item && !item.active ? '已发布（不在展示期）' : '已发布') : '未发布'}</Tag>
              {'from' in item ? <Text className='content-card-line'>{item.from} 至 {item.to}</Text> : null}
              <View className='content-card-actions'>
                <Button className='edit-content' size='small' fill='outline' onClick={() => setEditing(item)}>
                  修改
                </Button>
                <Button className={item.published ? 'unpublish-content' : 'publish-content'} size='small' fill='outline' onClick={() => togglePublished(item)}>
                  {item.published ? '下架' : '发布'}
                </Button>
              </View>
            </View>
          ))
        }
      </PagedListView>
      {pending ? (
        <ConfirmActionDialog
          action={pending}
          onClose={() => setPending(undefined)}
          onStale={(message) => {
            setNotice({ kind: 'error', text: `${message}（已刷新列表）` })
            void list.refresh()
          }}
        />
      ) : null}
    </View>
  )
}

/**
 * A create whose key was already used for a different one (edited after a try that went through): where to
 * look for it, and the create key to renew, so the next 保存 is a new one instead of the same 409 again.
 */
type Repeated = { what: string; where: string; key: { current: string } }

function useSubmit(onSaved: (text: string) => void) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const run = async (send: () => Promise<unknown>, text: string, repeated?: Repeated) => {
    setFailure(undefined)
    setBusy(true)
    try {
      await send()
      setErrors({})
      onSaved(text)
    } catch (error) {
      const apiError = toApiError(error)
      const fields = fieldErrorsFromApi(apiError)
      if (fields) setErrors(fields)
      else if (repeated && isRepeatedSubmission(apiError)) {
        repeated.key.current = newIdempotencyKey()
        setFailure(repeatedSubmissionText(repeated.what, repeated.where, { freshKey: true }))
      } else setFailure(apiError.message)
    } finally {
      setBusy(false)
    }
  }
  return { errors, setErrors, failure, busy, run }
}

function ArticleForm({ editing, onSaved, onCancel }: { editing: ArticleView | undefined; onSaved: (text: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(editing?.title ?? '')
  const [summary, setSummary] = useState(editing?.summary ?? '')
  const [body, setBody] = useState(editing?.body ?? '')
  const [published, setPublished] = useState(editing?.published ?? true)
  const { errors, setErrors, failure, busy, run } = useSubmit(onSaved)
  // One key for this new article's attempts (kept through a retry after a timeout): it is created once. A
  // saved form is replaced by a fresh one (ContentPage), whose next article has a key of its own.
  const createKey = useRef(newIdempotencyKey())

  const submit = () => {
    const parsed = ArticleInput.safeParse({ title, ...(summary.trim() ? { summary } : {}), body, published })
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, 1))
    void run(
      () => (editing ? call(contentRoutes.updateArticle, { params: { id: editing.id }, body: { ...parsed.data, version: editing.version } }) : call(contentRoutes.createArticle, { body: parsed.data, idempotencyKey: createKey.current })),
      editing ? '文章已保存' : published ? '文章已发布到首页' : '文章已保存为未发布',
      { what: '文章', where: '全部文章', key: createKey }
    )
  }

  return (
    <View className='content-form article-form'>
      <Text className='content-form-title'>{editing ? '修改文章' : '新文章'}</Text>
      <LineField className='field-title' label='标题' required error={errors.title} value={title} onChange={setTitle} maxLength={60} placeholder='如：网购七日无理由退货怎么用' />
      <LineField className='field-summary' label='摘要' error={errors.summary} value={summary} onChange={setSummary} maxLength={200} placeholder='一句话说明要点（选填）' />
      <TextField className='field-body' label='正文' required error={errors.body} value={body} onChange={setBody} maxLength={8000} rows={5} />
      <View className='field-block field-published'>
        <Text className='field-label'>立即发布到首页</Text>
        <Switch checked={published} onChange={setPublished} />
      </View>
      {failure ? <Text className='field-error'>{failure}</Text> : null}
      <View className='form-actions'>
        <Button className='save-article' type='primary' block loading={busy} onClick={submit}>
          保存
        </Button>
        {editing ? <Button className='cancel-edit' fill='outline' block onClick={onCancel}>取消修改</Button> : null}
      </View>
    </View>
  )
}

function BannerForm({ editing, onSaved, onCancel }: { editing: BannerView | undefined; onSaved: (text: string) => void; onCancel: () => void }) {
  const today = shanghaiToday(new Date())
  const [title, setTitle] = useState(editing?.title ?? '')
  const [subtitle, setSubtitle] = useState(editing?.subtitle ?? '')
  const [articleId, setArticleId] = useState(editing?.articleId ?? '')
  const [from, setFrom] = useState(editing?.from ?? today)
  const [to, setTo] = useState(editing?.to ?? addDays(today, 14))
  const [published, setPublished] = useState(editing?.published ?? true)
  const { errors, setErrors, failure, busy, run } = useSubmit(onSaved)
  // One key for this new banner's attempts (kept through a retry after a timeout): it is created once, and
  // the form is replaced by a fresh one after (ContentPage).
  const createKey = useRef(newIdempotencyKey())

  const submit = () => {
    const input = { title, ...(subtitle.trim() ? { subtitle } : {}), ...(articleId.trim() ? { articleId: articleId.trim() } : {}), from, to, published }
    const parsed = BannerInput.safeParse(input)
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, 1))
    void run(
      () => (editing ? call(contentRoutes.updateBanner, { params: { id: editing.id }, body: { ...parsed.data, version: editing.version } }) : call(contentRoutes.createBanner, { body: parsed.data, idempotencyKey: createKey.current })),
      editing ? '横幅已保存' : '横幅已保存，展示期内显示在首页',
      { what: '横幅', where: '全部横幅', key: createKey }
    )
  }

  return (
    <View className='content-form banner-form'>
      <Text className='content-form-title'>{editing ? '修改横幅' : '新横幅'}</Text>
      <LineField className='field-title' label='标题' required error={errors.title} value={title} onChange={setTitle} maxLength={30} placeholder='如：3·15 放心消费在行动' />
      <LineField className='field-subtitle' label='副标题' error={errors.subtitle} value={subtitle} onChange={setSubtitle} maxLength={60} />
      <LineField className='field-article-id' label='点击打开的文章编号' error={errors.articleId} value={articleId} onChange={setArticleId} maxLength={26} placeholder='选填：文章列表中的编号' />
      <LineField className='field-from' label='开始日期（年-月-日）' required error={errors.from} value={from} onChange={setFrom} maxLength={10} />
      <LineField className='field-to' label='结束日期（年-月-日）' required error={errors.to} value={to} onChange={setTo} maxLength={10} />
      <View className='field-block field-published'>
        <Text className='field-label'>发布</Text>
        <Switch checked={published} onChange={setPublished} />
      </View>
      {failure ? <Text className='field-error'>{failure}</Text> : null}
      <View className='form-actions'>
        <Button className='save-banner' type='primary' block loading={busy} onClick={submit}>
          保存
        </Button>
        {editing ? <Button className='cancel-edit' fill='outline' block onClick={onCancel}>取消修改</Button> : null}
      </View>
    </View>
  )
}
