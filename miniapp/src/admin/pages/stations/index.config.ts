export default definePageConfig({
  navigationBarTitleText: '投诉站管理',
  enablePullDownRefresh: true
})
