export default definePageConfig({
  navigationBarTitleText: '联合惩戒名单',
  enablePullDownRefresh: true
})
