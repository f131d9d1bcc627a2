export default definePageConfig({
  navigationBarTitleText: '投诉处理数据公开'
})
