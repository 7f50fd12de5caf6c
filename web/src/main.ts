import { createApp } from 'vue'
import 'element-plus/theme-chalk/base.css'
// Functions, unlike components, are not found by the resolver; their styles are imported here.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import '@/shared/styles.css'
import App from './App.vue'
import { i18n } from '@/shared/i18n'
import { router } from './router'
import { configureClient } from '@/shared/api'

configureClient({ language: () => i18n.global.locale.value })

createApp(App).use(i18n).use(router).mount('#app')
