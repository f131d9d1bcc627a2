import { PERSONAL_DATA_RETENTION_DAYS, PRIVACY_CONTACT, PRIVACY_NOTICE_UPDATED, retentionPeriodText } from '@fangxin/shared'

/**
 * The 个人信息保护说明 as plain sentences, from what the product really collects (the contract: filing, station
 * intake, merchant application, sign-in) and the retention period the functions apply. Kept free of Taro so a
 * test holds it to those facts (miniapp/test/privacy-notice.test.ts); docs/privacy.md is its English twin.
 */
export interface NoticeSection {
  title: string
  items: string[]
}

export interface PrivacyNotice {
  title: string
  intro: string
  sections: NoticeSection[]
  updated: string
}

export function privacyNotice(
  retentionDays: number = PERSONAL_DATA_RETENTION_DAYS,
  contact: typeof PRIVACY_CONTACT = PRIVACY_CONTACT
): PrivacyNotice {
  const period = retentionPeriodText(retentionDays)
  return {
    title: '个人信息保护说明',
    intro: `「放心消费」小程序由${contact.handler}运营，用来受理和处理消费投诉、公示放心消费店铺。我们依照《中华人民共和国个人信息保护法》处理您的个人信息：只收集处理投诉和开展放心消费创建所必需的信息，只用于本说明写明的用途。`,
    sections: [
      {
        title: '一、我们收集哪些信息，为什么',
        items: [
          '微信账号标识（openid）：您用微信登录时由微信提供，用来确认是您本人、只让您看到自己的投诉，并向您发送您同意接收的处理进度提醒。我们不获取您的微信昵称、头像，也不获取微信绑定的手机号。',
          '手机号（投诉时选填）：方便商家或工作人员联系您；微信提醒发不出去时，可能改用短信告诉您处理进度。',
          '投诉内容和照片：您写下的经过、购买日期、金额、诉求，以及您上传的小票、商品照片，用于商家答复与和解、监管部门受理和调解。您写的文字会先经过微信内容安全检查，再给商家看。',
          '在投诉站登记的投诉：工作人员会先向您读出这些说明，经您口头同意后，记录您的姓名和手机号，用于电话回访，并把认领码发到您的手机。',
          '申请参创的商户：联系人姓名和手机号，用于审核和工作联系，只有监管部门工作人员能看到。',
          '知晓率测试和满意度测评：登录后的作答与您的账号关联，只用来保证每人每期计入一次；公布的结果只有人数和比例。',
          '手机功能：选择照片时使用相册或相机，只读取您选中的照片；商家保存店铺海报时写入相册；复制绑定码、告知书时写入剪贴板。我们不读取您的剪贴板、位置和通讯录。'
        ]
      },
      {
        title: '二、谁能看到',
        items: [
          '您本人：您投诉的全部内容和处理经过。',
          '被投诉的商家：投诉内容和照片。您的手机号只显示为 138****8000 这样的形式；只有您选择「允许商家查看我的手机号」时，商家才能看到完整号码。',
          '市场监管所、消费者协会等工作人员：只能查看自己辖区内的投诉，能看到完整手机号，以便联系、调解和回访。',
          '代您登记的投诉站：本站登记的投诉及其进度，以及您的姓名和手机号（用于回访）；台账列表里只显示其中一部分。',
          '其他人：看不到任何一件投诉。店铺页面和公开统计只有数量和比例，不含任何人的信息。',
          '为提供服务而接触信息的单位：微信（登录、消息提醒、文字内容安全检查），腾讯云短信（只在发短信时接收手机号和短信内容）。数据保存在中国境内。除法律法规规定或有权机关依法要求外，我们不向其他任何人提供您的个人信息。'
        ]
      },
      {
        title: '三、保存多久',
        items: [
          `投诉办结（店内和解、调解结束、不予受理或您撤回）满 ${period}后，系统自动删除投诉照片，并把手机号、姓名改为 138****8000、王** 这样的形式，无法再还原。${period}是民事纠纷的诉讼时效，在此之前您可能还需要这些材料维权。`,
          '投诉的文字和处理经过作为监管工作记录继续保存，用于统计和查询，但已不含您的联系方式。',
          '商户和投诉站联系人的信息在其参创或设立期间保存，退出后可以申请删除；登录账号在您使用期间保存，可以申请注销。'
        ]
      },
      {
        title: '四、您的权利，怎样联系我们',
        items: [
          '您可以查阅、复制您的个人信息，要求更正、补充或删除，撤回同意，或者注销账号。您的投诉全部内容随时可以在「我的投诉」里查看。',
          `其他请求请联系${contact.handler}：电话 ${contact.phone}，地址 ${contact.address}。我们核实是您本人后，在 ${contact.answerWithin}内答复。`,
          '撤回同意不影响撤回前已经进行的处理；正在处理中的投诉撤回同意后可能无法继续办理，您仍可以拨打 12315。',
          '不满 14 周岁的未成年人，请在父母或其他监护人陪同下投诉。'
        ]
      }
    ],
    updated: PRIVACY_NOTICE_UPDATED
  }
}
