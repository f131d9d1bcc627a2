import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes, type BindingCode } from '@fangxin/shared'
import type { z } from 'zod/mini'
import { call, toApiError } from '@/api/client'
import { ActionDialog } from '@/components/action-dialog'
import type { Notice } from '@/components/state-views'
import { newIdempotencyKey } from '@/lib/ids'
import { answerMayBeLost } from '@/lib/repeat-submission'
import { formatShanghaiTime } from '@/lib/time'

export type People = z.output<typeof routes.shopPeople.response>
type Person = People['items'][number]

const ROLE_LABELS = { owner: '店主', clerk: '店员' } as const

/** 店铺人员: who works at the shop; the owner invites clerks with a one-time code and removes them. */
export function PeopleSection({
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
  // One request number per new code until answered: a retry after a lost answer gets the same code.
  const inviteKey = useRef<string>()
  const [removing, setRemoving] = useState<Person>()
  const [removeBusy, setRemoveBusy] = useState(false)

  const inviteClerk = async () => {
    if (inviting) return
    setInviting(true)
    onNotice(undefined)
    try {
      inviteKey.current ??= newIdempotencyKey()
      setInvite(await call(routes.inviteClerk, { params: { id }, idempotencyKey: inviteKey.current }))
      inviteKey.current = undefined
    } catch (error) {
      const failure = toApiError(error)
      if (!answerMayBeLost(failure)) inviteKey.current = undefined
      onNotice({ kind: 'error', text: failure.message })
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
