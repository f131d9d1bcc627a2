import { startScanShell, type ScanShellConfig } from './scan-shell'

/** Filled in at build time by config/scan-preload.ts: the scan page's files and where the API is. */
declare const SCAN_SHELL_CONFIG: ScanShellConfig

startScanShell(window, SCAN_SHELL_CONFIG)
