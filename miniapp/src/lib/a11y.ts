/**
 * What a screen reader says for a tap target that is not a Button (a 重试 or 删除 in text, a thumbnail): its
 * role and a Chinese name. Taro passes `ariaLabel`/`ariaRole` on to the mini-program's aria attributes; the
 * H5 build's View and Text are DOM elements, which take the attributes as they are. Spread it on the element:
 * `<Text {...tapName('重新上传第 1 张照片')} onClick={…}>重试</Text>`.
 */
export function tapName(label: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { 'aria-label': label, role: 'button' } : { ariaLabel: label, ariaRole: 'button' }
}
