# واجهة khutta باللغة العربية.
#
# Every message here must also exist in ../en/khutta.ftl with the same variables (a test
# checks). Arabic counts use all six CLDR plural categories: zero (0), one (1), two (2),
# few (3-10, 103-110, ...), many (11-99, 111-199, ...) and other (100-102, ...).
# Digits stay Western (0-9), as in the plan's ids and dates.

## Languages

lang-ar = العربية
lang-en = الإنجليزية

## Screens of the TUI

screen-overview = نظرة عامة
screen-activities = الأنشطة
screen-partners = الشركاء
screen-beneficiaries = المستفيدون
screen-funding = التمويل
screen-gantt = مخطط غانت
screen-problems = المشكلات
screen-consultations = المشاورات
screen-history = السجل
screen-review = المراجعة

## Kinds of entity

entity-activity = نشاط
entity-partner = شريك
entity-beneficiary = فئة مستفيدة
entity-funding = مصدر تمويل

## Field labels (one per field of the plan's model)

field-format = إصدار الصيغة
field-id = المعرّف
field-title = العنوان
field-summary = الملخص
field-window = فترة التخطيط
field-currency = العملة
field-exchange-rates = أسعار الصرف
field-calendars = التقاويم
field-default-calendar = التقويم الافتراضي
field-sdg-goals = أهداف التنمية المستدامة
field-sdg-targets = غايات التنمية المستدامة
field-countries = البلدان
field-cities = المدن
field-start = البداية
field-end = النهاية
field-rate = السعر
field-date = التاريخ
field-source = المصدر
field-country = البلد
field-city = المدينة
field-name = الاسم
field-weekend = عطلة نهاية الأسبوع
field-holidays = العطل الرسمية
field-until = حتى
field-description = الوصف
field-kind = النوع
field-parent = المجموعة
field-timing = التوقيت
field-days = أيام العمل
field-not-before = ليس قبل
field-dependencies = الاعتماديات
field-activity = النشاط
field-lag = الفارق الزمني (أيام عمل)
field-status = الحالة
field-progress = نسبة الإنجاز
field-lead = الشريك الرئيسي
field-partners = الشركاء
field-partner = الشريك
field-role = الدور
field-beneficiaries = الفئات المستفيدة
field-location = الموقع
field-calendar = التقويم
field-budget = الميزانية
field-category = الفئة
field-amount = المبلغ
field-funding = مصدر التمويل
field-note = ملاحظة
field-outputs = المخرجات
field-tags = الوسوم
field-size = العدد التقديري
field-funder = الجهة المموّلة
field-available = متاح للصرف
field-earmarked = مخصص لـ
field-conditions = الشروط
field-acronym = الاسم المختصر
field-roles = الأدوار
field-website = الموقع الإلكتروني
field-iati-ref = معرّف IATI
field-contact = جهة الاتصال
field-email = البريد الإلكتروني
field-phone = الهاتف

## Values of the plan's enumerations

timing-fixed = تواريخ ثابتة
timing-duration = مدة
timing-span = يمتد على أنشطته

activity-kind-task = مهمة
activity-kind-milestone = معلم
activity-kind-group = مجموعة

status-planned = مخطط
status-in-progress = قيد التنفيذ
status-done = منجز
status-on-hold = معلّق
status-cancelled = ملغى
flag-late = متأخر
flag-at-risk = في خطر
flag-started-late = لم يبدأ
tui-overview-today = اليوم
tui-overview-late = المتأخر
tui-overview-late-none = لا شيء متأخر
tui-overview-next = المعالم القادمة
tui-overview-ahead = الحرج المتبقي
tui-gantt-legend = █ منجز  ▄ متبقٍّ  ▓ حرج  ░ فسحة  ◆ معلم  │ اليوم { $today }

dependency-fs = من النهاية إلى البداية
dependency-ss = من البداية إلى البداية
dependency-ff = من النهاية إلى النهاية
dependency-sf = من البداية إلى النهاية

role-funding = مموّل
role-accountable = مسؤول
role-extending = وسيط تمويل
role-implementing = منفّذ

org-type-government = حكومة
org-type-local-government = حكومة محلية
org-type-other-public-sector = جهة أخرى من القطاع العام
org-type-international-ngo = منظمة غير حكومية دولية
org-type-national-ngo = منظمة غير حكومية وطنية
org-type-regional-ngo = منظمة غير حكومية إقليمية
org-type-partner-country-ngo = منظمة غير حكومية من البلد الشريك
org-type-public-private-partnership = شراكة بين القطاعين العام والخاص
org-type-multilateral = منظمة متعددة الأطراف
org-type-foundation = مؤسسة
org-type-private-sector = القطاع الخاص
org-type-academic = مؤسسة أكاديمية أو بحثية
org-type-other = أخرى

beneficiary-kind-city-government = حكومة مدينة
beneficiary-kind-national-institution = مؤسسة وطنية
beneficiary-kind-civil-society = المجتمع المدني
beneficiary-kind-citizens = المواطنون
beneficiary-kind-academia = الأوساط الأكاديمية
beneficiary-kind-private-sector = القطاع الخاص
beneficiary-kind-youth = الشباب
beneficiary-kind-women = النساء
beneficiary-kind-other = أخرى

funding-status-pipeline = قيد النقاش
funding-status-pledged = متعهَّد به
funding-status-committed = ملتزَم به
funding-status-disbursed = مصروف

budget-category-staff = الموظفون
budget-category-consultants = الاستشاريون
budget-category-travel = السفر
budget-category-meetings = الاجتماعات
budget-category-training = التدريب
budget-category-equipment = المعدات
budget-category-communication = الاتصال
budget-category-grants = المنح
budget-category-evaluation = التقييم
budget-category-other = أخرى

weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد

## Counts

count-activities = { $count_form ->
    [zero] لا أنشطة
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}
count-milestones = { $count_form ->
    [zero] لا معالم
    [one] معلم واحد
    [two] معلمان
    [few] { $count } معالم
    [many] { $count } معلمًا
   *[other] { $count } معلم
}
count-groups = { $count_form ->
    [zero] لا مجموعات
    [one] مجموعة واحدة
    [two] مجموعتان
    [few] { $count } مجموعات
    [many] { $count } مجموعةً
   *[other] { $count } مجموعة
}
count-partners = { $count_form ->
    [zero] لا شركاء
    [one] شريك واحد
    [two] شريكان
    [few] { $count } شركاء
    [many] { $count } شريكًا
   *[other] { $count } شريك
}
count-beneficiaries = { $count_form ->
    [zero] لا فئات مستفيدة
    [one] فئة مستفيدة واحدة
    [two] فئتان مستفيدتان
    [few] { $count } فئات مستفيدة
    [many] { $count } فئةً مستفيدة
   *[other] { $count } فئة مستفيدة
}
count-funding = { $count_form ->
    [zero] لا مصادر تمويل
    [one] مصدر تمويل واحد
    [two] مصدرا تمويل
    [few] { $count } مصادر تمويل
    [many] { $count } مصدرًا للتمويل
   *[other] { $count } مصدر تمويل
}
count-errors = { $count_form ->
    [zero] لا أخطاء
    [one] خطأ واحد
    [two] خطآن
    [few] { $count } أخطاء
    [many] { $count } خطأً
   *[other] { $count } خطأ
}
count-warnings = { $count_form ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $count } تحذيرات
    [many] { $count } تحذيرًا
   *[other] { $count } تحذير
}
count-files = { $count_form ->
    [zero] لا ملفات
    [one] ملف واحد
    [two] ملفين
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}

## Common messages of the TUI

saved-files = { $count_form ->
    [zero] لا شيء للحفظ
    [one] حُفظ ملف واحد
    [two] حُفظ ملفان
    [few] حُفظت { $count } ملفات
    [many] حُفظ { $count } ملفًا
   *[other] حُفظ { $count } ملف
}

## Command line output

no-problems = لا مشكلات
# Two counts joined, such as "خطآن، تحذير واحد".
counts-pair = { $first }، { $second }
check-summary = { $plan }: { $counts } في { $files }
hint = تلميح: { $hint }
error = خطأ: { $message }
fmt-would-reformat = ستُعاد صياغة { $path }
fmt-reformatted = أُعيدت صياغة { $path }
summary-plan = الخطة
summary-window = الفترة
summary-contents = المحتوى
summary-check = الفحص
window-range = من { $start } إلى { $end }
summary-contents-line = { $activities } ({ $milestones }، { $groups })، { $partners }، { $beneficiaries }، { $funding }
error-bug-hint = هذا خلل في khutta؛ يُرجى الإبلاغ عنه
error-not-a-plan-hint = أعطِ مسار مجلد خطة (مجلد فيه plan.ron)
error-changed-on-disk-hint = شغّل الأمر مرة أخرى: سيقرأ الملف كما هو الآن
error-no-plan = لا توجد خطة هنا
error-no-plan-hint = افتح خطة بالأمر `khutta PATH` أو أنشئ واحدة بالأمر `khutta init DIR`
error-current-folder = تعذّرت قراءة المجلد الحالي: { $error }
error-output = تعذّرت كتابة المخرجات: { $error }

## تسميات إضافية لحقول النماذج في الواجهة

field-dependency-kind = نوع الارتباط
field-organisation-type = نوع المنظمة
field-beneficiary-kind = نوع الفئة
field-funding-status = حالة التمويل
field-available-from = متاح من
field-available-until = متاح حتى
field-window-start = بداية الخطة
field-window-end = نهاية الخطة
field-contact-name = جهة الاتصال
field-contact-email = البريد الإلكتروني لجهة الاتصال
field-contact-phone = هاتف جهة الاتصال
field-text = النص

## الأوامر كما تظهر في شاشة المساعدة

cmd-quit = خروج
cmd-save = حفظ
cmd-undo = تراجع
cmd-redo = إعادة
cmd-help = مساعدة
cmd-next-screen = الشاشة التالية
cmd-prev-screen = الشاشة السابقة
cmd-screen-overview = شاشة النظرة العامة
cmd-screen-activities = شاشة الأنشطة
cmd-screen-partners = شاشة الشركاء
cmd-screen-beneficiaries = شاشة المستفيدين
cmd-screen-funding = شاشة التمويل
cmd-screen-gantt = شاشة مخطط غانت
cmd-screen-problems = شاشة المشكلات
cmd-up = إلى الأعلى
cmd-down = إلى الأسفل
cmd-left = يسارًا (طيّ، أبكر)
cmd-right = يمينًا (توسيع، لاحقًا)
cmd-page-up = صفحة إلى الأعلى
cmd-page-down = صفحة إلى الأسفل
cmd-top = الصف الأول
cmd-bottom = الصف الأخير
cmd-select = فتح، تحرير
cmd-back = رجوع، إغلاق
cmd-new = جديد
cmd-delete = حذف
cmd-rename = إعادة تسمية (تغيير المعرّف)
cmd-filter = بحث بالنص
cmd-details = عرض الصف كاملاً
cmd-filter-menu = تصفية بالحالة أو الشريك أو البلد
cmd-sort = ترتيب حسب العمود التالي
cmd-toggle = توسيع أو طيّ
cmd-expand-all = توسيع الكل
cmd-collapse-all = طيّ الكل
cmd-external-editor = التحرير في $EDITOR
cmd-zoom-in = تكبير
cmd-zoom-out = تصغير
cmd-today = الانتقال إلى اليوم
cmd-gantt-start = عرض بداية الخطة
cmd-gantt-end = عرض نهاية الخطة
cmd-gantt-selected = عرض الشريط المحدد
cmd-next-milestone = المعلم التالي
cmd-page-left = شاشة إلى الوراء في الزمن
cmd-page-right = شاشة إلى الأمام في الزمن
cmd-switch-language = عرض اللغة الأخرى

## عناوين الأعمدة

col-id = المعرّف
col-title = العنوان
col-start = البداية
col-finish = النهاية
col-status = الحالة
col-lead = الرائد
col-slack = الفسحة
col-name = الاسم
col-acronym = الاختصار
col-type = النوع
col-country = البلد
col-kind = الفئة
col-place = المكان
col-size = الحجم
col-funder = المموّل
col-amount = المبلغ
col-used = المستخدم
col-left = المتبقي
col-code = الرمز
col-file = الملف
col-message = المشكلة
col-hint = تلميح

## الواجهة

tui-saved = محفوظ
tui-unsaved = ● غير محفوظ
tui-problem-counts = { $errors } خ { $warnings } ت
tui-keys-hint = ? مساعدة   q خروج   ctrl-s حفظ
tui-too-small = حجم الطرفية { $width }×{ $height }؛ تحتاج khutta إلى { $min_width }×{ $min_height } على الأقل. كبّر النافذة أو اضغط q للخروج.
tui-read-only = تعذّرت قراءة plan.ron: الخطة مفتوحة للقراءة فقط (انظر المشكلات)
tui-cannot-save-read-only = لا يمكن الحفظ: تعذّرت قراءة plan.ron، والحفظ قد يُفقد ما فيه
tui-nothing-to-save = لا شيء للحفظ
tui-saving = جارٍ الحفظ…
tui-saved-files = { $count_form ->
    [zero] حُفظ: لم يُكتب أي ملف
    [one] حُفظ: كُتب ملف واحد
    [two] حُفظ: كُتب ملفان
    [few] حُفظ: كُتبت { $count } ملفات
    [many] حُفظ: كُتب { $count } ملفًا
   *[other] حُفظ: كُتب { $count } ملف
}
tui-save-failed = فشل الحفظ، ولم يُفقد شيء: { $error }
tui-undone = تم التراجع
tui-redone = تمت الإعادة
tui-nothing-to-undo = لا شيء للتراجع عنه
tui-nothing-to-redo = لا شيء لإعادته
tui-cannot = تعذّر: { $error }
tui-changed = تم التغيير (غير محفوظ)
tui-not-changed = لم يتغيّر شيء: { $error }
tui-not-applied = لم يُطبَّق: { $error }
tui-unchanged = لم يتغيّر شيء: القيمة كما كانت
tui-sorted-by = مرتّب حسب { $column }
tui-move-to-list = انتقل إلى قائمة (الارتباطات، الشركاء، الميزانية، المخرجات) للإضافة إليها
tui-editor-failed = فشل المحرر الخارجي: { $error }
tui-cannot-open = لا يمكن فتح { $path } هنا: أصلحه في الملف
tui-recovered = { $count_form ->
    [zero] لم يُستعد أي تغيير
    [one] استُعيد تغيير واحد غير محفوظ؛ احفظ للإبقاء عليه
    [two] استُعيد تغييران غير محفوظين؛ احفظ للإبقاء عليهما
    [few] استُعيدت { $count } تغييرات غير محفوظة؛ احفظ للإبقاء عليها
    [many] استُعيد { $count } تغييرًا غير محفوظ؛ احفظ للإبقاء عليها
   *[other] استُعيد { $count } تغيير غير محفوظ؛ احفظ للإبقاء عليها
}
tui-recovery-discarded = أُهملت التعديلات المستعادة
tui-recovery-failed = تعذّرت كتابة ملف الاستعادة { $error }
tui-config-error = في ملف الإعدادات مشكلة، ولم تُستخدم إعداداته:
tui-empty = لا شيء هنا بعد: اضغط n للإضافة
tui-empty-filter = لا شيء يطابق التصفية (esc يمسحها)
tui-filter-on = التصفية مفعّلة: تُعرض { $shown } من أصل { $total } من الأنشطة (f لتغييرها، esc لمسحها)
tui-form-help = enter تحرير   a إضافة   d حذف   r إعادة تسمية   e محرر خارجي   esc رجوع
tui-form-item = البند { $number }
tui-editor-hint = enter للتطبيق، esc للإلغاء
tui-editor-none = (لا شيء)
tui-editor-new-id = معرّف العنصر الجديد
tui-editor-rename = المعرّف الجديد
tui-editor-filter = تصفية
tui-quit-unsaved = توجد تغييرات غير محفوظة.
tui-quit-keys = s حفظ وخروج   d إهمال وخروج   esc بقاء
tui-delete-question = حذف { $what } `{ $id }`؟
tui-delete-unreferenced = لا شيء يشير إليه.
tui-delete-references = { $count_form ->
    [zero] لن تبقى أي إشارة معلّقة:
    [one] ستبقى إشارة واحدة معلّقة:
    [two] ستبقى إشارتان معلّقتين:
    [few] ستبقى { $count } إشارات معلّقة:
    [many] ستبقى { $count } إشارةً معلّقة:
   *[other] ستبقى { $count } إشارة معلّقة:
}
tui-delete-more = … و{ $count } أخرى
tui-delete-keys = y حذف   esc إبقاء
tui-recover-question = { $count_form ->
    [one] تركت جلسة سابقة تغييرات غير محفوظة في ملف واحد:
    [two] تركت جلسة سابقة تغييرات غير محفوظة في ملفين:
    [few] تركت جلسة سابقة تغييرات غير محفوظة في { $count } ملفات:
   *[other] تركت جلسة سابقة تغييرات غير محفوظة في { $count } ملفًا:
}
tui-recover-when = أُجري آخرها في { $when }.
tui-recover-keys = r استعادة   d إهمال
tui-filter-status = s الحالة:  { $value }
tui-filter-partner = p الشريك: { $value }
tui-filter-country = c البلد: { $value }
tui-filter-any = أيّ
tui-filter-keys = x مسح   esc إغلاق
tui-any-key = أي مفتاح يغلق هذه الرسالة
tui-help-title = المفاتيح: { $screen }
tui-help-close = esc يغلق هذه النافذة
tui-overview-edit = enter: تحرير عنوان الخطة ومدتها وعملتها وأسعار الصرف
tui-overview-window = المدة
tui-overview-contents = المحتوى
tui-overview-check = الفحص
tui-overview-finish = الانتهاء
tui-overview-budget = الميزانية
tui-overview-secured = التمويل المؤمَّن
tui-overview-expected = التمويل المتوقع
tui-overview-problems = { $errors } أخطاء، { $warnings } تحذيرات (انظر المشكلات، 7)
tui-overview-warnings = { $warnings_form ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $warnings } تحذيرات
    [many] { $warnings } تحذيرًا
   *[other] { $warnings } تحذير
}

## git في الواجهة

screen-conflicts = التعارضات
cmd-screen-history = شاشة السجل
cmd-screen-conflicts = شاشة التعارضات
cmd-commit = إيداع الخطة المحفوظة
cmd-sync = المزامنة مع الشركاء (جلب، دمج، إرسال)
cmd-cancel-sync = إلغاء المزامنة الجارية
cmd-take-ours = الإبقاء على قيمتنا
cmd-take-theirs = أخذ قيمتهم
cmd-take-base = العودة إلى القيمة المشتركة
cmd-finish-merge = إنشاء إيداع الدمج
cmd-abort-merge = التخلي عن الدمج
col-commit = الإيداع
col-date = التاريخ
col-author = المؤلف
col-commit-message = الرسالة
col-changes = ما تغيّر
tui-save-first = احفظ أولًا (ctrl-s): يعمل git على الخطة المحفوظة
tui-nothing-to-commit = لا شيء للإيداع: الخطة المحفوظة كما في آخر إيداع
tui-merge-first = دمج بانتظار الحل: سوِّ تعارضاته أولًا (الشاشة C)
tui-syncing = جارٍ المزامنة… (esc للإلغاء)
tui-sync-cancelling = تُلغى المزامنة عند خطوتها التالية…
tui-committed = { $count_form ->
    [zero] لم يُودَع أي ملف
    [one] أُودِع ملف واحد
    [two] أُودِع ملفان
    [few] أُودِعت { $count } ملفات
    [many] أُودِع { $count } ملفًا
   *[other] أُودِع { $count } ملف
}
tui-sync-up-to-date = الخطة محدّثة مع الشركاء
tui-synced = تمت المزامنة مع الشركاء
tui-sync-conflicts = { $count_form ->
    [zero] توقف الدمج دون تعارضات
    [one] توقف الدمج عند تعارض واحد: سوِّه في شاشة التعارضات (C)
    [two] توقف الدمج عند تعارضين: سوِّهما في شاشة التعارضات (C)
    [few] توقف الدمج عند { $count } تعارضات: سوِّها في شاشة التعارضات (C)
    [many] توقف الدمج عند { $count } تعارضًا: سوِّها في شاشة التعارضات (C)
   *[other] توقف الدمج عند { $count } تعارض: سوِّها في شاشة التعارضات (C)
}
tui-conflicts-left = { $count_form ->
    [zero] لم يبق أي تعارض: اضغط M لإنشاء إيداع الدمج
    [one] بقي تعارض واحد
    [two] بقي تعارضان
    [few] بقيت { $count } تعارضات
    [many] بقي { $count } تعارضًا
   *[other] بقي { $count } تعارض
}
tui-merged = تم الدمج: أُنشئ إيداع الدمج؛ زامِن لإرساله
tui-merge-aborted = أُلغي الدمج؛ الخطة كما كانت قبله
tui-merge-kept = { $message }؛ وبقيت تعديلاتك أنت على { $files }
tui-sync-receiving = المزامنة: استلام { $done }/{ $total }
tui-sync-merging = المزامنة: دمج الخطة
tui-sync-sending = المزامنة: إرسال { $done }/{ $total }
tui-sync-retrying = المزامنة: أرسل شريك قبلنا، محاولة جديدة ({ $attempt })
tui-sync-server = المزامنة: الخادم: { $line }
# نتيجة المزامنة، ثم آخر ما قاله الخادم لشخص (رسالة خطّاف).
tui-sync-server-said = { $status } — الخادم: { $line }
tui-sync-baselines-received = خطوط الأساس المأخوذة: { $names }
tui-sync-baselines-sent = خطوط الأساس المرسلة: { $names }
tui-sync-baseline-differs = خط الأساس { $name } مختلف على الخادم؛ لم يُغيَّر أيٌّ منهما (انظر khutta sync)
tui-commit-title = رسالة الإيداع: ما الذي تغيّر ولماذا
tui-commit-empty = اكتب ما الذي تغيّر
tui-conflict-value = قيمتك (JSON)
tui-no-history = لم يمسّ أي إيداع الخطة بعد
tui-no-merge = لا دمج بانتظار الحل
tui-merge-title = دمج { $label }: بقي { $count }
tui-side-base = الأصل
tui-side-ours = قيمتنا
tui-side-theirs = قيمتهم
tui-conflicts-help = o قيمتنا   t قيمتهم   b الأصل   enter نموذجه   v قيمة (JSON)   M إيداع الدمج   A تخلٍّ
tui-help-move = ↑ ↓ j k  pgup pgdn ctrl-b ctrl-f  g G home end: التنقل
tui-gantt-scale = عمود واحد لكل { $scale }
tui-scale-day = يوم
tui-scale-week = أسبوع
tui-scale-month = شهر
tui-scale-quarter = ربع سنة

## المشاورات: الجولات والمصمّم وجمع الإجابات والنتائج والقسم في النماذج
cmd-screen-consultations = شاشة المشاورات
cmd-collect = جمع إجابات مشارك
cmd-consult-results = نتائج الجولة
cmd-move-up = تقديم السؤال
cmd-move-down = تأخير السؤال
cmd-cycle-country = احتساب بلد واحد (التالي)
cmd-cycle-org-type = احتساب نوع منظمة واحد (التالي)
cmd-toggle-anonymise = إخفاء هوية المشاركين في النتائج، أو إظهارها من جديد
col-questions = الأسئلة
col-responses = الإجابات
round-status-draft = مسودة
round-status-open = مفتوحة
round-status-closed = مغلقة
tui-new-round = معرّف الجولة الجديدة
tui-no-rounds = لا جولات تشاور بعد. اضغط n لإضافة جولة.
tui-rounds-help = الجولات: { $count } · Enter التصميم · i جمع الإجابات · R النتائج · n جولة جديدة · d حذف
design-title = العنوان
design-status = الحالة
design-date = التاريخ
design-id = المعرّف
design-text = السؤال
design-help = ملاحظة
design-kind = النوع
design-aspect = يفيد في
design-item = العناصر المختارة
design-max = بحد أقصى
design-low = 1 يعني
design-high = 5 يعني
design-refers-to = يتعلق بـ
design-option = الخيار { $number }
question-kind-singlechoice = اختيار واحد
question-kind-multiplechoice = اختيار متعدد
question-kind-rating = تقييم من 1 إلى 5
question-kind-ranking = ترتيب
question-kind-freetext = نص حر
question-kind-planitems = اختيار من عناصر الخطة
aspect-activities = الأنشطة
aspect-timeline = الجدول الزمني
aspect-beneficiaries = المستفيدون
aspect-partners = الشركاء
aspect-funding = التمويل
tui-design-title = الجولة { $round } · عدد الأسئلة: { $count }
tui-design-round-row = الجولة
tui-design-preview = معاينة ({ $lang })
tui-design-help = Enter الحقول · n إضافة · d حذف · K/J نقل · L لغة المعاينة · i جمع · R النتائج · Esc رجوع
tui-design-fields-help = Enter تعديل · n إضافة خيار · d حذف الخيار · Esc العودة إلى الأسئلة
collect-participant = معرّف المشارك
collect-language = اللغة
collect-organisation = المنظمة
collect-country = البلد
collect-role = الدور
collect-name = الاسم (اختياري)
collect-org-type = نوع المنظمة
collect-org-type-none = (نوع الشريك نفسه، أو غير محدد)
tui-collect-who = من يجيب؟ (معرّف مشارك موجود يستأنف إجاباته)
tui-collect-help-who = ↑↓ الحقل · اكتب للتعبئة · ←→ اللغة أو النوع · Enter البدء · Esc الخروج
tui-collect-help-single = ↑↓ الاختيار · Enter الإجابة · PgUp/PgDn السابق/التالي · Esc الخروج (الإجابات محفوظة)
tui-collect-help-multiple = ↑↓ التنقل · Space التأشير · Enter الإجابة · PgUp/PgDn السابق/التالي · Esc الخروج
tui-collect-help-rating = 1-5 أو ↑↓ · Enter الإجابة · PgUp/PgDn السابق/التالي · Esc الخروج
tui-collect-help-ranking = Space يرتّب التالي أو يتراجع عنه · Enter الإجابة · PgUp/PgDn · Esc الخروج
tui-collect-help-text = اكتب الإجابة · Enter الحفظ · PgUp/PgDn السابق/التالي · Esc الخروج
tui-collect-help-done = Enter المشارك التالي · Esc الخروج
tui-collect-progress = السؤال { $number } من { $count } · { $aspect }
tui-collect-done = شكرًا: أُجيب عن { $count } من { $total } من الأسئلة، وحُفظت كل الإجابات.
tui-collect-resumed = استئناف { $participant }
tui-collect-need-organisation = اكتب المنظمة: معرّف شريك أو اسمًا
tui-collect-at-most = يمكن اختيار { $max } بحد أقصى
tui-collect-rank-all = رتّب كل الخيارات قبل المتابعة
tui-collect-saved = حُفظ { $path }
tui-collect-not-saved = لم تُحفظ الإجابة: { $error }
tui-results-title = النتائج
tui-results-who = { $shown } من { $total } مشاركًا · البلد: { $country } · نوع المنظمة: { $kind }
tui-results-question = { $id } · { $aspect } · أجاب { $answered }
tui-results-mean = المتوسط { $mean }
tui-results-borda = عدّ بوردا: عدد الخيارات { $count }، تنال المرتبة الأولى { $points } من النقاط والأخيرة 0
tui-results-points = { $points_form ->
    [zero] لا نقاط
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $points } نقاط
    [many] { $points } نقطةً
   *[other] { $points } نقطة
}، { $first } في المرتبة الأولى
tui-results-help = ↑↓ التمرير · f البلد · o نوع المنظمة · A إخفاء الهوية · L اللغة · Esc رجوع
tui-results-anonymised = دون ذكر المشاركين
tui-about-heading = مشاورات تتعلق بهذا العنصر
tui-about-draft = { $round } (مسودة)
tui-about-picked = { $round }: اختاره { $picks } من { $answered }
tui-about-answered = { $round }: أجاب { $answered }
tui-round-has-answers = تضم الجولة { $round } إجابات عددها { $count }: احذف مجلدها عبر git إن لزم

## The Review screen
cmd-screen-review = شاشة المراجعة
cmd-review-old = المقارنة ابتداءً من النسخة المحددة
cmd-review-new = المقارنة حتى النسخة المحددة
tui-review-sides = من { $old }  إلى { $new }  (o: من هنا · n: إلى هنا · pgup pgdn ← →: التمرير)
tui-review-working = الخطة الحالية
tui-review-baseline = خط الأساس { $name }
tui-review-loading = جارٍ قراءة النسخ…
tui-pick-no-match = لا شيء يطابق ما كتبته: صحّحه، أو اضغط Esc لترك الحقل كما كان
tui-collect-not-open = الجولة { $round } { $status } وليست مفتوحة: تُحفظ الإجابات مع ذلك؛ افتحها في المصمم إن كان ينبغي أن تتلقى إجابات

## khutta consult في سطر الأوامر
consult-no-rounds-hint = لا جولات في هذه الخطة بعد (consultations/<round>/round.ron)
consult-rounds-hint = الجولات: { $rounds }
consult-country-hint = مثلًا --country EG
consult-not-org-type = { $text } ليس نوع جهة
consult-one-of-hint = واحد من: { $allowed }
consult-results-incomplete = { $count_form ->
    [one] تحذير: خطأ واحد في ملفات هذه الجولة؛ لا تُحسب الإجابات التي يخصها (انظر `khutta check`)
    [two] تحذير: خطآن في ملفات هذه الجولة؛ لا تُحسب الإجابات التي يخصانها (انظر `khutta check`)
    [few] تحذير: { $count } أخطاء في ملفات هذه الجولة؛ لا تُحسب الإجابات التي تخصها (انظر `khutta check`)
   *[other] تحذير: { $count } خطأً في ملفات هذه الجولة؛ لا تُحسب الإجابات التي تخصها (انظر `khutta check`)
}
consult-csv-not-utf8 = { $path } ليس بترميز UTF-8
consult-csv-not-utf8-hint = صدّر ملف CSV بترميز UTF-8 (تعرض الجداول الإلكترونية «CSV UTF-8»)
consult-header-hint = صف العناوين هو `{ $header }` (انظر `khutta consult template { $round }`)
consult-import-row = { $file }: الصف { $row }: { $reason }
consult-responses = { $count_form ->
    [zero] لا ردود
    [one] ردٌّ واحد
    [two] ردّان
    [few] { $count } ردود
    [many] { $count } ردًّا
   *[other] { $count } رد
}
consult-rows-refused = { $count_form ->
    [zero] ولم يُرفض أي صف
    [one] ورُفض صف واحد
    [two] ورُفض صفان
    [few] ورُفضت { $count } صفوف
    [many] ورُفض { $count } صفًّا
   *[other] ورُفض { $count } صف
}
consult-would-import = { $count_form ->
    [zero] لن يُستورد أي رد إلى { $folder }، { $refused }
   *[other] سيُستورد { $responses } إلى { $folder }، { $refused }
}
consult-imported = { $count_form ->
    [zero] لم يُستورد أي رد إلى { $folder }، { $refused }
   *[other] استُورد { $responses } إلى { $folder }، { $refused }
}

## الأشهر على محور المخطط
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## ما غيّره الإيداع في سطر واحد (khutta log وشاشة السجل)
list-separator = {"؛ "}
summary-line = { $parts }
summary-plan-fields = الخطة ({ $fields })
summary-added = + { $noun } { $id }
summary-removed = - { $noun } { $id }
summary-renamed = { $noun } { $from } -> { $to }
summary-changed = { $id } ({ $fields })
summary-no-change = لا تغيير في الخطة
summary-plan-begins = تبدأ الخطة { $id }
summary-files = { $count_form ->
    [one] ملف واحد
    [two] ملفان
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}
summary-round-design = تصميم الجولة
summary-responses = { $count_form ->
    [one] ردّ واحد
    [two] ردّان
    [few] { $count } ردود
    [many] { $count } ردًّا
   *[other] { $count } ردّ
}
summary-consultation = جولة التشاور { $round } ({ $what })

## نتائج الجولة نصًّا وMarkdown (khutta consult results)
results-about = { $aspect }، { $kind }، أجاب { $answered }
results-countries = البلدان: { $list }
results-types = أنواع المنظمات: { $list }
results-respondents = { $count_form ->
    [zero] لا مشاركين
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}
results-respondents-of = { $count } من { $total } مشاركًا ({ $filters })
results-anonymised = { $who }، دون ذكر المشاركين
results-count = العدد
results-share = النسبة
results-rating = التقييم
results-rank = المرتبة
results-points = نقاط بوردا
results-first = المراتب الأولى
results-md-mean = المتوسط: { $mean }.
tui-save-waits = { $count_form ->
    [one] لم يُحفظ شيء: ملف واحد ينتظر تسوية تعارضاته (C)
    [two] لم يُحفظ شيء: ملفان ينتظران تسوية تعارضاتهما (C)
    [few] لم يُحفظ شيء: { $count } ملفات تنتظر تسوية تعارضاتها (C)
   *[other] لم يُحفظ شيء: { $count } ملفًا تنتظر تسوية تعارضاتها (C)
}
tui-save-changed-on-disk = { $count_form ->
    [one] تغيّر ملف على القرص منذ قُرئ فلم يُكتب ({ $files }): تجري قراءته لدمجه ثم الحفظ من جديد
    [two] تغيّر ملفان على القرص منذ قُرئا فلم يُكتبا ({ $files }): تجري قراءتهما لدمجهما ثم الحفظ من جديد
    [few] تغيّرت { $count } ملفات على القرص منذ قُرئت فلم تُكتب ({ $files }): تجري قراءتها لدمجها ثم الحفظ من جديد
   *[other] تغيّر { $count } ملفًا على القرص منذ قُرئت فلم تُكتب ({ $files }): تجري قراءتها لدمجها ثم الحفظ من جديد
}
tui-changed-on-disk = تغيّر على القرص: { $files }
tui-merged-from-disk = تغيّر على القرص ودُمج مع تعديلاتك غير المحفوظة: { $files }
tui-disk-conflicts = { $count_form ->
    [one] تعارض واحد مع تعديلاتك غير المحفوظة: سوِّه في شاشة التعارضات (C)
    [two] تعارضان مع تعديلاتك غير المحفوظة: سوِّهما في شاشة التعارضات (C)
    [few] { $count } تعارضات مع تعديلاتك غير المحفوظة: سوِّها في شاشة التعارضات (C)
   *[other] { $count } تعارضًا مع تعديلاتك غير المحفوظة: سوِّها في شاشة التعارضات (C)
}
tui-and-more = و{ $count } غيرها
tui-changed-by = (من { $names })
tui-watch-failed = لا تُراقَب التغييرات على القرص ({ $error }): ومع ذلك لا يكتب الحفظ فوقها أبدًا
tui-recovery-unreadable = تعذّرت قراءة ملف استعادة التعديلات غير المحفوظة: { $error }
tui-disk-conflicts-title = { $count_form ->
    [one] تعديلاتك غير المحفوظة والقرص: تعارض واحد
    [two] تعديلاتك غير المحفوظة والقرص: تعارضان
    [few] تعديلاتك غير المحفوظة والقرص: { $count } تعارضات
   *[other] تعديلاتك غير المحفوظة والقرص: { $count } تعارضًا
}
tui-disk-conflicts-left = { $count_form ->
    [zero] لم يبقَ تعارض مع القرص: احفظ (ctrl-s) لكتابة الملفات
    [one] بقي تعارض واحد مع القرص
    [two] بقي تعارضان مع القرص
    [few] بقيت { $count } تعارضات مع القرص
   *[other] بقي { $count } تعارضًا مع القرص
}
tui-conflict-disk = غير محفوظ/القرص
tui-oplog-failed = حُفظ، لكن تعذّر تسجيله في سجل العمليات: { $error }
col-operation = رقم
col-operation-what = العملية
col-files = الملفات
tui-no-operations = لم تُسجَّل أي عملية بعد · O الإيداعات
tui-operations-help = U إعادة الملفات كما كانت قبل العملية المحددة · O الإيداعات
tui-undo-operation-question = أتعيد ملفات الخطة كما كانت قبل العملية { $number } ({ $what })؟ تُلغى معها التغييرات اللاحقة على تلك الملفات؛ وتبقى التعديلات غير المحفوظة.
tui-undo-operation-keys = y إعادة   esc الإبقاء كما هي
tui-operation-undone = { $count_form ->
    [zero] الملفات كما كانت قبل العملية { $number }: لم يلزم إعادة أي ملف
    [one] الملفات كما كانت قبل العملية { $number }: أُعيد ملف واحد
    [two] الملفات كما كانت قبل العملية { $number }: أُعيد ملفان
    [few] الملفات كما كانت قبل العملية { $number }: أُعيدت { $count } ملفات
   *[other] الملفات كما كانت قبل العملية { $number }: أُعيد { $count } ملفًا
}
cmd-operations = العمليات / الإيداعات
cmd-undo-operation = إعادة الملفات كما كانت قبل العملية
tui-new-errors = { $count_form ->
    [one] جاء معه خطأ جديد (7 المشكلات)
    [two] جاء معه خطآن جديدان (7 المشكلات)
    [few] جاءت معه { $count } أخطاء جديدة (7 المشكلات)
   *[other] جاء معه { $count } خطأً جديدًا (7 المشكلات)
}
cmd-edit-value = اكتب قيمة من عندك (JSON)
error-not-a-folder-hint = ضع مكانه مجلدًا حقيقيًا من ملفات الخطة

## khutta export markdown: تقرير الحالة.
report-title = تقرير الحالة: {$plan}
report-as-of = حتى {$date}.
report-summary = الخلاصة
report-summary-activities = الأنشطة: {$count} (منجزة: {$done}، جارية: {$active}، مخطط لها: {$planned}، معلقة: {$held}، ملغاة: {$cancelled})
report-summary-window = فترة التخطيط: من {$start} إلى {$end}
report-summary-finish = النهاية المجدولة: {$date}
report-summary-critical = المسار الحرج: {$path}
report-late = الأعمال المتأخرة
report-late-none = لا شيء متأخر.
report-next = المعالم القادمة
report-next-none = لا معلم قادم.
report-budget = الميزانية بحسب مصدر التمويل
report-gantt = مخطط غانت
report-gantt-other = خارج أي مجموعة
report-unfunded = بلا مصدر تمويل
report-column-id = المعرّف
report-column-activity = النشاط
report-column-due = الموعد الأقصى
report-column-status = الحالة
report-column-progress = الإنجاز
report-column-date = التاريخ
report-column-milestone = المعلم
report-column-funding = مصدر التمويل
report-column-currency = العملة
report-column-amount = المبلغ
report-column-budgeted = المرصود في الميزانية

## التصدير والاستيراد من الواجهة (E وI)

cmd-export = تصدير الخطة
cmd-import = استيراد ملف
tui-export-title = التصدير بصيغة
tui-import-title = الاستيراد من
tui-export-html = تقرير HTML (ملف واحد يُفتح في أي متصفح)
tui-export-markdown = تقرير Markdown مع مخطط غانت بلغة Mermaid
tui-export-csv = CSV: الأنشطة وبنود الميزانية والشركاء (مجلد)
tui-export-ics = iCalendar: المعالم والأنشطة
tui-export-iati = ملف نشاط IATI 2.03 بصيغة XML
tui-export-mspdi = ملف MS Project بصيغة XML
tui-import-csv = CSV: الأنشطة وبنود الميزانية (ملف أو مجلد)
tui-import-iati = ملف نشاط IATI: تصبح منظماته شركاء
tui-export-path = الكتابة إلى (ملف، أو مجلد لصيغة CSV)
tui-import-path = القراءة من (ملف، أو ملف أو مجلد لصيغة CSV)
tui-exchange-no-path = اكتب المكان، أي مسارًا
tui-exporting = جارٍ التصدير…
tui-importing = جارٍ قراءة الملف…
tui-exported = كُتب { $files } في { $path }
tui-exchange-more = { $count_form ->
    [zero] ولا مشكلات أخرى
    [one] ومشكلة أخرى
    [two] ومشكلتان أخريان
    [few] و{ $count } مشكلات أخرى
    [many] و{ $count } مشكلةً أخرى
   *[other] و{ $count } مشكلة أخرى
}
tui-import-stale = تغيّرت الخطة أثناء قراءة الملف: لم يُستورد شيء؛ أعد الاستيراد
tui-import-nothing = لا يأتي الملف بشيء ليس في الخطة
tui-imported = { $count_form ->
    [zero] استُورد الملف: لم يتغير أي ملف من ملفات الخطة
    [one] استُورد الملف: تغيّر ملف واحد من ملفات الخطة (غير محفوظ؛ u يتراجع عنه)
    [two] استُورد الملف: تغيّر ملفان من ملفات الخطة (غير محفوظين؛ u يتراجع عنهما)
    [few] استُورد الملف: تغيّرت { $count } ملفات من ملفات الخطة (غير محفوظة؛ u يتراجع عنها كلها)
    [many] استُورد الملف: تغيّر { $count } ملفًا من ملفات الخطة (غير محفوظة؛ u يتراجع عنها كلها)
   *[other] استُورد الملف: تغيّر { $count } ملف من ملفات الخطة (غير محفوظة؛ u يتراجع عنها كلها)
}
tui-export-reporter = الناشر (الشريك الذي يُبلِّغ بمعرّفه في IATI)

## البحث في قوائم الشركاء والمستفيدين والتمويل (/)

tui-editor-search = بحث
tui-search-on = البحث مفعّل: يظهر { $shown } من { $total } (/ لتغييره، esc لإلغائه)
tui-search-none = لا شيء يطابق البحث (esc لإلغائه)

## ما يحق لمن يستخدم الواجهة تغييره، وفق governance.ron

tui-rights-refused = ليس لك تغييره: { $why }
tui-rights-coordinator = أنت: { $name } ({ $partner }، منسِّق)
tui-rights-partner = أنت: { $name } ({ $partner })
tui-rights-unknown = أنت: { $email }، غير مذكور في governance.ron: يرفض الخادم ما تودعه
