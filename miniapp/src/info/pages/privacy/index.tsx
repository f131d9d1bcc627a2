// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { Text, View } from '@tarojs/components'
import { PrivacyConsentDialog } from '@/components/privacy-consent'
import { useScaledRoot } from '@/components/font-scale'
import { privacyNotice } from '../../privacy-notice'
import '../../info.css'

const NOTICE = privacyNotice()

/**
 * 个人信息保护说明: what is collected, why, who sees it, how long it is kept, how to ask for a copy, a
 * correction or a deletion (info/privacy-notice.ts). Linked from every form that collects personal data; also
 * where a person decides on WeChat's privacy authorisation when the page that asked has no dialog of its own.
 */
export default function PrivacyPage() {
  const root = useScaledRoot('info-page privacy-page')
  return (
    <View {...root}>
      <View className='info-doc privacy-notice'>
        <Text className='info-doc-title'>{NOTICE.title}</Text>
        <Text className='info-doc-meta'>更新日期：{NOTICE.updated}</Text>
        <Text className='info-doc-body privacy-intro'>{NOTICE.intro}</Text>
        {NOTICE.sections.map((section) => (
          <View key={section.title} className='privacy-section'>
            <Text className='privacy-section-title'>{section.title}</Text>
            {section.items.map((item) => (
              <Text key={item} className='privacy-item'>
                {item}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <PrivacyConsentDialog onNoticePage />
    </View>
  )
}
