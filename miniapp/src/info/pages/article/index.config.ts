export default definePageConfig({
  navigationBarTitleText: '维权知识'
})
