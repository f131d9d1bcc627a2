import { useEffect, useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { PERSONAL_DATA_RETENTION_DAYS, retentionPeriodText } from '@fangxin/shared'
import { openPrivacyNotice, privacyGate } from '@/lib/privacy'
import './privacy-consent.css'

const openNotice = () => void openPrivacyNotice().catch(() => undefined)
const RETENTION = retentionPeriodText(PERSONAL_DATA_RETENTION_DAYS)

/**
 * The small 「个人信息保护说明」 link every form that collects personal data carries (phone numbers, names,
 * photos, sign-in). Only navigation: the notice itself lives in the `info` subpackage.
 */
export function PrivacyNoticeLink({ lead = '', className = '' }: { lead?: string; className?: string }) {
  return (
    <View className={`privacy-notice-line ${className}`}>
      {lead ? <Text className='privacy-notice-lead'>{lead}</Text> : null}
      <Text className='fx-tap privacy-notice-link' onClick={openNotice}>
        《个人信息保护说明》
      </Text>
    </View>
  )
}

let hosts = 0

function ConsentHost({ onNoticePage }: { onNoticePage: boolean }) {
  const [visible, setVisible] = useState(false)
  const page = useRouter().path
  // WeChat checks that the button named in `resolve` is the one tapped: one id per dialog.
  const agreeId = useRef(`privacy-agree-${++hosts}`).current
  useEffect(() => privacyGate.attach({ page, show: setVisible }), [page])
  return (
    <Dialog
      className='privacy-consent'
      visible={visible}
      title='个人信息保护提示'
      closeOnOverlayClick={false}
      onClose={() => privacyGate.disagree()}
      footer={
        <View className='privacy-consent-footer'>
          <Button className='privacy-disagree' fill='outline' onClick={() => privacyGate.disagree()}>
            不同意
          </Button>
          <Button
            id={agreeId}
            className='privacy-agree'
            type='primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => privacyGate.agree(agreeId)}
          >
            同意并继续
          </Button>
        </View>
      }
    >
      <View className='privacy-consent-body'>
        <Text className='privacy-consent-text'>
          选择照片、保存海报、复制内容需要使用手机的相册、剪贴板等功能。我们只读取您选中的照片，只用于处理投诉和店铺管理；照片和手机号在投诉办结满 {RETENTION}后删除或隐去。
        </Text>
        {onNoticePage ? (
          <Text className='privacy-consent-text'>详细内容见本页《个人信息保护说明》。同意后即可继续；不同意将无法使用这项功能，其他功能不受影响。</Text>
        ) : (
          <Text className='fx-tap privacy-consent-link' onClick={openNotice}>
            阅读《个人信息保护说明》
          </Text>
        )}
      </View>
    </Dialog>
  )
}

/**
 * WeChat's privacy authorisation on this page: shown when a privacy API called here (choosing photos, saving to
 * the album, copying) waits for the person to agree to the 用户隐私保护指引 (lib/privacy.ts). Put one on every
 * page that calls such an API; without one, the person is taken to the notice page to decide. Nothing in H5,
 * which has neither the APIs nor the guide.
 */
export function PrivacyConsentDialog({ onNoticePage = false }: { onNoticePage?: boolean }) {
  return process.env.TARO_ENV === 'weapp' ? <ConsentHost onNoticePage={onNoticePage} /> : null
}
