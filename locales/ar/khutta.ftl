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
screen-help = المساعدة
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

severity-error = خطأ
severity-warning = تحذير

## Counts

count-activities = { $count ->
    [zero] لا أنشطة
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
    [many] { $count } نشاطًا
   *[other] { $count } نشاط
}
count-milestones = { $count ->
    [zero] لا معالم
    [one] معلم واحد
    [two] معلمان
    [few] { $count } معالم
    [many] { $count } معلمًا
   *[other] { $count } معلم
}
count-groups = { $count ->
    [zero] لا مجموعات
    [one] مجموعة واحدة
    [two] مجموعتان
    [few] { $count } مجموعات
    [many] { $count } مجموعةً
   *[other] { $count } مجموعة
}
count-partners = { $count ->
    [zero] لا شركاء
    [one] شريك واحد
    [two] شريكان
    [few] { $count } شركاء
    [many] { $count } شريكًا
   *[other] { $count } شريك
}
count-beneficiaries = { $count ->
    [zero] لا فئات مستفيدة
    [one] فئة مستفيدة واحدة
    [two] فئتان مستفيدتان
    [few] { $count } فئات مستفيدة
    [many] { $count } فئةً مستفيدة
   *[other] { $count } فئة مستفيدة
}
count-funding = { $count ->
    [zero] لا مصادر تمويل
    [one] مصدر تمويل واحد
    [two] مصدرا تمويل
    [few] { $count } مصادر تمويل
    [many] { $count } مصدرًا للتمويل
   *[other] { $count } مصدر تمويل
}
count-errors = { $count ->
    [zero] لا أخطاء
    [one] خطأ واحد
    [two] خطآن
    [few] { $count } أخطاء
    [many] { $count } خطأً
   *[other] { $count } خطأ
}
count-warnings = { $count ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $count } تحذيرات
    [many] { $count } تحذيرًا
   *[other] { $count } تحذير
}
count-files = { $count ->
    [zero] لا ملفات
    [one] ملف واحد
    [two] ملفين
    [few] { $count } ملفات
    [many] { $count } ملفًا
   *[other] { $count } ملف
}

## Common messages of the TUI

saved-files = { $count ->
    [zero] لا شيء للحفظ
    [one] حُفظ ملف واحد
    [two] حُفظ ملفان
    [few] حُفظت { $count } ملفات
    [many] حُفظ { $count } ملفًا
   *[other] حُفظ { $count } ملف
}
unsaved-changes = تغييرات غير محفوظة
quit-confirm = توجد تغييرات غير محفوظة. هل تريد الخروج دون حفظ؟
answer-yes = نعم
answer-no = لا
save-failed = تعذّر الحفظ: { $error }

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
error-no-plan = لا توجد خطة هنا
error-no-plan-hint = افتح خطة بالأمر `khutta PATH` أو أنشئ واحدة بالأمر `khutta init DIR`
error-current-folder = تعذّرت قراءة المجلد الحالي: { $error }
error-output = تعذّرت كتابة المخرجات: { $error }
