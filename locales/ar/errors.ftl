# الأخطاء: أخطاء المستودع والتخزين والتعديلات والقيم المكتوبة في النماذج، مع تلميحاتها.

# كيف يبلّغ الأمر عن خطأ، على مجرى الأخطاء.
error-line = خطأ: {$message}
error-hint = تلميح: {$hint}
warning-line = تحذير: {$message}
# تعذّر إنشاء مخرجات الأمر (تتبعها كلمات أداة التسلسل نفسها).
output-internal = تعذّر على khutta كتابة مخرجاته: {$reason}

## مجلد الخطة.
store-not-a-plan = `{$path}` ليس خطة khutta: ليس فيه plan.ron
store-io = {$path}: {$detail}
store-serialize = تعذّرت كتابة {$path} بصيغة RON: {$detail}
store-meta-unreadable = تعذّرت قراءة plan.ron؛ أصلحه قبل الحفظ كي لا يضيع شيء منه
store-round-not-saved = جولة التشاور `{$round}` لم تُحفظ بعد (لا يوجد {$path})
store-changed-on-disk = تغيّر `{$path}` على القرص منذ أن قرأه khutta؛ فتُرك كما هو

## الخطة في git.
repo-not-a-repository = `{$path}` ليس داخل مستودع git
repo-not-a-repository-hint = أنشئ مستودعًا بـ`khutta init DIR --from PLAN`
repo-not-set-up = هذا المستودع غير مهيّأ لـkhutta
repo-not-set-up-hint = شغّل `khutta git-setup` في نسخة من مستودع خطة؛ ولبدء مستودع من هذه الخطة شغّل `khutta init DIR --from PLAN`
repo-no-identity = لا يعرف git من أنت: لم يُضبط user.name وuser.email
repo-no-identity-hint = اضبطهما مرة واحدة: git config --global user.name "Your Name" && git config --global user.email you@example.org
repo-nothing-to-commit = لا شيء للإيداع: ملفات الخطة كما كانت في آخر إيداع
repo-already-a-plan = في `{$path}` خطة من قبل
repo-already-a-plan-hint = اختر مجلدًا فارغًا أو جديدًا
repo-no-plan-at = لا خطة في {$rev}
repo-no-such-revision = `{$rev}` ليس إيداعًا ولا فرعًا ولا وسمًا في هذا المستودع
repo-revision-unreadable = {$rev}: {$path}:{$line}:{$col}: {$problem}
repo-merge-in-progress = ثمة دمج جارٍ: حُلّ تعارضاته، أو ألغِه
repo-merge-in-progress-hint = اعرضها بـ`khutta merge`، وحُلّ كلًّا منها بـ`khutta merge --take ours|theirs N` أو في الواجهة، ثم `khutta merge --continue`؛ أو `khutta merge --abort`
repo-no-merge = لا يوجد دمج جارٍ
repo-conflicts-left = { $count_form ->
    [one] بقي تعارض واحد لم يُحلّ
    [two] بقي تعارضان لم يُحلّا
    [few] بقيت {$count} تعارضات لم تُحلّ
    [many] بقي {$count} تعارضًا لم يُحلّ
   *[other] بقي {$count} تعارض لم يُحلّ
}
repo-cannot-resolve = تعذّر حلّ التعارض: {$detail}
repo-file-conflicts = تعارض في ملفات خارج الخطة: {$files}
repo-file-conflicts-hint = ادمج هذه الملفات بـgit نفسه (git merge)، ثم زامن من جديد
repo-hand-edits = عُدّلت هذه الملفات يدويًا أثناء انتظار الدمج، في الحقول نفسها التي تغيّرها هذه الخطوة: {$files}؛ لم يُكتب شيء
repo-hand-edits-hint = سوِّ تلك التعارضات بتعديل الحقول بنفسك، أو أعد الملفات كما كتبها الدمج (يعرض `khutta merge` ما كتبه)، ثم حاول مجددًا
repo-no-such-operation = لا توجد عملية رقمها {$number} في السجل
repo-no-such-operation-hint = يعرض `khutta op log` العمليات بأرقامها
repo-uncommitted = في الخطة تغييرات لم تُودَع
repo-uncommitted-hint = أودِعها أولًا: khutta commit -m "ما الذي تغيّر"
repo-detached-head = HEAD ليس على فرع، فلا شيء للمزامنة
repo-detached-head-hint = انتقل أولًا إلى فرع الخطة، مثل `git switch main`
repo-no-remote = لا يوجد مستودع بعيد باسم `{$remote}`
repo-no-remote-hint = أضف واحدًا: git remote add origin URL
repo-network = تعذّر الوصول إلى `{$remote}`: {$detail}
repo-network-hint = لم يضع شيء: إيداعاتك ما زالت هنا؛ زامن من جديد حين يصبح المستودع البعيد متاحًا
repo-auth = رفض `{$remote}` الطلب: {$detail}
repo-auth-hint = أضف مفتاحك إلى ssh-agent (ssh-add؛ ومكان المفتاح ذي عبارة المرور هناك)، أو اضبط مساعد بيانات الاعتماد في git لهذا المضيف، في النسخة أو عامًّا؛ لم يضع شيء، ولا يخزّن khutta أي بيانات اعتماد
repo-rejected = رفض الخادم تحديث {$refname}: {$detail}
repo-rejected-hint = لم يضع شيء؛ اسأل القائمين على المستودع عن قاعدة الخادم
repo-push-raced = تغيّر المستودع البعيد أثناء الدفع
repo-remote-keeps-moving = ظل `{$remote}` يتغيّر أثناء دفع khutta؛ حاول بعد قليل
repo-remote-keeps-moving-hint = لم يضع شيء: ما وصل دُمج هنا؛ زامن من جديد بعد قليل
repo-cancelled = أُلغيت المزامنة
repo-cancelled-hint = لم يضع شيء: كل خطوة (الجلب، الدمج، الدفع) إما اكتملت وإما لم تبدأ؛ زامن من جديد لإتمامها
repo-timed-out = لم يردّ `{$remote}` بشيء طوال {$seconds} ث، فتوقفت المزامنة
repo-timed-out-hint = لم يضع شيء؛ تحقّق من الشبكة ومن الخادم ثم زامن من جديد (وعلى اتصال بطيء أطِل الانتظار بـKHUTTA_NET_TIMEOUT=SECONDS)
repo-host-key = لا يمكن الوثوق بـ`{$remote}` بعد: مفتاح مضيف SSH الخاص به ليس في ~/.ssh/known_hosts ({$detail})
repo-host-key-hint = تحقّق من مفتاح الخادم مع القائمين عليه، ثم اتصل به مرة بـ`ssh` ليُسجَّل في ~/.ssh/known_hosts (الملف الوحيد الذي يقرأ منه khutta مفاتيح المضيفين)؛ لم يضع شيء
repo-revision-hint = تعذّرت قراءة ملف من ملفات الخطة في ذلك الإيداع: أصلحه في إيداع جديد (يسمّي `khutta check` المشكلة)، ثم أعد المحاولة
repo-local-failure-hint = لم يُرسَل شيء؛ يسرد `khutta op log` ما غيّره khutta في ملفات الخطة، ويعيدها `khutta op undo` كما كانت
repo-io = {$path}: {$detail}
repo-git = git: {$detail}
repo-baseline-exists = يوجد خط أساس باسم `{$name}` من قبل
repo-baseline-exists-hint = اختر اسمًا آخر، أو استبدله بـ`khutta baseline {$name} --force`
repo-bad-baseline-name = لا يصلح `{$name}` اسمًا لخط أساس
repo-bad-baseline-name-hint = استعمل الحروف والأرقام والنقاط والشرطات والخطوط المائلة، مثل `2026-q1` أو `donor/approved`
repo-no-such-activity = لا يوجد نشاط `{$id}` في {$rev}
repo-no-such-activity-hint = النشاط الذي أُعيدت تسميته منذ ذلك الحين يُتتبَّع بمعرّفه الجديد؛ ويسرد `khutta log --activity ID` إيداعاته
repo-no-such-field = ليس للأنشطة حقل `{$field}`؛ حقولها: {$known}
repo-signing-not-ssh = ضُبط git ليوقّع الإيداعات بصيغة {$format} (gpg.format)، ولا توقّع khutta إلا بمفاتيح SSH؛ لم يُودَع شيء
repo-signing-not-ssh-hint = اضبط `git config gpg.format ssh` و`git config user.signingkey ~/.ssh/id_ed25519.pub`، أو أودِع بـgit نفسه
repo-signing-no-key = ضُبط git ليوقّع الإيداعات بمفتاح SSH (commit.gpgsign)، لكن user.signingkey لا يسمّي مفتاحًا؛ لم يُودَع شيء
repo-signing-no-key-hint = سمِّ المفتاح: `git config user.signingkey ~/.ssh/id_ed25519.pub` (مفتاح عام يحمل ssh-agent نصفه الخاص، أو ملف المفتاح الخاص)
repo-signing-failed = تعذّر على {$program} توقيع الإيداع: {$detail}؛ لم يُودَع شيء
repo-signing-failed-hint = تحقّق من أن user.signingkey يسمّي مفتاحك وأن ssh-agent يحمله (`ssh-add -l`)، أو أوقف التوقيع بـ`git config commit.gpgsign false`
repo-signing-key-locked = مفتاح التوقيع {$path} مقفل بعبارة مرور ولا يحمله ssh-agent؛ لم يُودَع شيء
repo-signing-key-locked-hint = أضِفه إلى الوكيل مرة واحدة (`ssh-add {$path}`)، ثم أودِع من جديد
repo-hook-input = ليس هذا سطرًا يعطيه git لخطّاف: `{$line}`
repo-hook-input-hint = يقرأ `khutta guard pre-receive` أسطر `OLD NEW REF` من دخله القياسي، ويأخذ `khutta guard update` الوسائط REF OLD NEW؛ يمرّرها git حين يشغّل الخطّاف

## التعديلات.
edit-missing = ليس في الخطة {$noun} `{$id}`
edit-exists = يوجد في الخطة {$noun} بالمعرّف `{$id}` من قبل
edit-stale = تغيّرت الخطة منذ أُجري هذا التعديل
edit-outdated = تغيّر `{$path}` على القرص منذ ذلك، في الحقل نفسه ({$fields}): عدّله بنفسك
edit-no-round = لا توجد جولة تشاور `{$round}`
edit-round-exists = جولة التشاور `{$round}` موجودة من قبل
edit-no-response = ليس في الجولة `{$round}` رد من المشارك `{$participant}`
edit-question-exists = في الجولة سؤال `{$question}` من قبل
edit-no-question = ليس في الجولة سؤال `{$question}`

## القيم المكتوبة في نموذج أو في خلية CSV.
value-not-amount = {$text} ليس مبلغًا عشريًّا (اكتبه مثل 150000 أو 1500.50)
value-not-currency = {$text} ليس رمز عملة وفق ISO 4217 (ثلاثة أحرف لاتينية كبيرة، مثل USD)
value-not-country = {$text} ليس رمز بلد ثنائي الأحرف وفق ISO 3166-1 alpha-2 (مثل EG أو MA)
value-not-date = {$text} ليس تاريخًا: اكتبه بصيغة YYYY-MM-DD، يومًا موجودًا في التقويم
value-not-whole = {$text} ليس عددًا صحيحًا
value-out-of-range = {$value} خارج المدى: من {$min} إلى {$max}
value-amount-range = لا يتجاوز المبلغ { $max }، موجبًا أو سالبًا
value-not-one-of = {$text} ليس واحدًا من: {$allowed}
value-not-email = {$text} ليس عنوان بريد إلكتروني
value-not-json = ليست JSON صالحة: {$reason}

## نماذج الواجهة.
form-wrong-kind = نوع العنصر خاطئ
form-item-gone = لم يعد هذا العنصر موجودًا
form-fixed-dates = اكتب التواريخ الثابتة على صورة `Fixed البداية النهاية`، على ألا تسبق النهايةُ البداية
form-fixed-unscheduled = ليس لهذا النشاط تواريخ تُثبَّت بعد: أعطه مدة وبداية أولًا
form-rate-needed = اكتب العملة وسعرها بعملة الخطة، مثل `JOD 1.41`
form-no-such-row = لا يمكن تحرير هذا السطر هنا
form-round-not-status = `{$value}` ليست حالة من حالات الجولة
form-round-not-aspect = `{$value}` ليس جانبًا من جوانب الخطة
form-round-kind-id = اكتب `{$word}` على صورة نوع/معرّف، مثل activities/{$word}
form-round-no-option = ليس في السؤال خيار رقم {$number}
form-not-edited-directly = لا يُعدَّل هذا السطر مباشرة
form-dates-fixed-only = التواريخ للتوقيت الثابت وحده
form-days-duration-only = الأيام للمدة وحدها
form-not-before-duration-only = حد البداية للمدة وحدها
form-country-first = اختر البلد أولًا
form-depends-on-itself = لا يمكن أن يعتمد نشاط على نفسه
form-already-depends = `{$id}` يعتمد على `{$other}` من قبل
form-negative-line = بند الميزانية تكلفة، فلا يجوز أن يكون سالبًا
form-rate-range = يجب أن يكون السعر أكبر من صفر وألّا يتجاوز { $max }
form-not-an-entity-folder = `{$folder}` ليس واحدًا من activities وpartners وbeneficiaries وfunding
form-not-a-max = `{$text}` ليس عددًا صحيحًا من 0 إلى 255
form-no-question-selected = لم يُحدَّد أي سؤال
form-not-a-question-kind = `{$text}` ليس نوعًا من أنواع الأسئلة
form-max-needed = اكتب كم عنصرًا يجوز اختياره
form-no-options = ليس لهذا النوع من الأسئلة خيارات

## استيراد الإجابات من CSV.
import-no-header = ليس في الملف صف عناوين مقروء: {$detail}
import-missing-column = ليس في صف العناوين عمود `{$column}`
import-unknown-column = العمود `{$column}` ليس سؤالًا في الجولة `{$round}` (الأسئلة: {$known})
import-column-twice = العمود `{$column}` مكرر
import-unreadable-row = صف غير مقروء: {$detail}
import-cell-count = { $cells_form ->
    [zero] ليس في الصف أي خلية
    [one] في الصف خلية واحدة
    [two] في الصف خليتان
    [few] في الصف {$cells} خلايا
    [many] في الصف {$cells} خليةً
   *[other] في الصف {$cells} خلية
}، وفي صف العناوين { $header_form ->
    [one] عمود واحد
    [two] عمودان
    [few] {$header} أعمدة
    [many] {$header} عمودًا
   *[other] {$header} عمود
}
import-earlier-row = المشارك `{$participant}` في صف سابق أيضًا
import-already-answered = سبق للمشارك `{$participant}` أن أجاب في هذه الجولة (استعمل --replace للاستبدال)
import-in-question = `{$question}`: {$problem}
import-bad-participant = المشارك {$text}: {$reason}
import-bad-language = اللغة {$text} ليست `ar` ولا `en`
import-organisation-blank = الجهة فارغة
import-bad-organisation-type = organisation_type {$text} ليس نوع جهة في IATI (مثل LocalGovernment أو 11)
import-not-an-option = {$text} ليس خيارًا (الخيارات: {$options})
import-several-answers = عدة إجابات عن سؤال ذي اختيار واحد
import-too-many-choices = { $count_form ->
    [one] اختيار واحد
    [two] اختياران
    [few] {$count} اختيارات
    [many] {$count} اختيارًا
   *[other] {$count} اختيار
}، والحد الأقصى المسموح {$max}
import-bad-rating = التقييم {$text} ليس عددًا صحيحًا من {$min} إلى {$max}
import-bad-ranking = يذكر الترتيب كلًّا من الخيارات ({$count}) مرة واحدة بالضبط، الأفضل أولًا
import-not-offered = {$text} ليس من {$items} المعروضة
import-too-many-items = { $count_form ->
    [one] عنصر واحد مختار
    [two] عنصران مختاران
    [few] {$count} عناصر مختارة
    [many] {$count} عنصرًا مختارًا
   *[other] {$count} عنصر مختار
}، والحد الأقصى المسموح {$max}

## khutta diff.
diff-working-tree-unreadable = تعذّر تحميل الخطة في شجرة العمل ({ $count_form ->
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] {$count} مشكلات
    [many] {$count} مشكلةً
   *[other] {$count} مشكلة
} أعلاه)
diff-working-tree-unreadable-hint = أصلح الملف، أو قارن بين إيداعين: `khutta diff A B`

## khutta gantt.
gantt-to-before-from = --to {$to} يسبق --from {$from}
gantt-to-before-from-hint = اذكر أول يوم بـ--from وآخر يوم بـ--to
# مفتاح الرموز تحت `khutta gantt`: كل علامة، ثم المقياس.
gantt-legend = {$task} مهمة  {$critical} حرجة  {$group} مجموعة  {$milestone} معلم  {$critical_milestone} معلم حرج  {$cancelled} ملغاة  {$slack} فسحة  {$dependency} تنتظر غيرها  {$today_mark} اليوم {$today}
gantt-legend-scale = المقياس: {$scale} لكل عمود، من {$from} إلى {$to}
gantt-legend-cycle = ? بلا تواريخ: في حلقة اعتماد (انظر `khutta check`)

## ملف الإعدادات.
config-error = {$path}:{$line}:{$col}: خطأ: {$message}
config-unknown-language = لغة غير معروفة {$text}؛ يدعم khutta اللغتين "en" و"ar"
config-unknown-bidi = نمط اتجاه غير معروف {$text}؛ استعمل "app" أو "terminal"
config-unknown-key = مفتاح غير معروف {$text} (اكتب المفاتيح مثل `ctrl-s` و`q` و`shift-tab` و`f1`)
config-not-used = تحذير: لم يُستعمل ملف الإعدادات: {$error}

## السجل (KHUTTA_LOG).
log-filter-invalid = KHUTTA_LOG={$value} ليس مرشِّحًا للسجل ({$error})؛ يُسجَّل على مستوى "info"

## المحرر الخارجي.
editor-temp-file = تعذّر تمرير النص إلى المحرر: {$detail}
editor-terminal = تعذّرت استعادة الطرفية من المحرر: {$detail}
editor-exited = خرج {$editor} بالحالة {$status}؛ لم يتغيّر النص
editor-cannot-run = تعذّر تشغيل {$editor}: {$detail}

## الواجهة وسطر الأوامر.
open-not-a-terminal = المخرجات القياسية ليست طرفية، فلا يمكن رسم شاشة khutta
open-not-a-terminal-hint = في السكربتات والأنابيب استعمل `khutta summary` أو `khutta check` أو `khutta gantt`
open-terminal-failed = تعطّلت الطرفية: {$detail}
error-plan-after-subcommand = يأتي مجلد الخطة بعد الأمر الفرعي
error-plan-after-subcommand-hint = مثلًا `khutta check PATH`
error-not-a-command = `{$word}` ليس أمرًا ولا مجلد خطة
error-not-a-command-hint = هل تقصد `khutta {$near}`؟ (يسرد `khutta --help` كل الأوامر)
repo-locked = ملف قفل يعترض العملية: {$detail}
repo-locked-hint = ربما يعمل git أو khutta آخر في هذا المستودع؛ وإن لم يكن فقد انقطع أحدهما وترك القفل: احذف ملف `.lock` المذكور أعلاه وأعد المحاولة (لم يضع شيء غيره)

## بيانات الاعتماد، وحل تعارض.
auth-tried-agent = ssh-agent باسم `{$user}`
auth-tried-key = ملف المفتاح {$path}
auth-tried-helper = مساعد بيانات الاعتماد في git
auth-tried-default = بيانات الاعتماد الافتراضية للنظام
auth-tried-prompt = كلمة مرور كُتبت
auth-locked-key = ملف المفتاح {$path} (له عبارة مرور، ولا طرفية يُسأل فيها عنها)
auth-declined-key = ملف المفتاح {$path} (لم تُعطَ عبارة المرور)
auth-unreadable-key = ملف المفتاح {$path}، وتعذّرت قراءته: {$detail}
auth-wrong-passphrase = عبارة المرور المعطاة لملف المفتاح {$path} ليست الصحيحة
auth-unsupported = طلب الخادم نوعًا من المصادقة لا يستطيع khutta تقديمه
auth-failed = فشلت المصادقة؛ جُرِّب: {$tried}
resolve-no-such-conflict = لا يوجد تعارض رقمه {$number}
resolve-missing = لم يعد {$noun} `{$id}` في الخطة المدمجة
resolve-target-gone = لم يعد في الخطة المدمجة
nav-whole-entity = `{$path}` هو العنصر كله وليس حقلًا فيه
nav-not-a-record = `{$path}` يمرّ بشيء ليس سجلًّا
nav-no-keys = `{$path}` يستعمل مفتاحًا في قائمة لا مفاتيح لعناصرها
nav-no-such-item = `{$path}` يسمّي عنصرًا غير موجود
nav-past-the-end = `{$path}` يسمّي موضعًا بعد نهاية القائمة
nav-through-member = `{$path}` يمرّ بعضو في مجموعة
nav-already-exists = `{$path}` موجود من قبل
nav-not-a-list = `{$path}` ليس قائمة
nav-member-only = `{$path}` يسمّي عضوًا في مجموعة، ولا يكون العضو إلا مضافًا أو محذوفًا
resolve-invalid = القيمة المختارة لا تناسب `{$path}` في {$target}: {$detail}
resolve-id-changed = معرّفه `{$id}`؛ والمعرّفات لا تتغيّر إلا بإعادة التسمية
resolve-unit-gone = لم يعد الملف في الخطة
resolve-remove-plan = لا يمكن حذف plan.ron
op-save = حفظ
op-fmt = تنسيق (الصيغة المعيارية)
op-import = إجابات مستوردة إلى { $round }
op-import-files = ملفات أداة أخرى مستوردة ({ $format })
op-commit = إيداع «{ $message }»
op-sync = مزامنة مع { $remote }
op-resolve = تسوية تعارض: { $conflict }
op-merge-commit = إيداع الدمج
op-merge-abort = إلغاء الدمج
op-undo = تراجع عن العملية { $number }
repo-driver-missing = لا يوجد في هذه النسخة مُدمِج khutta: سيدمج git ملفات الخطة سطرًا سطرًا، أو يُبقي جانبًا واحدًا، دون أن يقول شيئًا
repo-driver-gone = مُدمِج khutta في هذه النسخة هو { $path }، ولم يعد موجودًا: سيفشل git أو يدمج ملفات الخطة سطرًا سطرًا
repo-driver-other = مُدمِج khutta في هذه النسخة نسخة أخرى من khutta ({ $path })
repo-driver-hint = شغّل `khutta git-setup` في هذه النسخة (ومن جديد بعد نقل khutta)
repo-left-out = هذه الملفات في مجلد الخطة ليست ملفات خطة، ولا يودعها khutta أبدًا: {$files}
resolve-rename-needs-id = اكتب المعرّف الذي تريد إبقاءه نصًّا: "pilot-tunis"
resolve-id-taken = المعرّف `{$id}` لكيان آخر
store-not-a-folder = ليس `{$path}` مجلدًا (بل رابطًا أو ملفًا): لا يكتب khutta عبره أبدًا

## khutta import: مشكلات محددة المكان في ملف CSV (الرموز I001...).
exchange-not-utf8 = ليس الملف نصًّا بترميز UTF-8
exchange-not-utf8-hint = احفظه من جدول البيانات بصيغة "CSV UTF-8"
exchange-unreadable = تتعذر قراءة الملف بصيغة CSV: {$detail}
exchange-unreadable-hint = احفظه من جدول البيانات بصيغة CSV، والفواصل بين الخلايا
exchange-no-header = الملف فارغ: لا صف عناوين فيه
exchange-missing-column-hint = أضف العمود إلى صف العناوين؛ ويكتب `khutta export csv` ملفًا كاملًا تبدأ منه
exchange-column-twice-hint = أبقِ أحد العمودين
exchange-unknown-column = ليس `{$column}` عمودًا من أعمدة هذا الملف
exchange-unknown-column-hint = الأعمدة هي: {$known}
exchange-cell-count-hint = ابحث في الصف عن فاصلة زائدة أو علامة اقتباس لم تُغلق
exchange-value-hint = صحّح الخلية؛ ويبيّن فصل "التصدير والاستيراد" في الكتاب ما يقبله كل عمود
exchange-bad-id = ليس {$text} معرّفًا: {$reason}
exchange-bad-id-hint = المعرّفات حروف لاتينية صغيرة وأرقام وشرطات، مثل pilot-tunis
exchange-date-hint = اكتب التواريخ بالشكل YYYY-MM-DD، مثل 2026-03-15 (واجعل العمود نصًّا في جدول البيانات)
exchange-bad-dependency = ليس {$text} اعتمادًا: اكتب ID أو ID:SS أو ID:FS+2
exchange-bad-partner = ليس {$text} شريكًا مع دوره: اكتب ID:Implementing
exchange-duplicate-row = للنشاط `{$id}` صف من قبل، هو الصف {$row}
exchange-duplicate-row-hint = أبقِ صفًّا واحدًا لكل نشاط
exchange-new-needs-title = `{$id}` نشاط جديد، ويلزمه عنوان في title_ar أو title_en
exchange-timing-new = `{$id}` نشاط جديد، ويلزمه توقيته: البداية والنهاية، أو عدد الأيام
exchange-end-before-start = النهاية {$end} قبل البداية {$start}
exchange-timing-not-before = يأتي not_before مع days: فهو يؤخر نشاطًا تضعه اعتماداته
exchange-timing-half = البداية والنهاية تأتيان معًا، وإحداهما فارغة
exchange-timing-mixed = للنشاط إما تاريخان ثابتان (start وend) وإما مدة (days)، لا الاثنان معًا
exchange-timing-hint = للتواريخ الثابتة: start وend؛ ولنشاط تضعه اعتماداته: days (ومعها not_before)؛ ولمدى المجموعة: الخلايا الأربع فارغة
exchange-city-without-country = تحتاج المدينة إلى بلدها
exchange-unknown-activity = لا نشاط `{$id}` في الخطة ولا في الملف
exchange-unknown-partner = لا شريك `{$id}` في الخطة
exchange-unknown-beneficiary = لا فئة مستفيدين `{$id}` في الخطة
exchange-unknown-calendar = لا تقويم `{$id}` في الخطة
exchange-unknown-funding = لا مصدر تمويل `{$id}` في الخطة
exchange-unknown-hint = صحّح المعرّف، أو أضف ما يسمّيه إلى الخطة أولًا
exchange-blank-cell = خلية `{$column}` فارغة
## ملفات التبادل: IATI وMS Project XML (التصدير والاستيراد).
iati-no-ref = الشريك `{$partner}` يُبلغ IATI بالخطة لكن ليس له `iati_ref`: معرّف النشاط يبدأ به
iati-no-ref-hint = أضف `iati_ref` بمعرّف الجهة في سجل منظمات IATI (مثل `XM-DAC-41120`)، أو اختر شريكًا آخر بالخيار `--reporting-org`
iati-reporting-org-unknown = `--reporting-org {$partner}` لا يسمّي شريكًا في الخطة
iati-reporting-org-none = ليس لأي شريك دور المسؤول، فلا يعرف khutta أي جهة تُبلغ IATI بالخطة
iati-reporting-org-several = للشريك `{$partner}` دور المسؤول، كما لـ`{$first}`: لـIATI جهة مُبلِّغة واحدة
iati-reporting-org-hint = سمِّ الشريك المُبلِّغ بالخيار `--reporting-org ID`
import-bad-xml = ليس XML سليم البنية: {$reason}
import-bad-xml-hint = صدّر الملف مجددًا من البرنامج الذي كتبه، أو أصلحه في هذا الموضع
import-bad-element-hint = صحّح هذا العنصر أو احذفه، أو تحقّق من أن التنسيق المسمّى هو تنسيق الملف
import-not-format = هذا ليس ملف {$format}: عنصره الأعلى `{$element}`
import-mspdi-duplicate-uid = مهمة ثانية بالمعرّف UID {$uid}
import-mspdi-unknown-task = يسمّي هذا الارتباط المهمة UID {$uid}، وليست في الملف
import-mspdi-link-type = نوع الارتباط {$code} ليس أيًّا من FF (0) وFS (1) وSF (2) وSS (3)
import-mspdi-percent-lag = تأخير مُعطى نسبةً مئوية من مدة المهمة السابقة؛ يعدّ khutta التأخير بأيام العمل
import-iati-org-unnamed = جهة بلا معرّف (`ref`) ولا اسم
import-iati-no-identifier = نشاط بلا `iati-identifier`
import-iati-no-such-activity = ليس في الملف نشاط `{$identifier}`
export-no-baseline = لا خط أساس `{$name}` في مستودع هذه الخطة
export-no-baseline-hint = يسرد `khutta baseline --list` خطوط الأساس
export-cannot-write = تتعذّر كتابة {$path}: {$error}
import-cannot-read = تتعذّر قراءة {$path}: {$error}
import-target-exists = {$path} موجود من قبل وليس مجلدًا فارغًا
import-target-exists-hint = أعطِ الخيار `--into` مجلدًا جديدًا؛ لا يكتب khutta استيرادًا فوق خطة
import-failed = لم يُستورد شيء
import-failed-hint = صحّح المواضع المبيَّنة، أو اطلب من الشريك ملفًا مصحَّحًا
export-failed = لم يُصدَّر شيء
export-failed-hint = صحّح المواضع المبيَّنة وصدّر مجددًا
error-plan-twice = ذُكر مجلدا خطة: { $first } و{ $second }
error-plan-twice-hint = اذكر الخطة مرة واحدة، بالخيار `-C PLAN` أو في موضع PLAN من الأمر
