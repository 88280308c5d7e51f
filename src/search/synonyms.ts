/**
 * Query-time synonym groups: general vocabulary of security reviews, in English and Japanese, including Japanese
 * orthographic variants that normalization cannot fold (漏洩/漏えい, 問い合わせ/問合せ). A question term found in a
 * group also searches the group's other words, at a lower weight than the user's own words.
 *
 * These are about the language, not about one item: item-specific phrasings belong in the item's aliases in
 * knowledge/checklist.en.yaml, where the sheet's owners can see and review them.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['keep', 'retain', 'retention', 'store', 'hold', 'preserve', '保存', '保管', '保持'],
  ['delete', 'deletion', 'erase', 'erasure', 'remove', 'purge', 'wipe', 'destroy', 'dispose', 'disposal', '削除', '消去', '破棄', '廃棄'],
  ['encrypt', 'encryption', 'encrypted', 'cipher', 'cryptographic', 'crypto', '暗号化', '暗号'],
  ['outage', 'downtime', 'incident', 'failure', 'disruption', 'fault', '障害', '故障', '停止'],
  ['notify', 'notification', 'inform', 'alert', 'announce', 'announcement', 'tell', 'contact', 'communicate', '通知', '連絡'],
  ['certification', 'certified', 'certificate', 'accredited', 'accreditation', 'attestation', '認証', '認定'],
  ['location', 'region', 'country', 'countries', 'geographic', 'residency', 'located', 'japan', 'domestic', 'overseas', 'abroad', '所在地', '場所', '保存地', '日本', '国内', '海外'],
  ['restore', 'recover', 'recovery', 'restoration', '復旧', '復元', 'リカバリ'],
  ['monitor', 'monitoring', 'watch', 'observe', 'surveillance', '監視'],
  ['malware', 'virus', 'antivirus', 'ウイルス', 'マルウェア'],
  ['log', 'logs', 'logging', 'ログ', '記録', '履歴'],
  ['export', 'download', 'extract', 'portability', 'return', 'エクスポート', 'ダウンロード', '返却'],
  ['backup', 'backups', 'snapshot', 'replica', 'バックアップ', '複製'],
  ['contract', 'termination', 'terminate', 'cancel', 'cancellation', 'exit', 'offboard', '解約', '契約終了'],
  ['leak', 'breach', 'exposure', '漏えい', '漏洩', '流出'],
  ['insurance', 'insured', 'compensation', '保険', '補償'],
  ['maintenance', 'メンテナンス', '保守', '点検'],
  ['availability', 'uptime', '稼働率', '可用性'],
  ['inquiry', 'enquiry', 'question', 'ticket', '問い合わせ', '問合せ', '問合わせ'],
  ['email', 'e-mail', 'mail', 'メール'],
  ['separate', 'separation', 'segregate', 'segregation', 'isolate', 'isolation', 'partition', 'mix', 'mixed', 'commingle', 'commingled', '分離', '隔離', '混在'],
  ['assessment', 'audit', 'review', 'evaluation', 'test', 'testing', '評価', '診断', '監査'],
  ['vulnerability', 'vulnerabilities', 'weakness', '脆弱性'],
  ['penetration', 'pentest', 'ペネトレーション'],
  ['patch', 'patching', 'update', 'updates', 'upgrade', 'パッチ', 'アップデート', 'バージョンアップ'],
  ['limit', 'cap', 'maximum', 'max', 'quota', 'restriction', '上限', '制限', '制約'],
  ['concurrent', 'simultaneous', 'parallel', '同時'],
  ['frequency', 'interval', 'often', 'cadence', '頻度', '間隔'],
  ['shutdown', 'discontinue', 'discontinuation', 'retire', 'retirement', 'sunset', '終了', '廃止'],
  ['access', 'see', 'view', 'permission', 'privilege', 'authorization', 'アクセス', '権限', '閲覧'],
  ['key', 'keys', '鍵', 'キー'],
  ['transit', 'transport', 'communication', 'network', '通信'],
  ['media', 'medium', 'tape', 'disk', 'drive', '媒体', 'メディア'],
  ['data center', 'datacenter', 'facility', 'hosting', 'データセンター'],
  ['plan', 'pricing plan', 'tier', 'プラン'],
  ['api', 'interface', 'integration', 'integrate', '連携', '接続'],
  ['customize', 'customization', 'customise', 'customisation', 'tailor', 'カスタマイズ'],
  ['response', 'respond', 'handle', 'handling', '対応'],
  ['disaster', 'fire', 'flood', 'earthquake', 'typhoon', 'tsunami', 'catastrophe', '災害', '火災', '地震', '洪水', '台風', '津波'],
  ['support', 'helpdesk', 'call', 'phone', 'hotline', 'サポート', '電話'],
  ['multi-tenant', 'multitenant', 'multi-tenancy', 'shared', 'マルチテナント'],
  ['hour', 'hours', '時間'],
  ['generation', 'generations', '世代'],
];
