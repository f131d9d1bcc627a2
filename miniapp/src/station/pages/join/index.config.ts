export default definePageConfig({
  navigationBarTitleText: '加入投诉站'
})
