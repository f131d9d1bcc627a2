import { LOCAL_SUBSCRIBE_TEMPLATE_ID } from '@fangxin/shared'

/**
 * What WeChat's answers about subscribe messages mean for us. Kept free of Taro so the rules are
 * unit-tested (miniapp/test); `subscribe.ts` makes the calls and hands the answers here.
 */

/** WeChat's error code when the person has switched off 接收通知 for the whole mini-program. */
const MAIN_SWITCH_OFF = 20004

/** How one subscription prompt for our template ended. */
export type PromptAnswer =
  /** 允许: one more message may be sent to this person. */
  | 'accepted'
  /** 取消 this time — or remembered 总是拒绝, which only the settings can tell apart. */
  | 'rejected'
  /** 接收通知 is off: WeChat refused without showing anything. */
  | 'switched_off'
  /** WeChat banned or filtered our template: a configuration problem, not the person's choice. */
  | 'banned'
  /** Anything else: no network, a wrong template id, privacy guide not agreed, not called from a tap. */
  | 'failed'

/** A settled `requestSubscribeMessage` call: its success answer, or what it was rejected with. */
export type PromptSettled = { ok: true; result: unknown } | { ok: false; error: unknown }

/** What the page needs to know after asking. */
export interface SubscribeOutcome {
  /** The person allowed one more message. */
  accepted: boolean
  /** Messages cannot reach this person until they switch them back on: the page shows how. */
  notificationsOff: boolean
}

/** Nothing learned (not WeChat, or no answer in time): carry on as if nothing was asked. */
export const NO_ANSWER: SubscribeOutcome = { accepted: false, notificationsOff: false }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * The template id to ask for: the mini-program account's own (build-time `TARO_APP_SUBSCRIBE_TEMPLATE_ID`),
 * else the local stand-in server's, so local runs and tests work without configuration.
 */
export function templateIdOf(configured: string | undefined): string {
  const id = configured?.trim()
  return id ? id : LOCAL_SUBSCRIBE_TEMPLATE_ID
}

/** Reads one prompt's answer for our template. */
export function promptAnswerOf(settled: PromptSettled, templateId: string): PromptAnswer {
  if (!settled.ok) {
    const { errCode, errMsg } = isRecord(settled.error) ? settled.error : {}
    // Some clients report the code as a string; the message is the fallback when there is no code at all.
    if (Number(errCode) === MAIN_SWITCH_OFF || (typeof errMsg === 'string' && /main switch/i.test(errMsg))) return 'switched_off'
    return 'failed'
  }
  const answer = isRecord(settled.result) ? settled.result[templateId] : undefined
  switch (answer) {
    case 'accept':
      return 'accepted'
    case 'reject':
      return 'rejected'
    case 'ban':
    case 'filter':
      return 'banned'
    default:
      return 'failed'
  }
}

/**
 * Whether the settings must be read to tell "not this time" from "never": a refusal or a failure may
 * hide a switched-off main switch or a remembered 总是拒绝; an acceptance or a main-switch error is final.
 */
export function settingsNeeded(answer: PromptAnswer): boolean {
  return answer !== 'accepted' && answer !== 'switched_off'
}

/**
 * Whether `getSetting({ withSubscriptions: true })`'s answer says messages are off for good: the main
 * switch is off, or the person chose 总是保持以上选择 + 拒绝 for our template. Unknown shapes say no —
 * a hint shown by mistake would tell people they switched something off when they did not.
 */
export function offInSettings(setting: unknown, templateId: string): boolean {
  const subscriptions = isRecord(setting) ? setting.subscriptionsSetting : undefined
  if (!isRecord(subscriptions)) return false
  if (subscriptions.mainSwitch === false) return true
  const items = subscriptions.itemSettings
  return isRecord(items) && items[templateId] === 'reject'
}

/** The outcome of one ask, from the prompt's answer and (when read) what the settings say. */
export function outcomeOf(answer: PromptAnswer, settingsSayOff = false): SubscribeOutcome {
  if (answer === 'accepted') return { accepted: true, notificationsOff: false }
  return { accepted: false, notificationsOff: answer === 'switched_off' || settingsSayOff }
}

/**
 * The hint shown when messages are off: where to follow things instead (`whereToLook`, e.g.
 * 进度请在「我的投诉」查看), and how to switch them back on.
 */
export function notificationsOffHint(whereToLook: string): string {
  return `您已关闭消息提醒，${whereToLook}；可在右上角「…」→「设置」中重新开启`
}
