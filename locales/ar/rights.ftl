## من يحقّ له تغيير ماذا: قواعد governance.ron، والأمر khutta verify، والأقفال في الواجهة.

## لماذا يُرفض التغيير.
rights-unknown-person = {$email} ليس من أشخاص governance.ron، فلا يحقّ له تغيير شيء
rights-coordinators-plan = لا يغيّر حقول الخطة نفسها (plan.ron) إلا منسّق
rights-rules-need-coordinator = لا يغيّر القواعد (governance.ron) إلا منسّق
rights-not-granted = لا إذن لـ`{$partner}` يسمح بهذا التغيير
rights-funder-only = يمسّ هذا أموال `{$funder}`، ولا تتغيّر إلا بموافقته (شخص من `{$funder}` أو منسّق)

## khutta verify.
verify-commit = {$commit} {$author} <{$email}>: {$summary}
verify-breach-field = {$noun} `{$id}`، الحقل {$field}: {$why}
verify-breach-entity = أُضيف {$noun} `{$id}` أو حُذف: {$why}
verify-breach-entity-any = {$noun} `{$id}`: {$why}
verify-breach-plan = plan.ron، الحقل {$field}: {$why}
verify-breach-file = {$file}: {$why}
verify-breach-rules = governance.ron: {$why}
verify-sig-unsigned = غير موقَّع، والقواعد تشترط توقيع كل إيداع
verify-sig-unverifiable = موقَّع، لكن لم يعمل أي مدقِّق للتواقيع، والقواعد تشترط التوقيع
verify-sig-bad = التوقيع لا يصحّ عند التحقق منه
verify-sig-unknown-key = موقَّع بمفتاح غير مذكور لصاحبه في governance.ron: {$key}
verify-check = يفشل الفحص بعد هذا الإيداع (أخطاء جاء بها: {$new}؛ أخطاء سابقة: {$kept})
verify-check-error = {$path}: خطأ[{$code}]: {$message}
verify-summary = الإيداعات المتحقَّق منها: {$walked}؛ ذات الملاحظات: {$flagged}
