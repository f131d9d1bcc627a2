import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import * as z from 'zod/mini'
import { CommitmentsUpdate, routes, type MerchantPublicView, type PublicCommitment } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import type { Notice } from '@/components/state-views'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { CommitmentPicker, commitmentChoices, draftFromPublic, type CommitmentDraft } from '../../../components/commitment-picker'
import { commitmentsRefreshed } from '../../../commitment-draft'

/**
 * Why the last save did not go through (or what a refresh found), by the save button where the owner is
 * looking; `conflict` offers 「刷新」.
 */
type SaveMessage = { kind: 'error' | 'info'; text: string; conflict: boolean }

/**
 * 本店承诺: the commitments the shop makes in public. The owner edits them, checked with the contract's
 * schema; each save is a new version from today, and complaints filed before keep the version they cited.
 * A save on a version that is no longer current (another phone saved, or this one did on a try whose answer
 * was lost) is refused with 409: 「刷新」 reads the shop again and keeps the draft open over the new version,
 * saying what changed — or closes it when the commitments in force are already the draft.
 */
export function CommitmentsSection({
  shop,
  isOwner,
  onSaved,
  onRefresh,
  onNotice
}: {
  shop: MerchantPublicView
  isOwner: boolean
  onSaved: () => void
  /** Reads the shop again for the page; undefined when that failed (the page has said so). */
  onRefresh: () => Promise<MerchantPublicView | undefined>
  onNotice: (notice: Notice | undefined) => void
}) {
  const [draft, setDraft] = useState<CommitmentDraft>()
  // The commitments in force when this edit started: what a refresh compares against to say what changed.
  const [base, setBase] = useState<readonly PublicCommitment[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [message, setMessage] = useState<SaveMessage>()
  const [version, setVersion] = useState<{ number: number; since: string }>()

  const save = async () => {
    if (!draft || saving) return
    // The version this edit started from (the one just saved, if the owner saved before).
    const body = { commitments: commitmentChoices(draft), version: version?.number ?? shop.commitmentsVersion }
    const parsed = z.pick(CommitmentsUpdate, { commitments: true, version: true }).safeParse(body)
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues))
      return
    }
    setSaving(true)
    setMessage(undefined)
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
      else {
        const conflict = error.code === 'CONFLICT'
        setMessage({ kind: 'error', text: conflict ? `${error.message.replace(/，?请刷新后再修改。?$/, '')}。点「刷新」读取最新承诺，您的修改会保留。` : error.message, conflict })
        onNotice({ kind: 'error', text: error.message })
      }
    } finally {
      setSaving(false)
    }
  }

  const refresh = async () => {
    if (!draft || refreshing) return
    const refused = version?.number ?? shop.commitmentsVersion
    setRefreshing(true)
    const fresh = await onRefresh()
    setRefreshing(false)
    if (!fresh) {
      setMessage({ kind: 'error', text: '未能读取最新承诺，请检查网络后再点「刷新」。您的修改仍保留在下方。', conflict: true })
      return
    }
    const outcome = commitmentsRefreshed(draft, refused, base, {
      commitments: fresh.commitments,
      version: fresh.commitmentsVersion,
      since: fresh.commitmentsSince
    })
    if (outcome.kind === 'not-yet') {
      setMessage({ kind: 'error', text: outcome.text, conflict: true })
      return
    }
    setVersion({ number: fresh.commitmentsVersion, since: fresh.commitmentsSince })
    onNotice(undefined)
    if (outcome.kind === 'saved') {
      setDraft(undefined)
      setMessage(undefined)
      onNotice({ kind: 'success', text: outcome.text })
      return
    }
    setBase(fresh.commitments)
    setMessage({ kind: 'info', text: outcome.text, conflict: false })
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
          {message ? (
            <View className={message.kind === 'error' ? 'form-error commitments-save-error' : 'commitments-refreshed'}>
              <Text className={message.kind === 'error' ? 'form-error-text' : 'field-hint'}>{message.text}</Text>
              {message.conflict ? (
                <Button className='refresh-commitments' size='small' fill='outline' loading={refreshing} onClick={() => void refresh()}>
                  刷新
                </Button>
              ) : null}
            </View>
          ) : null}
          <View className='commitments-actions'>
            <Button className='save-commitments' type='primary' block loading={saving} onClick={() => void save()}>
              保存并公示（今日生效）
            </Button>
            <Button
              className='cancel-commitments'
              fill='none'
              block
              disabled={saving}
              onClick={() => {
                setDraft(undefined)
                setMessage(undefined)
              }}
            >
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
                setMessage(undefined)
                setBase(shop.commitments)
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
