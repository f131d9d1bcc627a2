// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { CommitmentsUpdate, routes, type BindingCode, type MerchantPublicView } from '@fangxin/shared'
import type { z } from 'zod'
import { ApiError, call, getMerchant, toApiError } from '@/api/client'
import { ActionDialog } from '@/components/action-dialog'
import { ErrorView, LoadingView, PageNotice } from '@/components/state-views'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { PAGES, pageUrl, safeDecode } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import { CommitmentPicker, commitmentChoices, draftFromPublic, type CommitmentDraft } from '../../components/commitment-picker'
import { renderPoster, type RenderedPoster } from '../../poster'
import './index.css'

type People = z.output<typeof routes.shopPeople.response>
type Person = People['items'][number]
type Notice = { kind: 'success' | 'error'; text: string }

type LoadState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; shop: MerchantPublicView; people: People }
type PosterState = { kind: 'drawing' } | { kind: 'failed'; message: string } | { kind: 'ready'; poster: RenderedPoster }

const ROLE_LABELS = { owner: '店主', clerk: '店员' } as const

/**
 * 店铺管理 for the people of one shop: who works there (the owner invites and removes clerks), the
 * commitments the shop makes in public (the owner edits them; each edit is a new version from today),
 * and the printable 放心消费 poster with the shop's code. What a person may do is the server's call: its
 * refusal is shown as it words it.
 */
export default function ShopManagePage() {
  const { params } = useRouter()
  const session = useRequiredSession()
  const shops = session?.user.roles.merchantIds ?? []
  const id = params.id ? safeDecode(params.id).trim().toUpperCase() : shops.length === 1 ? shops[0] : undefined

  if (!session) return <LoadingView text='正在登录…' />
  if (!id) return <ShopChooser shops={shops} />
  // Keyed by person: what is shown (and allowed) depends on who is looking, so a switch loads afresh.
  return <ShopManager key={session.user.id} id={id} userId={session.user.id} />
}

/** Reached without a shop id: the person's shops to pick from, or the way to bind one. */
function ShopChooser({ shops }: { shops: readonly string[] }) {
  if (shops.length === 0) {
    return (
      <View className='shop-manage-page'>
        <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺。请使用市场监管部门或店主发给您的绑定码绑定店铺。')} />
        <View className='form-actions'>
          <Button className='go-bind' type='primary' block onClick={() => void Taro.redirectTo({ url: PAGES.merchantBind })}>
            去绑定店铺
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='shop-manage-page'>
      <CellGroup title='选择要管理的店铺'>
        {shops.map((shop) => (
          <Cell
            key={shop}
            className='shop-choice'
            title={`店铺 ${shop}`}
            clickable
            onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.merchantShop, { id: shop }) })}
          />
        ))}
      </CellGroup>
    </View>
  )
}

function ShopManager({ id, userId }: { id: string; userId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [notice, setNotice] = useState<Notice>()

  useEffect(() => {
    let current = true
    Promise.all([getMerchant(id), call(routes.shopPeople, { params: { id } })]).then(
      ([shop, people]) => current && setState({ kind: 'loaded', shop, people }),
      (error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) })
    )
    return () => {
      current = false
    }
  }, [id, attempt])

  if (state.kind === 'loading') return <LoadingView text='正在加载店铺…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => setAttempt((n) => n + 1)} />

  const { shop, people } = state
  const isOwner = people.items.some((person) => person.userId === userId && person.role === 'owner')
  const setPeople = (next: People) => setState({ kind: 'loaded', shop, people: next })
  const setShop = (next: MerchantPublicView) => setState({ kind: 'loaded', shop: next, people })

  return (
    <View className='shop-manage-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='shop-manage-header'>
        <Text className='shop-manage-name'>{shop.name}</Text>
        <View className='shop-manage-tags'>
          {shop.badge.kind !== 'none' ? <Tag className='shop-manage-badge' background='#e6f6ec' color='#1b7d3a'>{shop.badge.label}</Tag> : null}
          <Tag className='shop-manage-id' plain background='#666666'>编号 {shop.id}</Tag>
        </View>
        {shop.statusNotice ? <Text className='shop-manage-status'>{shop.statusNotice}</Text> : null}
        <Button
          className='open-public-page'
          size='small'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.shop, { id: shop.id }) })}
        >
          查看顾客看到的店铺页
        </Button>
      </View>

      <PeopleSection id={id} userId={userId} people={people} isOwner={isOwner} onPeople={setPeople} onNotice={setNotice} />
      <CommitmentsSection
        shop={shop}
        isOwner={isOwner}
        onSaved={() => getMerchant(id).then(setShop, () => setAttempt((n) => n + 1))}
        onNotice={setNotice}
      />
      <PosterSection shop={shop} onNotice={setNotice} />
    </View>
  )
}

function PeopleSection({
  id,
  userId,
  people,
  isOwner,
  onPeople,
  onNotice
}: {
  id: string
  userId: string
  people: People
  isOwner: boolean
  onPeople: (people: People) => void
  onNotice: (notice: Notice | undefined) => void
}) {
  const [invite, setInvite] = useState<BindingCode>()
  const [inviting, setInviting] = useState(false)
  const [removing, setRemoving] = useState<Person>()
  const [removeBusy, setRemoveBusy] = useState(false)

  const inviteClerk = async () => {
    if (inviting) return
    setInviting(true)
    onNotice(undefined)
    try {
      setInvite(await call(routes.inviteClerk, { params: { id } }))
    } catch (error) {
      onNotice({ kind: 'error', text: toApiError(error).message })
    } finally {
      setInviting(false)
    }
  }

  const removeClerk = async () => {
    if (!removing || removeBusy) return
    setRemoveBusy(true)
    try {
      onPeople(await call(routes.removeClerk, { params: { id, userId: removing.userId } }))
      onNotice({ kind: 'success', text: `已移除店员「${removing.displayName}」，对方立即失去本店权限` })
    } catch (error) {
      onNotice({ kind: 'error', text: toApiError(error).message })
    } finally {
      setRemoveBusy(false)
      setRemoving(undefined)
    }
  }

  return (
    <View className='shop-section shop-people'>
      <Text className='shop-section-title'>店铺人员</Text>
      {people.items.map((person) => (
        <View key={person.userId} className={`shop-person shop-person--${person.role}`}>
          <View className='shop-person-main'>
            <Text className='shop-person-name'>
              {person.displayName}
              {person.userId === userId ? '（我）' : ''}
            </Text>
            <Text className='shop-person-meta'>
              <Text className='shop-person-role'>{ROLE_LABELS[person.role]}</Text> · {formatShanghaiTime(person.since)} 加入
            </Text>
          </View>
          {isOwner && person.role === 'clerk' ? (
            <Button className='remove-clerk' size='small' type='danger' fill='outline' onClick={() => setRemoving(person)}>
              移除
            </Button>
          ) : null}
        </View>
      ))}

      {isOwner ? (
        <View className='clerk-invite'>
          {invite ? (
            <View className='clerk-invite-box'>
              <Text className='clerk-invite-label'>店员邀请码（只能使用一次）</Text>
              <Text className='clerk-invite-code' userSelect>
                {invite.code}
              </Text>
              <Text className='clerk-invite-hint'>
                请店员在小程序首页点「绑定店铺」输入此码。{formatShanghaiTime(invite.expiresAt)} 前有效。
              </Text>
              <Button
                className='copy-invite-code'
                size='small'
                type='primary'
                fill='outline'
                onClick={() => void Taro.setClipboardData({ data: invite.code })}
              >
                复制邀请码
              </Button>
            </View>
          ) : null}
          <Button className='invite-clerk' type='primary' fill={invite ? 'outline' : 'solid'} block loading={inviting} onClick={() => void inviteClerk()}>
            {invite ? '再邀请一位店员' : '邀请店员'}
          </Button>
        </View>
      ) : (
        <Text className='owner-only-hint'>邀请或移除店员、修改承诺需由店主操作。</Text>
      )}

      <ActionDialog
        className='remove-clerk-dialog'
        visible={removing !== undefined}
        title='移除店员'
        confirmText='移除'
        danger
        loading={removeBusy}
        onConfirm={() => void removeClerk()}
        onCancel={() => setRemoving(undefined)}
      >
        <Text>移除后，「{removing?.displayName}」将不能再查看和处理本店的投诉。</Text>
      </ActionDialog>
    </View>
  )
}

function CommitmentsSection({
  shop,
  isOwner,
  onSaved,
  onNotice
}: {
  shop: MerchantPublicView
  isOwner: boolean
  onSaved: () => void
  onNotice: (notice: Notice | undefined) => void
}) {
  const [draft, setDraft] = useState<CommitmentDraft>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const [version, setVersion] = useState<{ number: number; since: string }>()

  const save = async () => {
    if (!draft || saving) return
    const body = { commitments: commitmentChoices(draft) }
    const parsed = CommitmentsUpdate.pick({ commitments: true }).safeParse(body)
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues))
      return
    }
    setSaving(true)
    onNotice(undefined)
    try {
      const updated = await call(routes.updateCommitments, { params: { id: shop.id }, body })
      setVersion({ number: updated.commitmentsVersion, since: updated.commitmentsSince })
      setDraft(undefined)
      setErrors({})
      onNotice({ kind: 'success', text: `承诺已更新为第 ${updated.commitmentsVersion} 版，自 ${updated.commitmentsSince} 起生效` })
      onSaved()
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error)
      if (byField) setErrors(byField)
      else onNotice({ kind: 'error', text: error.message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='shop-section shop-commitments'>
      <Text className='shop-section-title'>本店承诺</Text>
      {version ? (
        <Text className='commitments-version'>
          当前为第 {version.number} 版，自 {version.since} 起生效；此前提交的投诉仍按当时的承诺处理。
        </Text>
      ) : (
        <Text className='commitments-since'>以下承诺自 {shop.commitmentsSince} 起生效</Text>
      )}
      {draft ? (
        <View className='field-commitments'>
          <CommitmentPicker
            value={draft}
            onChange={(next) => {
              setDraft(next)
              setErrors({})
            }}
            errors={errors}
          />
          <View className='commitments-actions'>
            <Button className='save-commitments' type='primary' block loading={saving} onClick={() => void save()}>
              保存并公示（今日生效）
            </Button>
            <Button className='cancel-commitments' fill='none' block disabled={saving} onClick={() => setDraft(undefined)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View>
          {shop.commitments.map((commitment) => (
            <View key={commitment.key} className='shop-commitment'>
              <Text className='shop-commitment-title'>{commitment.title}</Text>
              <Text className='shop-commitment-text'>{commitment.explanation}</Text>
            </View>
          ))}
          {isOwner ? (
            <Button
              className='edit-commitments'
              fill='outline'
              block
              onClick={() => {
                setErrors({})
                setDraft(draftFromPublic(shop.commitments))
              }}
            >
              修改承诺
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}

function PosterSection({ shop, onNotice }: { shop: MerchantPublicView; onNotice: (notice: Notice | undefined) => void }) {
  const [poster, setPoster] = useState<PosterState>({ kind: 'drawing' })
  const [saving, setSaving] = useState(false)
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
          const message = error instanceof Error && !(error instanceof ApiError) && error.message ? error.message : toApiError(error).message
          setPoster({ kind: 'failed', message })
        }
      )
    return () => {
      current = false
    }
  }, [shop, attempt])

  const save = async () => {
    if (poster.kind !== 'ready' || saving) return
    setSaving(true)
    try {
      await poster.poster.save()
      if (process.env.TARO_ENV !== 'h5') onNotice({ kind: 'success', text: '海报已保存到相册，可以打印后张贴在店内显眼位置' })
    } catch (error) {
      onNotice({ kind: 'error', text: error instanceof Error && error.message ? error.message : '海报保存失败，请稍后重试' })
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
          <Button className='download-poster' type='primary' block loading={saving} onClick={() => void save()}>
            {process.env.TARO_ENV === 'h5' ? '下载海报（PNG）' : '保存海报到相册'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
