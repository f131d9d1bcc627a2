export default definePageConfig({
  navigationBarTitleText: '明查暗访检查',
  enablePullDownRefresh: true
})
