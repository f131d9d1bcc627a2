export default definePageConfig({
  navigationBarTitleText: '知晓率测试与满意度测评'
})
