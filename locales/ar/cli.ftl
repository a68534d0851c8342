# مخرجات الأوامر: schedule وlog وsync وcommit وinit وgit-setup وblame وbaseline وfmt وmerge.
#
# لكل رسالة هنا نظيرها في ../en/cli.ftl بالمتغيرات نفسها (يتحقق من ذلك اختبار). المعرّفات والتواريخ
# والمسارات ومراجع git والأوامر بين علامتي ` تبقى كما هي في كل لغة. الجموع تختار على
# $count_form الذي يحسبه khutta.

## khutta schedule: عناوين الجدول وأنواعه وعلاماته، ثم الإجماليات تحته

schedule-col-activity = النشاط
schedule-col-kind = النوع
schedule-col-start = البدء
schedule-col-finish = الانتهاء
schedule-col-late-start = آخر بدء
schedule-col-late-end = آخر انتهاء
schedule-col-days = الأيام
schedule-col-slack = الفسحة
schedule-col-free = فسحة حرة
schedule-col-flags = العلامات
schedule-kind-task = مهمة
schedule-kind-milestone = معلم
schedule-kind-group = مجموعة
schedule-flag-critical = حرج
schedule-flag-fixed = ثابت
schedule-flag-cancelled = ملغى
schedule-flag-late = متأخر
schedule-unscheduled = بلا مواعيد: على حلقة اعتماديات
schedule-start = البدء
schedule-finish = الانتهاء
schedule-today = اليوم
schedule-critical = المسار الحرج
schedule-conflicts = التعارضات
schedule-cycle = حلقة
schedule-finish-after-window = { $finish } (بعد نهاية الفترة في { $end })
schedule-finish-none = لا شيء: تعذّرت جدولة أي نشاط
schedule-more-paths = (مسارات حرجة أكثر مما يُعرض)
schedule-conflicts-count = { $count_form ->
    [one] تاريخ ثابت واحد لا يمكن الالتزام به؛ يسمّيه `khutta check`
    [two] تاريخان ثابتان لا يمكن الالتزام بهما؛ يسمّيهما `khutta check`
    [few] { $count } تواريخ ثابتة لا يمكن الالتزام بها؛ يسمّيها `khutta check`
    [many] { $count } تاريخًا ثابتًا لا يمكن الالتزام بها؛ يسمّيها `khutta check`
   *[other] { $count } تاريخ ثابت لا يمكن الالتزام بها؛ يسمّيها `khutta check`
}
schedule-unreadable = { $count_form ->
    [one] ملاحظة: مشكلة واحدة في قراءة الخطة؛ يغطي الجدول ما أمكنت قراءته (شغّل `khutta check`)
    [two] ملاحظة: مشكلتان في قراءة الخطة؛ يغطي الجدول ما أمكنت قراءته (شغّل `khutta check`)
    [few] ملاحظة: { $count } مشكلات في قراءة الخطة؛ يغطي الجدول ما أمكنت قراءته (شغّل `khutta check`)
    [many] ملاحظة: { $count } مشكلةً في قراءة الخطة؛ يغطي الجدول ما أمكنت قراءته (شغّل `khutta check`)
   *[other] ملاحظة: { $count } مشكلة في قراءة الخطة؛ يغطي الجدول ما أمكنت قراءته (شغّل `khutta check`)
}

## تاريخ اليوم (schedule وgantt وinit)

today-not-a-date = قيمة KHUTTA_TODAY هي { $value }، وهي ليست تاريخًا: { $error }
today-not-a-date-hint = اكتبه بالصيغة YYYY-MM-DD، أو احذف المتغير لتُستعمل ساعة النظام

## khutta init وkhutta git-setup

init-created = أُنشئت الخطة في { $dir }
init-drivers = صار git يدمج ملفات .ron فيها ويقارنها بواسطة khutta (انظر .gitattributes و`git config --local --list`)
init-next = التالي: أضِف مستودعًا بعيدًا (git remote add origin URL) ثم شغّل `khutta sync`
git-setup-done = صار git في هذه النسخة يدمج الخطة ويقارنها بواسطة khutta
setup-own-path = تعذّر العثور على مسار khutta نفسه: { $error }
diff-external-args = يأخذ --external الوسائط التي يمرّرها git: 1 أو 7 أو 9، لا {$count}
diff-external-args-hint = دع git يستدعيه: GIT_EXTERNAL_DIFF="khutta diff --external" git diff
diff-git-at = {$place}: {$message}
diff-git-line-by-line = khutta diff: {$why}؛ يُعرض سطرًا سطرًا
diff-git-no-git = khutta diff: تعذّر تشغيل git diff --no-index: {$error}

## khutta commit

commit-done = { $count_form ->
    [zero] أُودِع { $commit } (لا ملفات)
    [one] أُودِع { $commit } (ملف واحد)
    [two] أُودِع { $commit } (ملفان)
    [few] أُودِع { $commit } ({ $count } ملفات)
    [many] أُودِع { $commit } ({ $count } ملفًا)
   *[other] أُودِع { $commit } ({ $count } ملف)
}

## khutta sync: التقدم على الطرفية، ثم النتيجة

sync-receiving = الاستلام { $bar } الكائنات { $done }/{ $total }، { $kib } KiB
sync-merging = دمج الخطة…
sync-sending = الإرسال  { $bar } الكائنات { $done }/{ $total }، { $kib } KiB
sync-retrying = أرسل شريك قبلك: جلب من جديد (المحاولة { $attempt })
sync-up-to-date = الخطة محدّثة مع { $remote }
sync-synced = تمت المزامنة مع { $remote }: { $did }
sync-merged-theirs = دُمجت تغييراتهم
sync-took-theirs = أُخذت تغييراتهم
sync-sent-yours = أُرسلت تغييراتك
# ما وصل ثم ما أُرسل: «دُمجت تغييراتهم، أُرسلت تغييراتك».
sync-did-both = { $received }، { $sent }
sync-conflicts = { $count_form ->
    [zero] توقف الدمج دون تعارضات؛ لم يُرسَل شيء
    [one] توقف الدمج عند تعارض واحد؛ لم يُرسَل شيء
    [two] توقف الدمج عند تعارضين؛ لم يُرسَل شيء
    [few] توقف الدمج عند { $count } تعارضات؛ لم يُرسَل شيء
    [many] توقف الدمج عند { $count } تعارضًا؛ لم يُرسَل شيء
   *[other] توقف الدمج عند { $count } تعارض؛ لم يُرسَل شيء
}
sync-conflicts-hint = تلميح: اعرضها بالأمر `khutta merge` أو في شاشة التعارضات في الواجهة، ثم `khutta merge --continue` وزامِن من جديد
# سطر أرسله الخادم (رسالة خطّاف)، كما يعرضه git.
sync-remote = الخادم: { $line }
sync-baselines-received = خطوط الأساس المأخوذة من { $remote }: { $names }
sync-baselines-sent = خطوط الأساس المرسلة إلى { $remote }: { $names }
sync-baseline-differs = تحذير: خط الأساس `{ $name }` يسجّل { $here } هنا و{ $there } في { $remote }؛ لم يُغيَّر أيٌّ منهما
sync-baseline-differs-hint = تلميح: قارن بينهما بـ`khutta diff { $here } { $there }` واتفق مع شركائك على الصحيح منهما؛ لأخذ ما لديهم: `git fetch { $remote } +refs/tags/baseline/{ $name }:refs/tags/baseline/{ $name }`؛ ولإرسال ما لديك: `git push --force { $remote } refs/tags/baseline/{ $name }`
# يُسأل عنها مرة في الطرفية حين لا تُقبل بيانات اعتماد مخزّنة؛ لا يظهر ما يُكتب.
prompt-passphrase = عبارة المرور لـ{ $what }:
prompt-username = اسم المستخدم لـ{ $what }:
prompt-password = كلمة المرور لـ{ $what }:

## khutta merge

merge-aborted = أُلغي الدمج؛ الخطة كما كانت قبله
merge-finished = تم الدمج: { $commit }
merge-kept = بقيت تعديلاتك أنت على هذه الملفات كما هي: { $files }
merge-not-a-side = { $side } ليس طرفًا
merge-not-a-side-hint = استعمل ours أو theirs أو base
merge-not-a-number = { $number } ليس رقم تعارض
merge-not-a-number-hint = التعارضات مرقّمة من 1، كما يسردها `khutta merge`
merge-left = { $count_form ->
    [zero] لم يبق أي تعارض
    [one] بقي تعارض واحد
    [two] بقي تعارضان
    [few] بقيت { $count } تعارضات
    [many] بقي { $count } تعارضًا
   *[other] بقي { $count } تعارض
}
merge-none = لا دمج جاريًا
merge-none-hint = يبدأ `khutta sync` دمجًا حين تلتقي تغييرات الشركاء بتغييراتك

## khutta merge-driver، على مجرى الأخطاء أثناء دمج git

merge-driver-cannot-write = khutta merge-driver: تعذّرت كتابة { $path }: { $error }
merge-driver-line-merge = khutta merge-driver: { $error }؛ يُدمج { $path } سطرًا سطرًا
merge-driver-not-text = { $path } ليس نصًّا بترميز UTF-8
merge-driver-crashed = تعطّل دمج khutta ({ $error })
merge-driver-kept-ours = khutta merge-driver: لا يستطيع git دمج { $path } أيضًا ({ $error })؛ بقيت نسختك وتُرك الملف في حالة تعارض

## khutta blame

blame-not-an-id = `{ $id }` ليس معرّف نشاط: { $reason }
blame-not-an-id-hint = معرّفات الأنشطة كلمات لاتينية صغيرة موصولة بشرطات، مثل `pilot-tunis`
blame-working-copy-unreadable = تحذير: { $problem }؛ تُنسب الحقول إلى آخر إيداع فقط
# موضع ملف تعذّرت قراءته كما تقرؤه المحررات، ثم السبب.
blame-at = { $path }:{ $line }:{ $col }: { $message }
blame-uncommitted = غير مودَع
blame-working-tree = (نسخة العمل)
blame-none = (لا شيء)
signature-unsigned = غير موقَّع
signature-known = موقَّع: {$person} ({$partner})
signature-unknown-key = موقَّع بمفتاح غير معروف {$fingerprint}
signature-bad = توقيع لا يصحّ: {$reason}
signature-not-ssh = ليس توقيع SSH؛ لا تتحقق khutta إلا من توقيعات SSH
signature-invalid = {$detail}
signature-no-program = تعذّر تشغيل {$program}: {$detail}

## khutta guard
guard-refused = { $count_form ->
    [one] رفض khutta guard الدفع إلى {$refs}: تغيير واحد لا تسمح به قواعد الخطة
    [two] رفض khutta guard الدفع إلى {$refs}: تغييران لا تسمح بهما قواعد الخطة
    [few] رفض khutta guard الدفع إلى {$refs}: {$count} تغييرات لا تسمح بها قواعد الخطة
    [many] رفض khutta guard الدفع إلى {$refs}: {$count} تغييرًا لا تسمح به قواعد الخطة
   *[other] رفض khutta guard الدفع إلى {$refs}: {$count} تغيير لا تسمح به قواعد الخطة
}
guard-finding = الإيداع {$commit} «{$subject}» من {$author} <{$email}>: {$what}: القاعدة {$rule}: {$why}
guard-entity = {$noun} {$id}
guard-entity-field = {$entity}، الحقل {$field}
guard-file = الملف {$path}
guard-whole-commit = الإيداع كله
guard-branch = الفرع {$name}
guard-rewrite = { $count_form ->
    [one] يُسقط الدفع إيداعًا واحدًا من فرع الخطة المنشور، {$why}
    [two] يُسقط الدفع إيداعين من فرع الخطة المنشور، {$why}
    [few] يُسقط الدفع {$count} إيداعات من فرع الخطة المنشور، {$why}
    [many] يُسقط الدفع {$count} إيداعًا من فرع الخطة المنشور، {$why}
   *[other] يُسقط الدفع {$count} إيداع من فرع الخطة المنشور، {$why}
}
guard-rewrite-deleted = وهو يحذف الفرع، وهذا لا يجوز لأحد عبر الدفع
guard-rewrite-not-coordinator = ولا يعيد كتابة تاريخه إلا إيداع من جهة منسّقة؛ أجرِ التغيير في إيداعات جديدة فوقه بدلًا من ذلك
guard-rewrite-unsigned = ويطلب governance.ron أن يكون الإيداع الذي يعيد كتابته موقَّعًا بمفتاح جهة منسّقة مُدرَج تحت اسم مؤلّفه
guard-refused-hint = لم يتغيّر شيء على الخادم؛ تراجع عن هذه التغييرات في إيداعات جديدة (أو اطلب من جهة منسّقة أن تمنحها في governance.ron)، ثم ادفع من جديد
guard-signing-required = {$why}، ويطلب governance.ron أن يكون كل إيداع موقَّعًا بمفتاح مُدرَج تحت اسم مؤلّفه
guard-unsigned = الإيداع غير موقَّع
guard-signed-by-other = موقَّع بمفتاح {$person} ({$partner})، لا بمفتاح المؤلّف
guard-unverifiable = تعذّر التحقق من التوقيع
guard-key-not-listed = {$why}، ولا يُدرج governance.ron مفتاحًا كهذا تحت اسم مؤلّف الإيداع
guard-installed = كُتب {$path}: صار {$exe} يفحص كل دفع
guard-foreign-hook = {$path} موجود ولم يكتبه khutta guard؛ لم يُكتب شيء
guard-foreign-hook-hint = اربطه بنفسك (استدعِ منه `khutta guard pre-receive` ممرّرًا له الدخل القياسي)، أو استعمل `--update` لخطّاف update في git بدلًا منه، أو استبدله بـ`--force`

## khutta baseline

baseline-recorded = سُجّل خط الأساس { $name } عند { $commit } ({ $summary })؛ قارِن به بالأمر `khutta diff { $name }`
baseline-name-it = سمِّ خط الأساس
baseline-name-it-hint = مثلًا `khutta baseline 2026-q1`
op-none = لم تُسجَّل أي عملية بعد
op-undone = { $count_form ->
    [one] ملفات الخطة كما كانت قبل العملية { $number }: أُعيد ملف واحد ({ $files })؛ وسُجّل ذلك عملية { $op }
    [two] ملفات الخطة كما كانت قبل العملية { $number }: أُعيد ملفان ({ $files })؛ وسُجّل ذلك عملية { $op }
    [few] ملفات الخطة كما كانت قبل العملية { $number }: أُعيدت { $count } ملفات ({ $files })؛ وسُجّل ذلك عملية { $op }
   *[other] ملفات الخطة كما كانت قبل العملية { $number }: أُعيد { $count } ملفًا ({ $files })؛ وسُجّل ذلك عملية { $op }
}
op-undone-nothing = كانت ملفات الخطة أصلًا كما كانت قبل العملية { $number }؛ وسُجّل ذلك عملية { $op }
op-merge-waits-again = عاد الدمج ينتظر، بالاختيارات التي كانت قبل تلك العملية
op-not-recorded = تحذير: تعذّر تسجيل هذا في سجل العمليات: { $error }
commit-left-out = تُركت خارج الإيداع (ليست ملفات خطة): { $files }
sync-new-errors = { $count_form ->
    [one] في الخطة الآن خطأ لم يكن فيها قبل المزامنة:
    [two] في الخطة الآن خطآن لم يكونا فيها قبل المزامنة:
    [few] في الخطة الآن { $count } أخطاء لم تكن فيها قبل المزامنة:
   *[other] في الخطة الآن { $count } خطأً لم يكن فيها قبل المزامنة:
}

## khutta export وkhutta import.
export-progress = الأنشطة: { $count }؛ { $step }…
export-step-schedule = الجدولة
export-step-write = كتابة التصدير
export-unreadable = { $count_form ->
    [one] ملاحظة: مشكلة واحدة في قراءة الخطة؛ يغطي التصدير ما أمكنت قراءته (شغّل `khutta check`)
    [two] ملاحظة: مشكلتان في قراءة الخطة؛ يغطي التصدير ما أمكنت قراءته (شغّل `khutta check`)
    [few] ملاحظة: { $count } مشكلات في قراءة الخطة؛ يغطي التصدير ما أمكنت قراءته (شغّل `khutta check`)
    [many] ملاحظة: { $count } مشكلةً في قراءة الخطة؛ يغطي التصدير ما أمكنت قراءته (شغّل `khutta check`)
   *[other] ملاحظة: { $count } مشكلة في قراءة الخطة؛ يغطي التصدير ما أمكنت قراءته (شغّل `khutta check`)
}
export-no-partner = لا شريك `{ $id }` في الخطة
export-no-partner-hint = الشركاء هم: { $partners }
export-written = كُتب { $path }
export-written-files = كُتب { $files } في { $path }
export-needs-out = يكتب `khutta export { $format }` عدة ملفات ويحتاج إلى مجلد
export-needs-out-hint = سمِّ مجلدًا بالخيار --out، مثل `khutta export { $format } --out exported/`
import-no-csv = ليس في { $folder } ملف activities.csv ولا budget.csv
import-no-csv-hint = يكتب `khutta export csv --out DIR` الملفين، لتعديلهما ثم استيرادهما
import-refused = { $count_form ->
    [one] مشكلة واحدة: لم يُستورد شيء
    [two] مشكلتان: لم يُستورد شيء
    [few] { $count } مشكلات: لم يُستورد شيء
    [many] { $count } مشكلةً: لم يُستورد شيء
   *[other] { $count } مشكلة: لم يُستورد شيء
}
import-new-errors = { $count_form ->
    [one] لم يُستورد شيء: سيصير في الخطة خطأ واحد ليس فيها الآن:
    [two] لم يُستورد شيء: سيصير في الخطة خطآن ليسا فيها الآن:
    [few] لم يُستورد شيء: سيصير في الخطة { $count } أخطاء ليست فيها الآن:
    [many] لم يُستورد شيء: سيصير في الخطة { $count } خطأً ليس فيها الآن:
   *[other] لم يُستورد شيء: سيصير في الخطة { $count } خطأ ليس فيها الآن:
}
import-changed-on-disk = تغيرت هذه الملفات على القرص أثناء الاستيراد فتُركت كما هي: { $files }
import-wrote = استُورد إلى { $plan }: كُتب { $files }
import-would-write = سيُستورد إلى { $plan }: { $files } للكتابة (لم يُكتب شيء: --dry-run)
## khutta export وkhutta import (IATI وMS Project XML)
import-plan-created = أُنشئت الخطة {$dir} من {$file}
import-partners-added = { $count_form ->
    [zero] لم يُضف أي شريك
    [one] أُضيف شريك واحد
    [two] أُضيف شريكان
    [few] أُضيف { $count } شركاء
    [many] أُضيف { $count } شريكًا
   *[other] أُضيف { $count } شريك
}
import-activities-added = { $count_form ->
    [zero] لم يُضف أي نشاط
    [one] أُضيف نشاط واحد يشير إلى نشاط الملف
    [two] أُضيف نشاطان يشيران إلى نشاطَي الملف
    [few] أُضيفت { $count } أنشطة تشير إلى أنشطة الملف
    [many] أُضيف { $count } نشاطًا تشير إلى أنشطة الملف
   *[other] أُضيف { $count } نشاط تشير إلى أنشطة الملف
}
import-partners-known = موجود في الخطة من قبل: {$partners}
