/**
 * The one subscribe-message template the product sends (投诉处理进度提醒), chosen from WeChat's public
 * template library for the mini-program's category. Its id is per mini-program account, so it is
 * configuration (functions: WECHAT_SUBSCRIBE_TEMPLATE_ID; mini-program: TARO_APP_SUBSCRIBE_TEMPLATE_ID);
 * its field layout is fixed here, and both sides must agree on it.
 *
 * One template for every audience keeps the app's subscription prompt to a single item: each tap the
 * person accepts grants one more message (one-time subscription), whatever it ends up being about.
 */
export const PROGRESS_TEMPLATE_FIELDS = {
  /** 投诉编号 — the complaint id. */
  complaintNo: 'character_string1',
  /** 商家名称 — the shop concerned. */
  merchantName: 'thing2',
  /** 处理进度 — the headline (新投诉, 和解方案, 已受理…). */
  progress: 'phrase3',
  /** 更新时间. */
  time: 'time4',
  /** 温馨提示 — what to do next. */
  hint: 'thing5',
} as const;

/** The template id the local product and tests use on the stand-in WeChat server. */
export const LOCAL_SUBSCRIBE_TEMPLATE_ID = 'fangxin-local-progress-template';
