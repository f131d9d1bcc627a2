import Taro from '@tarojs/taro'
import {
  NO_ANSWER,
  offInSettings,
  outcomeOf,
  promptAnswerOf,
  settingsNeeded,
  templateIdOf,
  type PromptSettled,
  type SubscribeOutcome
} from './subscribe-answer'

/** Read once: Taro inlines the build-time value (`.env.<mode>` or the build environment). */
const TEMPLATE_ID = templateIdOf(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID)

/**
 * A page waiting for the answer (to show the hint, or before leaving) waits no longer than this: WeChat
 * calls back when its prompt closes, but the action the person took must never hang on it.
 */
const ANSWER_WAIT_MS = 20_000

/**
 * Asks WeChat for one more progress message to this person (one-time subscription: one accepted prompt =
 * one message, so every tap that leads to news asks again).
 *
 * Call it synchronously inside a tap handler, before any `await`: WeChat opens the prompt only from a tap.
 * It never throws and never holds up the action — start the action without waiting for it. The promise
 * says whether the person allowed a message and whether messages are off (main switch off, or 总是拒绝),
 * so the page can say where to follow things instead. Outside WeChat (the H5 build) it does nothing.
 */
export function askForUpdates(): Promise<SubscribeOutcome> {
  // A build-time constant: the H5 bundle keeps only this line.
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(NO_ANSWER)

  let prompt: Promise<unknown>
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat takes `tmplIds` alone.
    prompt = Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option)
  } catch (error) {
    prompt = Promise.reject(error)
  }
  const outcome = prompt
    .then(
      (result): PromptSettled => ({ ok: true, result }),
      (error: unknown): PromptSettled => ({ ok: false, error })
    )
    .then(async (settled) => {
      const answer = promptAnswerOf(settled, TEMPLATE_ID)
      // Not the person's doing (wrong template id, banned template, ...): leave a trace for whoever debugs.
      if (answer === 'banned' || answer === 'failed') console.warn('subscribe prompt', answer, settled)
      if (!settingsNeeded(answer)) return outcomeOf(answer)
      const setting = await Taro.getSetting({ withSubscriptions: true }).catch(() => undefined)
      return outcomeOf(answer, offInSettings(setting, TEMPLATE_ID))
    })
    .catch(() => NO_ANSWER)

  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<SubscribeOutcome>((resolve) => {
    timer = setTimeout(() => resolve(NO_ANSWER), ANSWER_WAIT_MS)
  })
  return Promise.race([outcome, late]).finally(() => clearTimeout(timer))
}
