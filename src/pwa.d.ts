// Types of vite-plugin-pwa's virtual modules (virtual:pwa-register/react), used by src/ui/UpdateNotice.tsx.
/// <reference types="vite-plugin-pwa/react" />
