export default definePageConfig({
  navigationBarTitleText: '维权知识与宣传横幅',
  enablePullDownRefresh: true
})
