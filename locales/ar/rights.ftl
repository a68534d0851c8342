## من يحقّ له تغيير ماذا: قواعد governance.ron، والأمر khutta verify، والأقفال في الواجهة.

## لماذا يُرفض التغيير.
rights-unknown-person = {$email} ليس من أشخاص governance.ron، فلا يحقّ له تغيير شيء
rights-coordinators-plan = لا يغيّر حقول الخطة نفسها (plan.ron) إلا منسّق
rights-coordinators-consultations = لا يغيّر جولات المشاورات وإجاباتها إلا منسّق
rights-rules-need-coordinator = لا يغيّر القواعد (governance.ron) إلا منسّق
rights-not-granted = لا إذن لـ`{$partner}` يسمح بهذا التغيير
rights-funder-only = يمسّ هذا أموال `{$funder}`، ولا تتغيّر إلا بموافقته (شخص من `{$funder}` أو منسّق)
