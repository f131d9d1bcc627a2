export default defineAppConfig({
  // The main package holds what a scan needs and nothing else: the shop page the QR code opens, and the
  // home page (the entry WeChat requires in the main package). Both call the API without zod (api/http.ts).
  pages: ['pages/index/index', 'pages/merchant/index'],
  // One subpackage per role (src/merchant, src/admin), loaded only when someone in that role opens it.
  // They may use the main package's shared components; neither imports the other. Becoming a merchant
  // (申请参创, 绑定店铺) lives in the merchant subpackage: few consumers ever open it. `consumer` holds pages
  // off the scan path that every party opens now and then — the written notice of a refusal or of the end
  // of mediation — so the main package does not grow with them.
  //
  // The consumer's own pages (sign-in, filing, following a complaint, the directory) are each a
  // subpackage rooted at their old folder, so every path stays what notifications, SMS links and printed
  // receipts already carry (`pages/complaint/index?id=…`). The preload rules below fetch them while the
  // person reads the shop page, so 我要投诉 opens as fast as before.
  subPackages: [
    { root: 'pages/login', name: 'login', pages: ['index'] },
    { root: 'pages/complaint-new', name: 'complaint-new', pages: ['index'] },
    { root: 'pages/complaints', name: 'complaints', pages: ['index'] },
    { root: 'pages/complaint', name: 'complaint', pages: ['index'] },
    { root: 'pages/directory', name: 'directory', pages: ['index'] },
    {
      root: 'merchant',
      name: 'merchant',
      pages: [
        'pages/queue/index',
        'pages/handle/index',
        'pages/apply/index',
        'pages/bind/index',
        'pages/shop/index',
        'pages/rectifications/index',
        'pages/rectification/index',
        'pages/scorecard/index',
        'pages/recalls/index'
      ]
    },
    {
      root: 'admin',
      name: 'admin',
      pages: [
        'pages/triage/index',
        'pages/case/index',
        'pages/registry/index',
        'pages/credit/index',
        'pages/notification-problems/index',
        'pages/moderation/index',
        'pages/calendar/index',
        'pages/dashboard/index',
        'pages/tasks/index',
        'pages/inspections/index',
        'pages/inspect/index',
        'pages/inspection/index',
        'pages/rectifications/index',
        'pages/rectification/index',
        'pages/assessment/index',
        'pages/scorecard/index',
        'pages/bulletin/index',
        'pages/campaign/index',
        'pages/content/index',
        'pages/recalls/index',
        'pages/stations/index',
        'pages/follow-ups/index'
      ]
    },
    {
      root: 'consumer',
      name: 'consumer',
      pages: ['pages/notice/index', 'pages/claim/index']
    },
    // Complaint stations (投诉站): staff of a station file for consumers who walk in or phone, print the
    // receipt with its claim code, keep the ledger (台账) and make the 回访 calls. Joining a station
    // (加入投诉站, with the office's binding code) lives here too: few people ever open it.
    {
      root: 'station',
      name: 'station',
      pages: [
        'pages/home/index',
        'pages/join/index',
        'pages/file/index',
        'pages/receipt/index',
        'pages/ledger/index',
        'pages/follow-ups/index',
        'pages/case/index'
      ]
    },
    // Reaching consumers: the awareness quiz (知晓率) and the satisfaction survey (社会测评), opened from the
    // home page or a shop page — off the scan path, so out of the main package.
    {
      root: 'campaign',
      name: 'campaign',
      pages: ['pages/quiz/index', 'pages/survey/index']
    },
    // The campaign's public information, opened from the home page's small section and the shop page's
    // recall section: articles, recall notices, public statistics; and the 个人信息保护说明 every form that
    // collects personal data links to. Kept out of the main package.
    {
      root: 'info',
      name: 'info',
      pages: ['pages/article/index', 'pages/articles/index', 'pages/recall/index', 'pages/recalls/index', 'pages/statistics/index', 'pages/privacy/index']
    }
  ],
  preloadRule: {
    'pages/merchant/index': { network: 'all', packages: ['complaint-new', 'login'] },
    'pages/index/index': { network: 'all', packages: ['directory', 'complaints', 'login'] }
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '放心消费',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7'
  }
})
