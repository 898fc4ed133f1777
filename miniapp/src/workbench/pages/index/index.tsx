import { Text, View } from '@tarojs/components'
import './index.css'

/**
 * 工作台 (staff workbench) subpackage. Sign-in, drafting and review arrive with the
 * editorial-workflow issue; this page exists so the subpackage is built and measured.
 */
export default function WorkbenchIndex() {
  return (
    <View className='workbench'>
      <Text className='workbench-title'>工作台</Text>
      <Text className='workbench-text'>供各部门编辑、审核人员使用。登录与稿件审核功能建设中。</Text>
    </View>
  )
}
