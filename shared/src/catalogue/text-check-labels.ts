/**
 * WeChat's msgSecCheck v2 labels in words: a reviewer reads 「违法犯罪」, not 20006. Used by the server's
 * queue wording and by the app's notes for staff.
 */
const TEXT_CHECK_LABELS: Readonly<Record<number, string>> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

/** The label in words, or its number when the list does not know it. */
export const textCheckLabel = (label: number): string => TEXT_CHECK_LABELS[label] ?? `标签 ${label}`;
